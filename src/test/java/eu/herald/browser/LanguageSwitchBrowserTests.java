package eu.herald.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.herald.HeraldTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The language switch in the page header: for anyone on the login page, and remembered in a user's profile. */
@HeraldTest
@Tag("browser")
class LanguageSwitchBrowserTests {

    @RegisterExtension
    static final BrowserHarness browsers = new BrowserHarness();

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLoginPageSwitchesToDutchAndKeepsItOnReloadAndInANewPage() {
        BrowserContext browser = browsers.newContext(Viewport.DESKTOP);
        Page page = browser.newPage();
        page.navigate("/login");
        assertThat(page.locator("h1")).hasText("Sign in");

        chooseLanguage(page, "Nederlands");
        assertThat(page.locator("h1")).hasText("Aanmelden");
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertThat(languageButton(page, "Nederlands")).hasAttribute("aria-pressed", "true");

        page.reload();
        assertThat(page.locator("h1")).hasText("Aanmelden");

        Page another = browser.newPage();
        another.navigate("/login");
        assertThat(another.locator("h1")).hasText("Aanmelden");
        assertThat(another.locator("html")).hasAttribute("lang", "nl");
    }

    @Test
    void aUsersChoiceIsRememberedInTheProfileForTheNextSignIn() {
        String email = TestUsers.copyOf(jdbc, "analyst@herald.test", "de");
        BrowserContext browser = browsers.newContext(Viewport.DESKTOP);
        Page page = browser.newPage();
        BrowserSignIn.as(page, email);
        // Signing in brings the language of the profile, whatever the browser asked for.
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("h1")).hasText("Willkommen, Browser Tester");

        chooseLanguage(page, "Français");
        assertThat(page).hasURL(browsers.baseUrl() + "/");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("h1")).hasText("Bienvenue, Browser Tester");
        assertThat(TestUsers.language(jdbc, email)).isEqualTo("fr");

        BrowserSignIn.out(page);
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        BrowserSignIn.as(page, email);
        assertThat(page.locator("h1")).hasText("Bienvenue, Browser Tester");

        Page elsewhere = browsers.newPage(Viewport.PHONE);
        elsewhere.navigate("/login");
        // Another browser, before signing in, gets its own preferred language...
        assertThat(elsewhere.locator("html")).hasAttribute("lang", "en");
        // ...and the remembered one once signed in.
        BrowserSignIn.as(elsewhere, email);
        assertThat(elsewhere.locator("html")).hasAttribute("lang", "fr");
        assertThat(elsewhere.locator("h1")).hasText("Bienvenue, Browser Tester");
    }

    @Test
    void everyLanguageRendersTheLoginPageWithoutMissingMessages() {
        Map<String, String> headings = Map.of(
                "Nederlands", "nl:Aanmelden",
                "Français", "fr:Se connecter",
                "Deutsch", "de:Anmelden",
                "English", "en:Sign in");
        Page page = browsers.newPage(Viewport.DESKTOP);
        page.navigate("/login?error");
        headings.forEach((language, expected) -> {
            chooseLanguage(page, language);
            String[] codeAndHeading = expected.split(":");
            assertThat(page.locator("html")).hasAttribute("lang", codeAndHeading[0]);
            assertThat(page.locator("h1")).hasText(codeAndHeading[1]);
            String text = page.locator("body").innerText();
            assertThat(text).as("the login page in " + language).doesNotContain("??");
            assertThat(page.title()).as("the title in " + language).startsWith(codeAndHeading[1] + " – ");
        });
    }

    private static void chooseLanguage(Page page, String language) {
        languageButton(page, language).click();
        page.waitForLoadState();
    }

    private static Locator languageButton(Page page, String language) {
        return page.locator("header form[action='/language']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(language));
    }
}
