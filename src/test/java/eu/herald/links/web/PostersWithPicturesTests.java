package eu.herald.links.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestTokens;
import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Posters print the variant's uploaded image and the organisation's logo beside its contact, on every page, on A4 and
 * A3, in one or two languages; the QR code still leads to each location's link and the text can still be extracted.
 */
@HeraldTest
class PostersWithPicturesTests {

    static final String DUTCH = "Inbrekers houden niet van licht\nSluit je deur, ook als je even weg bent. Meer tips"
            + " op https://example.be/inbraak.";
    static final String FRENCH = "Les cambrioleurs détestent la lumière\nFermez votre porte, même pour une minute."
            + " Plus de conseils sur https://example.be/cambriolage.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String communicatorToken;
    Cookie communicator;
    Cookie admin;
    String ixelles;
    String campaign;

    @BeforeEach
    void setUp() throws Exception {
        communicatorToken = TestTokens.of(jdbc, "communicator@herald.test");
        communicator = SignIn.as(mvc, "communicator@herald.test");
        admin = SignIn.as(mvc, "admin@herald.test");
        ixelles = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(String.class)
                .single();
        mvc.perform(post("/admin/links")
                        .cookie(admin)
                        .with(csrf())
                        .param("organisationId", ixelles)
                        .param("domains", "example.be\nelsene-ixelles.example.org"))
                .andExpect(status().is3xxRedirection());
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
                                .content("{\"organisationId\": \"" + ixelles + "\", \"title\": \"Pictures "
                                        + UUID.randomUUID().toString().substring(0, 8) + "\", \"themeId\": \"" + theme
                                        + "\", \"objective\": \"Seen\", \"startsOn\": \"" + today.minusDays(1)
                                        + "\", \"endsOn\": \"" + today.plusDays(30) + "\", \"areas\": [\"21009\"],"
                                        + " \"audiences\": [\"" + audience + "\"], \"channels\": [\"POSTER\"]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @AfterEach
    void removeTheLogo() {
        // the demo organisation is shared by every test: leave it as it was
        jdbc.sql("DELETE FROM accounts.organisation_logo WHERE organisation_id = ?::uuid")
                .param(ixelles)
                .update();
    }

    @Test
    void aBilingualA3PosterCarriesTheImageAndTheLogoOnEveryPage() throws Exception {
        String message = posterMessage();
        String nl = variantId(message, "nl");
        String fr = variantId(message, "fr");
        uploadImage(message, nl, picture(800, 400, "png"));
        uploadLogo(picture(300, 100, "jpeg"));

        byte[] pdf = print("{\"campaignId\": \"" + campaign + "\", \"variantIds\": [\"" + nl + "\", \"" + fr + "\"],"
                + " \"paper\": \"A3\", \"locations\": [\"Bibliothèque\", \"Gare du Midi\"],"
                + " \"contact\": \"Preventiedienst Elsene · 02 515 61 11\"}");
        Map<String, String> codes = codes();
        assertThat(codes).containsOnlyKeys("Bibliothèque", "Gare du Midi");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            List<String> locations = List.of("Bibliothèque", "Gare du Midi");
            for (int i = 0; i < 2; i++) {
                PDPage page = doc.getPage(i);
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).isCloseTo(PDRectangle.A3.getWidth(), within(1f));
                assertThat(images(page))
                        .extracting(x -> x.getWidth() + "x" + x.getHeight())
                        .containsExactlyInAnyOrder("800x400", "300x100");
                List<Drawn> drawn = drawn(page);
                assertThat(drawn).hasSize(2);
                Drawn image = drawn.stream()
                        .filter(d -> d.pixels() == 800)
                        .findFirst()
                        .orElseThrow();
                Drawn logo = drawn.stream()
                        .filter(d -> d.pixels() == 300)
                        .findFirst()
                        .orElseThrow();
                // proportions kept, inside the page, the image large and above the logo
                assertThat(image.width() / image.height()).isCloseTo(2f, within(0.01f));
                assertThat(logo.width() / logo.height()).isCloseTo(3f, within(0.01f));
                for (Drawn d : drawn) {
                    assertThat(d.x()).isGreaterThanOrEqualTo(0);
                    assertThat(d.y()).isGreaterThanOrEqualTo(0);
                    assertThat(d.x() + d.width()).isLessThanOrEqualTo(box.getWidth());
                    assertThat(d.y() + d.height()).isLessThanOrEqualTo(box.getHeight());
                }
                assertThat(image.width()).isGreaterThan(box.getWidth() / 3);
                assertThat(image.y()).isGreaterThan(box.getHeight() / 2);
                assertThat(logo.y() + logo.height()).isLessThan(box.getHeight() / 8);

                String text = text(doc, i);
                assertThat(text)
                        .contains("Inbrekers houden niet van licht", "Les cambrioleurs détestent la lumière")
                        .contains("Preventiedienst Elsene", locations.get(i))
                        .contains("/l/" + codes.get(locations.get(i)));
                assertThat(PostersAndVariantLinksTests.decodeQr(doc, i))
                        .endsWith("/l/" + codes.get(locations.get(i)))
                        .startsWith("http");
            }
            // each picture is embedded once and drawn on every page
            assertThat(images(doc.getPage(0)))
                    .extracting(PDImageXObject::getCOSObject)
                    .containsExactlyInAnyOrderElementsOf(images(doc.getPage(1)).stream()
                            .map(PDImageXObject::getCOSObject)
                            .toList());
        }
    }

