package eu.herald.links.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import eu.herald.links.domain.Click;
import eu.herald.links.domain.LinkService;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** The redirect never claims a click it has not stored: a commit that fails or takes too long answers 503. */
class RedirectControllerTests {

    final LinkService links = mock(LinkService.class);
    final RedirectController controller = new RedirectController(links);

    private ModelAndView follow(CompletableFuture<Void> stored, MockHttpServletResponse response) throws Exception {
        Click click = new Click("Ab3dE5gH", Instant.now(), false, new byte[32]);
        when(links.visit(anyString(), anyBoolean(), any(), anyString()))
                .thenReturn(new LinkService.Visit.Redirect("https://example.be/?utm_source=x", click));
        when(links.store(click)).thenReturn(stored);
        return controller.follow("Ab3dE5gH", new MockHttpServletRequest("GET", "/l/Ab3dE5gH"), response);
    }

    @Test
    void aCommitThatTakesTooLongAnswers503NotARedirect() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        // the click writer fails a click it could not commit within the commit timeout
        ModelAndView page =
                follow(CompletableFuture.failedFuture(new TimeoutException("click not committed in time")), response);
        assertThat(page).isNotNull();
        assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeader("Location")).isNull();
    }

    @Test
    void aFailedCommitAnswers503() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView page = follow(CompletableFuture.failedFuture(new IllegalStateException("db down")), response);
        assertThat(page).isNotNull();
        assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeader("Location")).isNull();
    }

    @Test
    void aCommittedClickIsRedirected() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView page = follow(CompletableFuture.completedFuture(null), response);
        assertThat(page).isNull();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeader("Location")).isEqualTo("https://example.be/?utm_source=x");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }
}
