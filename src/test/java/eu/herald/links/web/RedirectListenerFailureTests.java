package eu.herald.links.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import eu.herald.links.domain.Click;
import eu.herald.links.domain.LinkService;
import eu.herald.links.domain.LinksProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

/** The listener never claims a click it could not store: the visitor gets 503 in their language, not a redirect. */
class RedirectListenerFailureTests {

    final LinkService links = mock(LinkService.class);
    final RedirectListener listener = new RedirectListener(
            links,
            new LinksProperties(13, 200, 1, Duration.ofMillis(500), "", "", 0, "127.0.0.1", 1),
            messages(),
            mock(ApplicationContext.class),
            new MockEnvironment());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/links");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @AfterEach
    void stop() {
        listener.stop();
    }

    @Test
    void aClickThatCannotBeStoredAnswers503InTheVisitorsLanguage() throws Exception {
        Click click = new Click("Ab3dE5gH", Instant.now(), false, new byte[32]);
        when(links.visit(anyString(), anyBoolean(), any(), anyString()))
                .thenReturn(new LinkService.Visit.Redirect("https://example.be/?utm_source=x", click));
        doThrow(new SQLException("database unreachable")).when(links).storeNow(anyList());
        listener.start();

        HttpResponse<String> response = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + "/l/Ab3dE5gH"))
                                .header("Accept-Language", "fr-BE")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("fr");
        assertThat(response.body()).contains("Veuillez réessayer");
    }
}