    @Test
    void anA4PosterInOneLanguageCarriesTheImageOfItsVariantAndWithoutPicturesStaysAsBefore() throws Exception {
        String message = posterMessage();
        String nl = variantId(message, "nl");
        String fr = variantId(message, "fr");
        uploadImage(message, fr, picture(300, 600, "jpeg"));

        // the Dutch variant has no image and Ixelles no logo: no picture at all
        try (PDDocument doc = Loader.loadPDF(print("{\"campaignId\": \"" + campaign + "\", \"variantIds\": [\"" + nl
                + "\"], \"paper\": \"A4\", \"locations\": [\"Station Etterbeek\"]}"))) {
            assertThat(images(doc.getPage(0))).isEmpty();
            assertThat(text(doc, 0)).contains("Inbrekers houden niet van licht");
        }

        uploadLogo(picture(120, 120, "png"));
        try (PDDocument doc = Loader.loadPDF(print("{\"campaignId\": \"" + campaign + "\", \"variantIds\": [\"" + fr
                + "\"], \"paper\": \"A4\", \"locations\": [\"Place Flagey\"]}"))) {
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
            assertThat(images(page))
                    .extracting(x -> x.getWidth() + "x" + x.getHeight())
                    .containsExactlyInAnyOrder("300x600", "120x120");
            assertThat(images(page)).anySatisfy(x -> assertThat(x.getSuffix()).isEqualTo("jpg"));
            Drawn image = drawn(page).stream()
                    .filter(d -> d.pixels() == 300)
                    .findFirst()
                    .orElseThrow();
            assertThat(image.height() / image.width()).isCloseTo(2f, within(0.01f));
            assertThat(text(doc, 0)).contains("Les cambrioleurs détestent la lumière", "Place Flagey");
            assertThat(PostersAndVariantLinksTests.decodeQr(doc, 0)).endsWith("/l/" + codes().get("Place Flagey"));
        }
    }

