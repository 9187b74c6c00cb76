package eu.herald.browser;

import com.microsoft.playwright.Page;
import eu.herald.TestEnvironment;
import java.net.URI;

/** Signs in through the real login form, as a person would: type, click, land on the start page. */
final class BrowserSignIn {

    private BrowserSignIn() {}

    static void as(Page page, String email) {
        as(page, email, TestEnvironment.DEMO_PASSWORD);
    }

    static void as(Page page, String email, String password) {
        page.navigate("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("main form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !URI.create(url).getPath().equals("/login"));
        String path = URI.create(page.url()).getPath();
        if (!path.equals("/")) {
            throw new AssertionError("signing in as " + email + " ended on " + page.url() + " instead of /");
        }
    }

    /** Signs out with the button in the header. */
    static void out(Page page) {
        page.locator("header form[action='/logout'] button").click();
        page.waitForURL(url -> URI.create(url).getPath().equals("/login"));
    }
}
