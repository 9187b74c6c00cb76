package eu.herald.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.accounts.Access;
import eu.herald.accounts.Logo;
import eu.herald.accounts.OrganisationId;
import eu.herald.common.ImageFiles;
import jakarta.servlet.http.Cookie;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** An admin gives an organisation a logo (for its posters), replaces it and removes it; nobody else can. */
@HeraldTest
class OrganisationLogoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Access access;

    Cookie admin;
    String organisation;

    @BeforeEach
    void setUp() throws Exception {
        admin = SignIn.as(mvc, "admin@herald.test");
        String name = "Logo " + System.nanoTime();
        String gent = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_nl = 'Stad Gent'")
                .query(String.class)
                .single();
        mvc.perform(post("/admin/organisations")
                        .cookie(admin)
                        .with(csrf())
                        .param("parentId", gent)
                        .param("kind", "PARTNER")
                        .param("nameNl", name)
                        .param("officialLanguages", "nl"))
                .andExpect(status().is3xxRedirection());
        organisation = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_nl = ?")
                .param(name)
                .query(String.class)
                .single();
    }

    @Test
    void anAdminUploadsReplacesAndRemovesTheLogoThatPostersGet() throws Exception {
        String page = "/admin/organisations/" + organisation;
        mvc.perform(get(page).cookie(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The organisation has no logo yet.")));
        upload(new MockMultipartFile("file", "logo.png", "image/png", image(200, 80, Color.BLUE, "png")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("logoSaved", "organisation.logo.uploaded"));
        Logo logo = access.logo(OrganisationId.of(organisation)).orElseThrow();
        assertThat(logo.contentType()).isEqualTo("image/png");
        assertThat(logo.fileName()).isEqualTo("logo.png");
        assertThat(logo.width()).isEqualTo(200);
        assertThat(logo.height()).isEqualTo(80);
        assertThat(jdbc.sql("SELECT sha256 FROM accounts.organisation_logo WHERE organisation_id = ?::uuid")
                        .param(organisation)
                        .query(String.class)
                        .single())
                .isEqualTo(ImageFiles.sha256(logo.content()));
        mvc.perform(get(page + "/logo").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(content().bytes(logo.content()));
        mvc.perform(get(page).cookie(admin).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"" + page + "/logo\"")))
                .andExpect(content().string(containsString("alt=\"Logo of ")));

        upload(new MockMultipartFile("file", "new-logo.jpg", "image/jpeg", image(120, 120, Color.RED, "jpeg")))
                .andExpect(flash().attribute("logoSaved", "organisation.logo.uploaded"));
        assertThat(access.logo(OrganisationId.of(organisation)))
                .hasValueSatisfying(l -> assertThat(l.contentType()).isEqualTo("image/jpeg"));
        assertThat(logos()).isEqualTo(1);

        mvc.perform(post(page + "/logo/remove").cookie(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("logoSaved", "organisation.logo.removed"));
        assertThat(access.logo(OrganisationId.of(organisation))).isEmpty();
        mvc.perform(get(page + "/logo").cookie(admin)).andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT string_agg(action, ',' ORDER BY action) FROM audit.audit_entry"
                                + " WHERE subject_id = ? AND action LIKE 'accounts.organisation.logo_%'")
                        .param(organisation)
                        .query(String.class)
                        .optional()
                        .map(actions -> actions.equals("accounts.organisation.logo_removed,"
                                + "accounts.organisation.logo_uploaded,accounts.organisation.logo_uploaded"))
                        .orElse(false));
    }

    @Test
    void aLogoThatIsNotAPngOrJpegOrTooLargeIsRefusedAndTheOldOneStays() throws Exception {
        upload(new MockMultipartFile("file", "logo.png", "image/png", image(50, 50, Color.BLACK, "png")))
                .andExpect(flash().attribute("logoSaved", "organisation.logo.uploaded"));
        byte[] before =
                access.logo(OrganisationId.of(organisation)).orElseThrow().content();

        upload(new MockMultipartFile("file", "logo.png", "image/png", image(50, 50, Color.RED, "gif")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("logoRefusal", containsString("is not a PNG or JPEG image")));
        upload(new MockMultipartFile("file", "logo.jpg", "image/jpeg", "%PDF-1.4 not an image".getBytes()))
                .andExpect(flash().attribute("logoRefusal", containsString("is not a PNG or JPEG image")));
        byte[] big = Arrays.copyOf(image(10, 10, Color.RED, "png"), 1024 * 1024 + 1);
        upload(new MockMultipartFile("file", "big.png", "image/png", big))
                .andExpect(flash().attribute("logoRefusal", containsString("larger than 1 MB")));
        upload(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                .andExpect(flash().attribute("logoRefusal", containsString("Choose a PNG or JPEG file")));

        assertThat(access.logo(OrganisationId.of(organisation)).orElseThrow().content())
                .isEqualTo(before);
        assertThat(logos()).isEqualTo(1);
        // the refusal is shown on the page that follows, linked to the file field
        Cookie fresh = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(multipart("/admin/organisations/" + organisation + "/logo")
                        .file(new MockMultipartFile("file", "logo.png", "image/png", "GIF89a".getBytes()))
                        .cookie(fresh)
                        .header("Accept-Language", "en")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/organisations/" + organisation).cookie(fresh).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("is not a PNG or JPEG image")))
                .andExpect(content().string(containsString("href=\"#logo-file\"")))
                .andExpect(content().string(containsString("id=\"logo-file-error\"")));
    }

    @Test
    void onlyAnAdminReachingTheOrganisationManagesItsLogo() throws Exception {
        Cookie communicator = SignIn.as(mvc, "communicator@herald.test");
        mvc.perform(multipart("/admin/organisations/" + organisation + "/logo")
                        .file(new MockMultipartFile("file", "logo.png", "image/png", image(10, 10, Color.RED, "png")))
                        .cookie(communicator)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/organisations/" + organisation + "/logo").cookie(communicator))
                .andExpect(status().isForbidden());
        // without a CSRF token nothing is stored either
        mvc.perform(multipart("/admin/organisations/" + organisation + "/logo")
                        .file(new MockMultipartFile("file", "logo.png", "image/png", image(10, 10, Color.RED, "png")))
                        .cookie(admin))
                .andExpect(status().isForbidden());
        assertThat(logos()).isZero();
        mvc.perform(get("/admin/organisations/" + organisation).cookie(admin).header("Accept-Language", "en"))
                .andExpect(content().string(not(containsString("id=\"logo-preview\""))));
    }

    private ResultActions upload(MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/admin/organisations/" + organisation + "/logo")
                .file(file)
                .cookie(admin)
                .header("Accept-Language", "en")
                .with(csrf()));
    }

    private long logos() {
        return jdbc.sql("SELECT count(*) FROM accounts.organisation_logo WHERE organisation_id = ?::uuid")
                .param(organisation)
                .query(Long.class)
                .single();
    }

    static byte[] image(int width, int height, Color color, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
