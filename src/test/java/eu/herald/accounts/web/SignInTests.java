package eu.herald.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestEnvironment;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@HeraldTest
class SignInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsInWithTheDemoPasswordAndLandsOnTheStartPage() throws Exception {
        Cookie session = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordIsRefusedWithOneMessageWhateverTheCause() throws Exception {
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user("analyst@herald.test")
                        .password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user("nobody@herald.test")
                        .password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void locksAnAccountAfterFiveFailuresEvenForTheRightPassword() throws Exception {
        String email = "locked-" + System.nanoTime() + "@herald.test";
        createUserWithDemoPassword(email);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").userParameter("email").user(email).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(TestEnvironment.DEMO_PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("SELECT locked_until > now() FROM accounts.app_user WHERE email = ?")
                        .param(email)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void changesTheSessionIdAtSignInAgainstSessionFixation() throws Exception {
        MvcResult anonymous = mvc.perform(get("/login")).andReturn();
        Cookie before = anonymous.getResponse().getCookie("HERALD_SESSION");
        assertThat(before)
                .as("the login page starts a session for its CSRF token")
                .isNotNull();
        MvcResult signedIn = mvc.perform(post("/login")
                        .param("email", "analyst@herald.test")
                        .param("password", TestEnvironment.DEMO_PASSWORD)
                        .with(csrf())
                        .cookie(before))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        Cookie after = signedIn.getResponse().getCookie("HERALD_SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void aStateChangeWithoutCsrfTokenIsRefused() throws Exception {
        Cookie session = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(post("/profile/tokens").cookie(session).param("name", "no csrf"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/profile/tokens").cookie(session).with(csrf()).param("name", "with csrf"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Cookie session = SignIn.as(mvc, "analyst@herald.test");
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void theLanguageChosenWithTheSwitchIsRememberedForTheNextSignIn() throws Exception {
        Cookie session = SignIn.as(mvc, "approver@herald.test");
        mvc.perform(post("/language")
                        .cookie(session)
                        .with(csrf())
                        .param("lang", "de")
                        .param("returnTo", "/profile"))
                .andExpect(redirectedUrl("/profile"));
        assertThat(jdbc.sql("SELECT language FROM accounts.app_user WHERE email = 'approver@herald.test'")
                        .query(String.class)
                        .single())
                .isEqualTo("de");
        MvcResult signIn = mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .user("approver@herald.test")
                        .password(TestEnvironment.DEMO_PASSWORD))
                .andReturn();
        assertThat(signIn.getResponse().getCookie("HERALD_LANG").getValue()).isEqualTo("de");
        jdbc.sql("UPDATE accounts.app_user SET language = 'nl' WHERE email = 'approver@herald.test'")
                .update();
    }

    @Test
    void theLanguageSwitchNeverRedirectsToAnotherSite() throws Exception {
        mvc.perform(post("/language").with(csrf()).param("lang", "fr").param("returnTo", "//evil.example/"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/language").with(csrf()).param("lang", "fr").param("returnTo", "https://evil.example/"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void neverStoresThePasswordInClearText() {
        String hash = jdbc.sql("SELECT password_hash FROM accounts.app_user WHERE email = 'admin@herald.test'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{argon2}").doesNotContain(TestEnvironment.DEMO_PASSWORD);
    }

    private void createUserWithDemoPassword(String email) {
        jdbc.sql("INSERT INTO accounts.app_user (id, home_organisation, email, display_name, language, password_hash)"
                        + " SELECT gen_random_uuid(), home_organisation, ?, 'Lock Test', 'en', password_hash"
                        + " FROM accounts.app_user WHERE email = 'analyst@herald.test'")
                .param(email)
                .update();
    }
}
