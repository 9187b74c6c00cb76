package eu.herald.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A variant's uploaded image goes out with its post: scheduled through the API, run by db-scheduler, sent by the
 * real gateway and Mastodon connector to a WireMock fake that follows https://docs.joinmastodon.org/methods/media/
 * (the image uploaded with its alt text as description) and https://docs.joinmastodon.org/methods/statuses/ (the
 * status carries the media id).
 */
@HeraldTest
class PublishedImageTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aPublishedMastodonPostCarriesTheVariantsImageWithItsAltText() throws Exception {
        PublishingFixtures fixtures = new PublishingFixtures("http://127.0.0.1:" + port, jdbc);
        PublishingFixtures.ApprovedMessage message =
                fixtures.approvedMessage(PublishingFixtures.unique("With an image"), List.of("MASTODON"));
        String variant = message.variant("MASTODON", "nl");
        Instant at = jdbc.sql("SELECT scheduled_at FROM campaigns.message WHERE id = ?::uuid")
                .param(message.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();

        // the image is an edit: the message goes back to review, is approved and scheduled again
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.YELLOW);
        g.fillRect(0, 0, 64, 32);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        mvc.perform(multipart("/messages/" + message.id() + "/variants/" + variant + "/images")
                        .file(new MockMultipartFile("file", "lamp.png", "image/png", png.toByteArray()))
                        .param("altText", "Een brandende lamp achter het raam")
                        .param("version", String.valueOf(version(message.id())))
                        .cookie(SignIn.as(mvc, "communicator@herald.test"))
                        .with(csrf()))
                .andExpect(flash().attribute("saved", "media.uploaded"));
        byte[] stored = jdbc.sql("SELECT c.content FROM campaigns.media_content c JOIN campaigns.variant_media m"
                        + " ON m.id = c.media_id WHERE m.variant_id = ?::uuid")
                .param(variant)
                .query(byte[].class)
                .single();
        fixtures.call(
                "POST",
                fixtures.approver,
                "/api/v1/messages/" + message.id() + "/approve",
                "{\"version\": " + version(message.id()) + "}",
                200);
        fixtures.call(
                "POST",
                fixtures.approver,
                "/api/v1/messages/" + message.id() + "/schedule",
                "{\"version\": " + version(message.id()) + ", \"at\": \"" + at + "\"}",
                200);

        PlatformFake.Mastodon mastodon = new PlatformFake.Mastodon();
        String prefix = PlatformFake.prefix();
        String account =
                fixtures.account("MASTODON", PublishingFixtures.unique("MASTODON"), mastodon.connect(wm, prefix));
        wm.stubFor(post(urlEqualTo(prefix + "/api/v2/media"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"9001\", \"type\": \"image\", \"url\":"
                                + " \"https://files.social.example/9001.png\"}")));
        mastodon.answers(wm, prefix, List.of(mastodon.accepted("301", PublishingFixtures.dutch())));

        String delivery =
                JsonPath.read(fixtures.deliver(variant, account, Instant.now().toString(), 201), "$.id");
        String[] body = new String[1];
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    body[0] = fixtures.get("/api/v1/deliveries/" + delivery);
                    String status = JsonPath.read(body[0], "$.status");
                    return status.equals("PUBLISHED") || status.equals("FAILED");
                });
        assertThat(JsonPath.<String>read(body[0], "$.status")).as(body[0]).isEqualTo("PUBLISHED");

        List<LoggedRequest> uploads = wm.findAll(postRequestedFor(urlEqualTo(prefix + "/api/v2/media")));
        assertThat(uploads).hasSize(1);
        LoggedRequest upload = uploads.getFirst();
        assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(upload.getPart("description").getBody().asString()).isEqualTo("Een brandende lamp achter het raam");
        assertThat(upload.getPart("file").getBody().asBytes()).isEqualTo(stored);
        assertThat(new String(upload.getBody(), StandardCharsets.ISO_8859_1))
                .contains("filename=\"lamp.png\"", "Content-Type: image/png");
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(prefix + "/api/v1/statuses"))
                        .withRequestBody(equalToJson("{\"media_ids\": [\"9001\"]}", true, true)));
    }

    private int version(String message) {
        return jdbc.sql("SELECT version FROM campaigns.message WHERE id = ?::uuid")
                .param(message)
                .query(Integer.class)
                .single();
    }
}