    /** Prints a run; checks that downloading it again gives the same PDF, pictures included. */
    private byte[] print(String body) throws Exception {
        var printed = mvc.perform(post("/api/v1/posters")
                        .header("Authorization", "Bearer " + communicatorToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();
        byte[] pdf = printed.getContentAsByteArray();
        assertThat(mvc.perform(get(printed.getHeader("Location"))
                                .header("Authorization", "Bearer " + communicatorToken))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .isEqualTo(pdf);
        return pdf;
    }

    private void uploadImage(String message, String variant, byte[] bytes) throws Exception {
        mvc.perform(multipart("/messages/" + message + "/variants/" + variant + "/images")
                        .file(new MockMultipartFile("file", "street.img", "application/octet-stream", bytes))
                        .param("altText", "A well-lit street at night")
                        .param("version", String.valueOf(version(message)))
                        .cookie(communicator)
                        .with(csrf()))
                .andExpect(flash().attribute("saved", "media.uploaded"));
    }

    private void uploadLogo(byte[] bytes) throws Exception {
        mvc.perform(multipart("/admin/organisations/" + ixelles + "/logo")
                        .file(new MockMultipartFile("file", "ixelles-logo", "application/octet-stream", bytes))
                        .cookie(admin)
                        .with(csrf()))
                .andExpect(flash().attribute("logoSaved", "organisation.logo.uploaded"));
    }

    private String posterMessage() throws Exception {
        String message = JsonPath.read(
                mvc.perform(post("/api/v1/campaigns/" + campaign + "/messages")
                                .header("Authorization", "Bearer " + communicatorToken)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\": \"Affiche\", \"masterText\": \"Lock your door.\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        for (String[] v : new String[][] {{"nl", DUTCH}, {"fr", FRENCH}}) {
            mvc.perform(put("/api/v1/messages/" + message + "/variants")
                            .header("Authorization", "Bearer " + communicatorToken)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channel\": \"POSTER\", \"language\": \"" + v[0] + "\", \"text\": \""
                                    + v[1].replace("\n", "\\n") + "\", \"version\": " + version(message) + "}"))
                    .andExpect(status().isOk());
        }
        return message;
    }

    private String variantId(String message, String language) {
        return jdbc.sql("SELECT id::text FROM campaigns.variant WHERE message_id = ?::uuid AND language = ?")
                .params(message, language)
                .query(String.class)
                .single();
    }

    private int version(String message) {
        return jdbc.sql("SELECT version FROM campaigns.message WHERE id = ?::uuid")
                .param(message)
                .query(Integer.class)
                .single();
    }

    private Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        jdbc.sql("SELECT location, code FROM links.link WHERE campaign_id = ?::uuid AND location IS NOT NULL")
                .param(campaign)
                .query(rs -> {
                    codes.put(rs.getString(1), rs.getString(2));
                });
        return codes;
    }

    private static String text(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        return stripper.getText(doc).replaceAll("\\s+", " ");
    }

    /** The image XObjects of a page's resources. */
    private static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    /** Where an image is drawn on the page, in points, and how many pixels wide it is. */
    record Drawn(int pixels, float x, float y, float width, float height) {}

    private static List<Drawn> drawn(PDPage page) throws IOException {
        List<Drawn> drawn = new ArrayList<>();
        new PDFGraphicsStreamEngine(page) {
            @Override
            public void drawImage(PDImage image) {
                Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                drawn.add(new Drawn(
                        image.getWidth(),
                        ctm.getTranslateX(),
                        ctm.getTranslateY(),
                        ctm.getScalingFactorX(),
                        ctm.getScalingFactorY()));
            }

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

            @Override
            public void clip(int windingRule) {}

            @Override
            public void moveTo(float x, float y) {}

            @Override
            public void lineTo(float x, float y) {}

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

            @Override
            public Point2D getCurrentPoint() {
                return new Point2D.Float();
            }

            @Override
            public void closePath() {}

            @Override
            public void endPath() {}

            @Override
            public void strokePath() {}

            @Override
            public void fillPath(int windingRule) {}

            @Override
            public void fillAndStrokePath(int windingRule) {}

            @Override
            public void shadingFill(COSName shadingName) {}

            void run() throws IOException {
                processPage(getPage());
            }
        }.run();
        return drawn;
    }

    /** A colourful picture (a gradient with a dark bar), so that it could disturb the QR code if it overlapped. */
    private static byte[] picture(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillRect(width / 4, height / 3, width / 2, height / 6);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
