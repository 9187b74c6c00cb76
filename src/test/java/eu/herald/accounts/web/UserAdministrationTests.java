package eu.herald.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** An admin invites, edits and deactivates users; invitations arrive by real SMTP (GreenMail). */
@HeraldTest
class UserAdministrationTests {

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Cookie admin;
    String ixelles;

    @BeforeEach
    void signIn() throws Exception {
        admin = SignIn.as(mvc, "admin@herald.test");
        ixelles = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE name_fr = 'Commune d''Ixelles'")
                .query(String.class)
                .single();
    }

    @Test
    void anInvitedUserReceivesASignedLinkInTheirLanguageChoosesAPasswordAndSignsIn() throws Exception {
        String email = unique("newcomer");
        mvc.perform(invite(email, "Nina Newcomer", "NL", ixelles, "COMMUNICATOR"))
                .andExpect(status().is3xxRedirection());

        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(message.getSubject())
                .as("in the invited user's language")
                .isEqualTo("U bent uitgenodigd voor Herald");
        String body = (String) message.getContent();
        assertThat(body).contains("Nina Newcomer");
        Matcher link = Pattern.compile("http://localhost:8080/invitation\\?token=(\\S+)")
                .matcher(body);
        assertThat(link.find()).isTrue();
        String token = java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);

        String page = mvc.perform(get("/invitation").param("token", token).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(view().name("accounts/invitation"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .as("in the language the admin chose, not the browser's")
                .contains("lang=\"nl\"");
        mvc.perform(post("/invitation")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "a long enough secret phrase")
                        .param("confirmation", "a long enough secret phrase"))
                .andExpect(status().is3xxRedirection());

        Cookie newcomer = SignIn.as(mvc, email, "a long enough secret phrase");
        mvc.perform(get("/").cookie(newcomer)).andExpect(status().isOk());

        // used once: the link no longer works
        mvc.perform(get("/invitation").param("token", token)).andExpect(view().name("accounts/invitation-invalid"));
    }

    @Test
    void aTamperedOrForgedInvitationLinkIsRefused() throws Exception {
        String email = unique("tamper");
        mvc.perform(invite(email, "Tom Tamper", "EN", ixelles, "ANALYST")).andExpect(status().is3xxRedirection());
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        String body = (String) mail.getReceivedMessages()[0].getContent();
        Matcher link = Pattern.compile("token=(\\S+)").matcher(body);
        assertThat(link.find()).isTrue();
        String token = java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);
        String[] parts = token.split("\\.");
        String longerExpiry = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86400) + "." + parts[3];

