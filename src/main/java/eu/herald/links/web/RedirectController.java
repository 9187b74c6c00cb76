package eu.herald.links.web;

import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.LinkService.Visit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public redirect {@code /l/{code}}: 302 to the target with its campaign parameters, answered only once the
 * visit is committed (503 if that takes too long). No session, no cookies.
 */
@Controller
class RedirectController {

    private final LinkService links;

    RedirectController(LinkService links) {
        this.links = links;
    }

    @RequestMapping(
            path = "/l/{code}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    @Nullable
    ModelAndView follow(@PathVariable String code, HttpServletRequest request, HttpServletResponse response)
            throws InterruptedException {
        Visit visit = links.visit(
                code,
                "HEAD".equals(request.getMethod()),
                request.getHeader(HttpHeaders.USER_AGENT),
                request.getRemoteAddr());
        return switch (visit) {
            case Visit.Redirect redirect -> {
                try {
                    links.store(redirect.click()).get(); // completes within the commit timeout, one way or the other
                } catch (ExecutionException e) {
                    yield new ModelAndView("links/unavailable", HttpStatus.SERVICE_UNAVAILABLE);
                }
                response.setStatus(HttpStatus.FOUND.value());
                response.setHeader(HttpHeaders.LOCATION, redirect.location());
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                yield null;
            }
            case Visit.Ended ended -> {
                ModelAndView page = new ModelAndView("links/ended", HttpStatus.GONE);
                page.addObject("site", ended.site());
                page.addObject("endedOn", ended.endedOn());
                yield page;
            }
            case Visit.Unknown unknown -> new ModelAndView("links/unknown", HttpStatus.NOT_FOUND);
        };
    }
}
