package eu.herald.common.web;

import eu.herald.common.Language;
import eu.herald.common.LanguageChosen;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch: remembers the choice and goes back to the page it came from. */
@Controller
class LanguageController {

    private final LocaleResolver locales;
    private final ApplicationEventPublisher events;

    LanguageController(LocaleResolver locales, ApplicationEventPublisher events) {
        this.locales = locales;
        this.events = events;
    }

    @PostMapping("/language")
    String choose(
            @RequestParam String lang,
            @RequestParam(defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        Language.fromCode(lang).ifPresent(language -> {
            locales.setLocale(request, response, language.locale());
            events.publishEvent(new LanguageChosen(language));
        });
        return "redirect:" + safeReturn(returnTo);
    }

    /** Only a path on this site: never another host, so the switch cannot be an open redirect. */
    static String safeReturn(String returnTo) {
        if (returnTo == null
                || !returnTo.startsWith("/")
                || returnTo.startsWith("//")
                || returnTo.contains("\\")
                || returnTo.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return returnTo;
    }
}
