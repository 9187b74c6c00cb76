package eu.herald;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs in through the real login form and hands back the session cookie, as a browser would keep it. */
public final class SignIn {

    private SignIn() {}

    public static Cookie as(MockMvc mvc, String email) throws Exception {
        return as(mvc, email, TestEnvironment.DEMO_PASSWORD);
    }

    public static Cookie as(MockMvc mvc, String email, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login")
                        .userParameter("email")
                        .passwordParam("password")
                        .user(email)
                        .password(password))
                .andReturn();
        if (result.getResponse().getStatus() != 302
                || !"/".equals(result.getResponse().getRedirectedUrl())) {
            throw new AssertionError(
                    "sign-in as " + email + " failed: " + result.getResponse().getRedirectedUrl());
        }
        Cookie session = result.getResponse().getCookie("HERALD_SESSION");
        if (session == null) {
            throw new AssertionError("no session cookie after signing in as " + email);
        }
        return session;
    }

    /** The demo user's email for a role, e.g. {@code admin@herald.test}. */
    public static String demo(String role) {
        return role.toLowerCase(java.util.Locale.ROOT) + "@herald.test";
    }
}
