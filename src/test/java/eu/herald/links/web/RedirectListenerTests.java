package eu.herald.links.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import eu.herald.HeraldTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The short-link listener (what a proxy sends {@code /l/} to): the same visits, counts and pages as the web
 * application's {@code /l/}, answered without the servlet container.
 */
@HeraldTest
class RedirectListenerTests {

    static final String BROWSER = LinksIntegrationTests.BROWSER;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RedirectListener listener;

    LinksFixture fixture;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new LinksFixture(mvc, jdbc);
        assertThat(listener.port()).isPositive();
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyConcurrentClickIsStoredBeforeItsRedirect() throws Exception {
        String code = fixture.createLink("https://example.be/actie?ref=poster", "BLUESKY", null);
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i;
                answers.add(pool.submit(() -> send(at("/l/" + code).header("User-Agent", BROWSER + " " + n))));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location)
                                .startsWith(
                                        "https://example.be/actie?ref=poster&utm_source=bluesky&utm_medium=social"));
                assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
                assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            }
        }
        assertThat(fixture.count(code, false)).isEqualTo(300);
        mvc.perform(get("/api/v1/links/" + code + "/stats").header("Authorization", "Bearer " + fixture.communicator))
                .andExpect(jsonPath("$.clicks").value(300))
                .andExpect(jsonPath("$.uniqueVisitors").value(300))
                .andExpect(jsonPath("$.previews").value(0));
    }

    @Test
    void aClickIsCommittedBeforeItsVisitorIsSentOn() throws Exception {
        String code = fixture.createLink("https://example.be/", "MASTODON", null);
        for (int i = 1; i <= 5; i++) {
            assertThat(send(at("/l/" + code).header("User-Agent", BROWSER)).statusCode())
                    .isEqualTo(302);
            assertThat(fixture.count(code, false)).isEqualTo(i);
        }
    }

    @Test
    void headRequestsAndPreviewBotsAreCountedAsPreviewsNotClicks() throws Exception {
        String code = fixture.createLink("https://example.be/", "FACEBOOK", null);
        HttpResponse<String> head = send(
                at("/l/" + code).header("User-Agent", BROWSER).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(302);
        for (String bot : List.of(
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Mozilla/5.0 (compatible; Mastodon/4.2.0; +https://social.example/)",
                "TelegramBot (like TwitterBot)")) {
            assertThat(send(at("/l/" + code).header("User-Agent", bot)).statusCode())
                    .isEqualTo(302);
        }
        assertThat(fixture.count(code, true)).isEqualTo(4);
        assertThat(fixture.count(code, false)).isZero();
    }

    @Test
    void aForwardedAddressCountsOnlyBehindAProxyHeraldIsToldAbout() throws Exception {
        // the tests run without HERALD_FORWARD_HEADERS: anyone could write X-Forwarded-For, so it must not make new
        // visitors out of one
        String code = fixture.createLink("https://example.be/", "X", null);
        for (String forwarded : List.of("198.51.100.7", "203.0.113.9", "192.0.2.44")) {
            assertThat(send(at("/l/" + code).header("User-Agent", BROWSER).header("X-Forwarded-For", forwarded))
                            .statusCode())
                    .isEqualTo(302);
        }
        mvc.perform(get("/api/v1/links/" + code + "/stats").header("Authorization", "Bearer " + fixture.communicator))
                .andExpect(jsonPath("$.clicks").value(3))
                .andExpect(jsonPath("$.uniqueVisitors").value(1));
    }

    @Test
    void unknownAndEndedLinksShowTheWebApplicationsLocalisedPages() throws Exception {
        HttpResponse<String> unknown = send(at("/l/zzzzzzzz").header("Accept-Language", "nl-BE,nl;q=0.9"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(unknown.body()).contains("Deze link bestaat niet");

        String code = fixture.createLink("https://elsene-ixelles.example.org/campagne", "WEBSITE", null);
        fixture.endCampaign();
        HttpResponse<String> ended =
                send(at("/l/" + code).header("Accept-Language", "fr").header("User-Agent", BROWSER));
        assertThat(ended.statusCode()).isEqualTo(410);
        assertThat(ended.body()).contains("href=\"https://elsene-ixelles.example.org/\"");
        assertThat(fixture.count(code, false)).isZero();
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> post = send(at("/l/zzzzzzzz").POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(send(at("/admin")).statusCode()).isEqualTo(404);
        assertThat(send(at("/api/v1/links/zzzzzzzz/stats")).statusCode()).isEqualTo(404);
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderTheyCame() throws Exception {
        // the first request needs the web application's page (slow), the second is a redirect (quick): the redirect
        // must still come second
        String code = fixture.createLink("https://example.be/", "EMAIL", null);
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /l/zzzzzzzz HTTP/1.1\r\nHost: herald\r\nAccept-Language: en\r\n\r\n"
                            + "GET /l/" + code + " HTTP/1.1\r\nHost: herald\r\nUser-Agent: " + BROWSER
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answers = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int notFound = answers.indexOf("HTTP/1.1 404");
            int found = answers.indexOf("HTTP/1.1 302");
            assertThat(notFound).isZero();
            assertThat(found).isGreaterThan(notFound);
            assertThat(answers).contains("This link does not exist");
        }
        assertThat(fixture.count(code, false)).isEqualTo(1);
    }
}