        mvc.perform(get("/invitation").param("token", longerExpiry))
                .andExpect(view().name("accounts/invitation-invalid"));
        mvc.perform(get("/invitation").param("token", token)).andExpect(view().name("accounts/invitation"));
    }

    @Test
    void aTooShortOrMismatchedPasswordIsRefusedOnItsFieldAndTheLinkStaysUsable() throws Exception {
        String email = unique("short");
        mvc.perform(invite(email, "Sam Short", "FR", ixelles, "ANALYST")).andExpect(status().is3xxRedirection());
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        Matcher link = Pattern.compile("token=(\\S+)").matcher((String) mail.getReceivedMessages()[0].getContent());
        assertThat(link.find()).isTrue();
        String token = java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);

        mvc.perform(post("/invitation")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "short")
                        .param("confirmation", "short"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "password.error.tooShort"));
        mvc.perform(post("/invitation")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "a long enough secret phrase")
                        .param("confirmation", "another long secret phrase"))
                .andExpect(model().attributeHasFieldErrorCode("form", "confirmation", "password.error.mismatch"));
        mvc.perform(get("/invitation").param("token", token)).andExpect(view().name("accounts/invitation"));
    }

    @Test
    void anEmptyInvitationFormGivesLocalisedFieldErrorsAndCreatesNothing() throws Exception {
        long before = users();
        mvc.perform(post("/admin/users/invite").cookie(admin).with(csrf()).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "email", "displayName", "organisationId", "role"))
                .andExpect(content().string(containsString("Il y a un problème")));
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void aDuplicateEmailIsRefusedClearlyWhateverItsCase() throws Exception {
        long before = users();
        mvc.perform(invite("ADMIN@herald.test", "Someone Else", "EN", ixelles, "ANALYST"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "email", "user.error.emailTaken"))
                .andExpect(content().string(containsString("already belongs to a user")));
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void withoutAWorkingMailServerTheAdminSeesTheInvitationLink() throws Exception {
        mail.stop();
        String email = unique("nomail");
        MvcResult invited = mvc.perform(invite(email, "Nora Nomail", "DE", ixelles, "PARTNER"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String link = (String) invited.getFlashMap().get("invitationLink");
        assertThat(link).contains("/invitation?token=");
    }

    @Test
    void aDeactivatedUserCannotSignInAndKeepsTheirHistory() throws Exception {
        String email = unique("leaver");
        mvc.perform(invite(email, "Lee Leaver", "EN", ixelles, "ANALYST")).andExpect(status().is3xxRedirection());
        String id = jdbc.sql("SELECT id::text FROM accounts.app_user WHERE email = ?")
                .param(email)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE accounts.app_user SET password_hash = (SELECT password_hash FROM accounts.app_user"
                        + " WHERE email = 'admin@herald.test') WHERE id = ?::uuid")
                .param(id)
                .update();
        Cookie leaver = SignIn.as(mvc, email);

        mvc.perform(post("/admin/users/" + id + "/deactivate")
                        .cookie(admin)
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/").cookie(leaver)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/login")
                        .with(csrf())
                        .param("email", email)
                        .param("password", eu.herald.TestEnvironment.DEMO_PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error"));
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.app_user WHERE id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anAdminCannotDeactivateThemselfNorRevokeTheirOwnAdminRole() throws Exception {
        String id = jdbc.sql("SELECT id::text FROM accounts.app_user WHERE email = 'admin@herald.test'")
                .query(String.class)
                .single();
        MvcResult result = mvc.perform(post("/admin/users/" + id + "/deactivate")
                        .cookie(admin)
                        .with(csrf())
                        .param("version", "0"))
                .andReturn();
        assertThat(result.getFlashMap().get("refusal")).isEqualTo("user.error.notYourself");
        String membership = jdbc.sql("SELECT m.id::text FROM accounts.membership m JOIN accounts.app_user u"
                        + " ON u.id = m.user_id WHERE u.email = 'admin@herald.test' AND m.role = 'ADMIN'")
                .query(String.class)
                .single();
        result = mvc.perform(post("/admin/users/" + id + "/memberships/" + membership + "/revoke")
                        .cookie(admin)
                        .with(csrf()))
                .andReturn();
        assertThat(result.getFlashMap().get("refusal")).isEqualTo("membership.error.ownAdmin");
    }

    @Test
    void aStaleEditIsRefusedInsteadOfOverwritingSomeoneElsesChange() throws Exception {
        String email = unique("stale");
        mvc.perform(invite(email, "Stella Stale", "EN", ixelles, "ANALYST")).andExpect(status().is3xxRedirection());
        String id = jdbc.sql("SELECT id::text FROM accounts.app_user WHERE email = ?")
                .param(email)
                .query(String.class)
                .single();
        mvc.perform(edit(id, email, "First Edit", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(edit(id, email, "Second Edit From An Old Page", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("form"));
        assertThat(jdbc.sql("SELECT display_name FROM accounts.app_user WHERE id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("First Edit");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder edit(
            String id, String email, String name, String version) {
        return post("/admin/users/" + id)
                .cookie(admin)
                .with(csrf())
                .param("email", email)
                .param("displayName", name)
                .param("language", "EN")
                .param("version", version);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder invite(
            String email, String name, String language, String organisation, String role) {
        return post("/admin/users/invite")
                .cookie(admin)
                .with(csrf())
                .param("email", email)
                .param("displayName", name)
                .param("language", language)
                .param("organisationId", organisation)
                .param("role", role);
    }

    private long users() {
        return jdbc.sql("SELECT count(*) FROM accounts.app_user")
                .query(Long.class)
                .single();
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() + "@herald.test";
    }
}
