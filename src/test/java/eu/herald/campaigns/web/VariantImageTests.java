package eu.herald.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestTokens;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.MediaFile;
import eu.herald.campaigns.VariantId;
import eu.herald.common.ImageFiles;
import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Images uploaded for a variant: checked from their bytes, never without alt text, stored in the campaigns schema,
 * shown to the campaign's readers only, and treated as any edit of an approved message.
 */
@HeraldTest
class VariantImageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignDirectory directory;

    String communicatorToken;
    String approverToken;
    Cookie communicator;
    String campaign;
    String message;
    String variant;

    @BeforeEach
    void setUp() throws Exception {
        communicatorToken = TestTokens.of(jdbc, "communicator@herald.test");
        approverToken = TestTokens.of(jdbc, "approver@herald.test");
        communicator = SignIn.as(mvc, "communicator@herald.test");
        String ixelles = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(String.class)
                .single();
        UUID theme = jdbc.sql("SELECT id FROM campaigns.theme WHERE key = 'burglary'")
                .query(UUID.class)
                .single();
        UUID audience = jdbc.sql("SELECT id FROM audiences.audience ORDER BY 1 LIMIT 1")
                .query(UUID.class)
                .single();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        campaign = JsonPath.read(
                mvc.perform(post("/api/v1/campaigns")
                                .header("Authorization", "Bearer " + communicatorToken)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"organisationId\": \"" + ixelles + "\", \"title\": \"Images "
                                        + UUID.randomUUID().toString().substring(0, 8) + "\", \"themeId\": \"" + theme
                                        + "\", \"objective\": \"Seen\", \"startsOn\": \"" + today.minusDays(1)
                                        + "\", \"endsOn\": \"" + today.plusDays(30) + "\", \"areas\": [\"21009\"],"
                                        + " \"audiences\": [\"" + audience + "\"], \"channels\": [\"MASTODON\"]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        message = JsonPath.read(
                mvc.perform(post("/api/v1/campaigns/" + campaign + "/messages")
                                .header("Authorization", "Bearer " + communicatorToken)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\": \"Light on\", \"masterText\": \"Leave a light on.\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        for (String language : new String[] {"nl", "fr"}) {
            mvc.perform(put("/api/v1/messages/" + message + "/variants")
                            .header("Authorization", "Bearer " + communicatorToken)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channel\": \"MASTODON\", \"language\": \"" + language
                                    + "\", \"text\": \"Laat een licht branden.\", \"version\": " + version() + "}"))
                    .andExpect(status().isOk());
        }
        variant = jdbc.sql("SELECT id::text FROM campaigns.variant WHERE message_id = ?::uuid AND language = 'nl'")
                .param(message)
                .query(String.class)
                .single();
    }

    @Test
    void aCommunicatorUploadsAnImageThatIsStoredCheckedAndShownWithItsAltText() throws Exception {
        byte[] png = png(320, 160, Color.ORANGE);
        upload(new MockMultipartFile("file", "lamp.png", "image/png", png), "A lamp lit in a window at night")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/messages/" + message + "/variants/" + variant))
                .andExpect(flash().attribute("saved", "media.uploaded"));

        var row = jdbc.sql("SELECT m.id::text AS id, m.kind, m.name, m.alt_text, c.content_type, c.size_bytes,"
                        + " c.sha256, c.width, c.height, c.content FROM campaigns.variant_media m"
                        + " JOIN campaigns.media_content c ON c.media_id = m.id WHERE m.variant_id = ?::uuid")
                .param(variant)
                .query()
                .singleRow();
        byte[] stored = (byte[]) row.get("content");
        assertThat(row.get("kind")).isEqualTo("IMAGE");
        assertThat(row.get("name")).isEqualTo("lamp.png");
        assertThat(row.get("alt_text")).isEqualTo("A lamp lit in a window at night");
        assertThat(row.get("content_type")).isEqualTo("image/png");
        assertThat(row.get("size_bytes")).isEqualTo(stored.length);
        assertThat(row.get("sha256")).isEqualTo(ImageFiles.sha256(stored));
        assertThat(row.get("width")).isEqualTo(320);
        assertThat(row.get("height")).isEqualTo(160);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(decoded.getRGB(10, 10)).isEqualTo(Color.ORANGE.getRGB());

        String imageUrl = "/messages/" + message + "/variants/" + variant + "/images/" + row.get("id");
        mvc.perform(get(imageUrl).cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(stored));
        mvc.perform(get("/messages/" + message).cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"" + imageUrl + "\"")))
                .andExpect(content().string(containsString("alt=\"A lamp lit in a window at night\"")));
        mvc.perform(get("/messages/" + message + "/variants/" + variant).cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"" + imageUrl + "\"")))
                // the uploaded image is not offered again as a typed medium
                .andExpect(content().string(not(containsString("value=\"lamp.png\""))));

        // the other modules get the image through the campaigns API, with its alt text
        MediaFile file =
                directory.image(new VariantId(UUID.fromString(variant))).orElseThrow();
        assertThat(file.fileName()).isEqualTo("lamp.png");
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.altText()).isEqualTo("A lamp lit in a window at night");
        assertThat(file.content()).isEqualTo(stored);

        // saving the variant's text again keeps the image, and the guardrails see its alt text
        mvc.perform(post("/messages/" + message + "/variants")
                        .cookie(communicator)
                        .with(csrf())
                        .param("version", String.valueOf(version()))
                        .param("channel", "MASTODON")
                        .param("language", "nl")
                        .param("text", "Laat een licht branden, ook overdag.")
                        .param("media[0].name", "")
                        .param("media[0].kind", "IMAGE"))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.image(new VariantId(UUID.fromString(variant)))).isPresent();
        assertThat(mediaRows()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit.audit_entry"
                                        + " WHERE action = 'campaigns.message.image_uploaded' AND subject_id = ?")
                                .param(message)
                                .query(Long.class)
                                .single()
                        == 1);

        // removed: gone with its bytes, audited
        mvc.perform(post(imageUrl + "/remove")
                        .cookie(communicator)
                        .with(csrf())
                        .param("version", String.valueOf(version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "media.removed"));
        assertThat(mediaRows()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM campaigns.media_content c JOIN campaigns.variant_media m"
                                + " ON m.id = c.media_id WHERE m.variant_id = ?::uuid")
                        .param(variant)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get(imageUrl).cookie(communicator)).andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit.audit_entry"
                                        + " WHERE action = 'campaigns.message.image_removed' AND subject_id = ?")
                                .param(message)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void aFileThatIsNotAPngOrJpegIsRefusedWhateverItsNameSays() throws Exception {
        byte[] gif = encoded(png(40, 40, Color.BLUE), "gif");
        upload(new MockMultipartFile("file", "photo.png", "image/png", gif), "Blue square")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "image.unsupported"));
        byte[] script = "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        upload(new MockMultipartFile("file", "photo.jpg", "image/jpeg", script), "A photo")
                .andExpect(flash().attribute("refusal", "image.unsupported"))
                .andExpect(flash().attribute("refusalText", containsString("not a PNG or JPEG image")));
        assertThat(mediaRows()).isZero();
        // the refusal is shown on the variant's page that follows, linked to the file field
        mvc.perform(get("/messages/" + message + "/variants/" + variant).cookie(communicator))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#image-file\"")))
                .andExpect(content().string(containsString("id=\"image-file-error\"")));
    }

    @Test
    void anImageOverFiveMegabytesIsRefusedAndNothingIsStored() throws Exception {
        byte[] big = Arrays.copyOf(png(10, 10, Color.RED), 5 * 1024 * 1024 + 1);
        upload(new MockMultipartFile("file", "big.png", "image/png", big), "Too big")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "image.tooLarge"))
                .andExpect(flash().attribute("refusalText", containsString("larger than 5 MB")));
        assertThat(mediaRows()).isZero();
    }

    @Test
    void anImageWithoutAltTextIsRefusedAndNothingIsStored() throws Exception {
        int before = version();
        upload(new MockMultipartFile("file", "lamp.jpg", "image/jpeg", encoded(png(50, 30, Color.GRAY), "jpeg")), "  ")
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("refusal", "media.error.altText"));
        upload(null, "No file chosen").andExpect(flash().attribute("refusal", "media.error.noFile"));
        assertThat(mediaRows()).isZero();
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void changingTheImageOfAnApprovedMessageSendsItBackToReview() throws Exception {
        for (String[] step : new String[][] {{communicatorToken, "submit"}, {approverToken, "approve"}}) {
            mvc.perform(post("/api/v1/messages/" + message + "/" + step[1])
                            .header("Authorization", "Bearer " + step[0])
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\": " + version() + "}"))
                    .andExpect(status().isOk());
        }
        assertThat(statusOf(message)).isEqualTo("APPROVED");
        upload(
                        new MockMultipartFile(
                                "file", "lamp.jpg", "image/jpeg", encoded(png(64, 48, Color.GREEN), "jpeg")),
                        "Lamp")
                .andExpect(flash().attribute("saved", "media.uploaded"));
        assertThat(statusOf(message)).isEqualTo("IN_REVIEW");
        assertThat(directory.image(new VariantId(UUID.fromString(variant))))
                .hasValueSatisfying(f -> assertThat(f.contentType()).isEqualTo("image/jpeg"));
        mvc.perform(get("/api/v1/messages/" + message).header("Authorization", "Bearer " + communicatorToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
    }

    @Test
    void onlyReadersOfTheCampaignSeeItsImagesAndOnlyItsCommunicatorsUpload() throws Exception {
        upload(new MockMultipartFile("file", "lamp.png", "image/png", png(30, 30, Color.BLACK)), "Black square")
                .andExpect(flash().attribute("saved", "media.uploaded"));
        String media = jdbc.sql("SELECT id::text FROM campaigns.variant_media WHERE variant_id = ?::uuid")
                .param(variant)
                .query(String.class)
                .single();
        String imageUrl = "/messages/" + message + "/variants/" + variant + "/images/" + media;

        Cookie elsewhere = otherOrganisationsCommunicator();
        mvc.perform(get(imageUrl).cookie(elsewhere)).andExpect(status().isNotFound());
        mvc.perform(multipart("/messages/" + message + "/variants/" + variant + "/images")
                        .file(new MockMultipartFile("file", "x.png", "image/png", png(10, 10, Color.RED)))
                        .param("altText", "Red")
                        .param("version", String.valueOf(version()))
                        .cookie(elsewhere)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(imageUrl + "/remove")
                        .cookie(elsewhere)
                        .with(csrf())
                        .param("version", String.valueOf(version())))
                .andExpect(status().isNotFound());
        // the approver of the organisation reads it but does not upload
        Cookie approver = SignIn.as(mvc, "approver@herald.test");
        mvc.perform(get(imageUrl).cookie(approver)).andExpect(status().isOk());
        mvc.perform(multipart("/messages/" + message + "/variants/" + variant + "/images")
                        .file(new MockMultipartFile("file", "x.png", "image/png", png(10, 10, Color.RED)))
                        .param("altText", "Red")
                        .cookie(approver)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // an unknown image of a readable variant is not found either
        mvc.perform(get("/messages/" + message + "/variants/" + variant + "/images/" + UUID.randomUUID())
                        .cookie(communicator))
                .andExpect(status().isNotFound());
        assertThat(mediaRows()).isEqualTo(1);
    }

    @Test
    void adoptingTheMessageAsATemplateCopiesItsImagesWithTheirBytesAndItsDescribedMedia() throws Exception {
        upload(new MockMultipartFile("file", "lamp.png", "image/png", png(40, 20, Color.CYAN)), "A lamp")
                .andExpect(flash().attribute("saved", "media.uploaded"));
        // a video described in the variant form, beside the uploaded image
        mvc.perform(post("/messages/" + message + "/variants")
                        .cookie(communicator)
                        .with(csrf())
                        .param("version", String.valueOf(version()))
                        .param("channel", "MASTODON")
                        .param("language", "nl")
                        .param("text", "Laat een licht branden.")
                        .param("media[0].name", "clip.mp4")
                        .param("media[0].kind", "VIDEO")
                        .param("media[0].captioned", "true"))
                .andExpect(status().is3xxRedirection());
        jdbc.sql("UPDATE campaigns.message SET template = TRUE WHERE id = ?::uuid")
                .param(message)
                .update();

        mvc.perform(post("/templates/" + message + "/adopt")
                        .cookie(communicator)
                        .with(csrf())
                        .param("campaignId", campaign))
                .andExpect(status().is3xxRedirection());

        String adopted = jdbc.sql("SELECT id::text FROM campaigns.message WHERE template_id = ?::uuid")
                .param(message)
                .query(String.class)
                .single();
        String copiedVariant = jdbc.sql(
                        "SELECT id::text FROM campaigns.variant WHERE message_id = ?::uuid" + " AND language = 'nl'")
                .param(adopted)
                .query(String.class)
                .single();
        assertThat(jdbc.sql("SELECT m.kind || ' ' || m.name || ' ' || COALESCE(c.sha256, '-')"
                                + " FROM campaigns.variant_media m LEFT JOIN campaigns.media_content c ON c.media_id = m.id"
                                + " WHERE m.variant_id = ?::uuid ORDER BY m.position")
                        .param(copiedVariant)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "IMAGE lamp.png "
                                + jdbc.sql("SELECT c.sha256 FROM campaigns.media_content c JOIN"
                                                + " campaigns.variant_media m ON m.id = c.media_id"
                                                + " WHERE m.variant_id = ?::uuid")
                                        .param(variant)
                                        .query(String.class)
                                        .single(),
                        "VIDEO clip.mp4 -");
        assertThat(directory.image(new VariantId(UUID.fromString(copiedVariant))))
                .hasValueSatisfying(f -> assertThat(f.altText()).isEqualTo("A lamp"));
    }

    private Cookie otherOrganisationsCommunicator() throws Exception {
        String email = "ghent-writer-" + UUID.randomUUID() + "@herald.test";
        UUID user = UUID.randomUUID();
        String ghent = jdbc.sql("SELECT home_organisation::text FROM accounts.app_user WHERE email = ?")
                .param("moderator@herald.test")
                .query(String.class)
                .single();
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, password_hash)"
                        + " SELECT ?, ?::uuid, ?, 'Ghent writer', 'en', password_hash FROM accounts.app_user"
                        + " WHERE email = 'communicator@herald.test'")
                .params(user, ghent, email)
                .update();
        jdbc.sql("INSERT INTO accounts.membership (id, user_id, organisation_id, role)"
                        + " VALUES (gen_random_uuid(), ?, ?::uuid, 'COMMUNICATOR')")
                .params(user, ghent)
                .update();
        return SignIn.as(mvc, email);
    }

    private ResultActions upload(MockMultipartFile file, String altText) throws Exception {
        var request = multipart("/messages/" + message + "/variants/" + variant + "/images");
        if (file != null) {
            request.file(file);
        }
        return mvc.perform(request.param("altText", altText)
                .param("version", String.valueOf(version()))
                .cookie(communicator)
                .with(csrf()));
    }

    private long mediaRows() {
        return jdbc.sql("SELECT count(*) FROM campaigns.variant_media WHERE variant_id = ?::uuid")
                .param(variant)
                .query(Long.class)
                .single();
    }

    private int version() {
        return jdbc.sql("SELECT version FROM campaigns.message WHERE id = ?::uuid")
                .param(message)
                .query(Integer.class)
                .single();
    }

    private String statusOf(String id) {
        return jdbc.sql("SELECT status FROM campaigns.message WHERE id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
    }

    static byte[] png(int width, int height, Color color) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] encoded(byte[] png, String format) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
