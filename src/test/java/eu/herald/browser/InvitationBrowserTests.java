package eu.herald.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator's way to bring someone in, end to end in a browser: the invitation form, the email with its link
 * (caught by GreenMail), choosing a password through the link, and the first sign-in.
 */
@HeraldTest
@Tag("browser")
class InvitationBrowserTests {

    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+(/invitation\\?token=\\S+)");
    private static final String PASSWORD = "a long walk along the Meuse 2026";

    @RegisterExtension
    static final BrowserHarness browsers = new BrowserHarness();

    @RegisterExtension
    static final GreenMailExtension mail = TestMail.server();

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminInvitesACommunicatorWhoChoosesAPasswordAndSignsIn() throws Exception {
        String email = "invited-" + UUID.randomUUID() + "@herald.test";
        Page admin = browsers.newPage(Viewport.DESKTOP);
        BrowserSignIn.as(admin, SignIn.demo("ADMIN"));
        admin.navigate("/admin/users");
        admin.locator("main a[href='/admin/users/invite']").click();
        assertThat(admin.locator("h1")).hasText("Invite a user");
        admin.locator("#email").fill(email);
        admin.locator("#displayName").fill("Ines Invited");
        admin.locator("#language").selectOption("NL");
        admin.locator("#organisationId").selectOption(optionValue(admin.locator("#organisationId"), "Ixelles"));
        admin.locator("#role").selectOption("COMMUNICATOR");
        admin.locator("main form button[type=submit]").click();

        assertThat(admin).hasURL(Pattern.compile(".*/admin/users/[0-9a-f-]{36}$"));
        assertThat(admin.locator(".govuk-notification-banner--success")).containsText("The user is invited.");
        assertThat(admin.locator("h1")).hasText("Ines Invited");
        // The email went out, so the page does not show the link.
        assertThat(admin.locator("#invitation-link")).hasCount(0);
        Accessibility.assertNoSeriousViolations(admin);

        String link = invitationLinkMailedTo(email);
        Page invited = browsers.newPage(Viewport.PHONE);
        invited.navigate(link);
        // the invitation opens in the language the administrator chose, whatever the browser prefers
        assertThat(invited.locator("h1")).hasText("Kies uw wachtwoord");
        assertThat(invited.locator("main")).containsText(email);
        Accessibility.assertNoSeriousViolations(invited);
        invited.locator("#password").fill(PASSWORD);
        invited.locator("#confirmation").fill(PASSWORD);
        invited.locator("main form button[type=submit]").click();
        assertThat(invited).hasURL(browsers.baseUrl() + "/login?passwordSet");
        assertThat(invited.locator(".govuk-notification-banner--success")).isVisible();

        BrowserSignIn.as(invited, email, PASSWORD);
        // The new user's pages speak the language the administrator chose for them.
        assertThat(invited.locator("html")).hasAttribute("lang", "nl");
        assertThat(invited.locator("h1")).hasText("Welkom, Ines Invited");
        Locator role = invited.locator("main table tbody tr");
        assertThat(role).hasCount(1);
        assertThat(role).containsText("Gemeente Elsene");
        assertThat(role).containsText("Communicator");

        // The link works once.
        invited.navigate(link);
        assertThat(invited.locator("h1")).hasText("Deze link werkt niet");
    }

    @Test
    void anEmptyInvitationIsRefusedFieldByFieldInTheAdministratorsLanguage() {
        String frenchAdmin = TestUsers.copyOf(jdbc, SignIn.demo("ADMIN"), "fr");
        int usersBefore = userCount();
        Page page = browsers.newPage(Viewport.DESKTOP);
        BrowserSignIn.as(page, frenchAdmin);
        page.navigate("/admin/users/invite");
        page.locator("main form button[type=submit]").click();

        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).isVisible();
        assertThat(summary.locator("h2")).hasText("Il y a un problème");
        assertThat(summary).isFocused();
        List<String> links = summary.locator("a").all().stream()
                .map(a -> a.getAttribute("href"))
                .toList();
        assertThat(links).containsExactly("#email", "#displayName", "#organisationId", "#role");
        // Each message says which field it is about, in the summary as beside the field.
        assertThat(summary.locator("a")).hasText(new String[] {
            "Saisissez l'adresse e-mail.",
            "Saisissez le nom complet.",
            "Choisissez une organisation.",
            "Choisissez un rôle."
        });
        assertThat(page.locator("#email-error")).containsText("Saisissez l'adresse e-mail.");
        assertThat(page.locator("#displayName-error")).containsText("Saisissez le nom complet.");
        assertThat(page.locator("#organisationId-error")).containsText("Choisissez une organisation.");
        assertThat(page.locator("#role-error")).containsText("Choisissez un rôle.");
        assertThat(page.locator("#email")).hasAttribute("aria-describedby", "email-error");
        Accessibility.assertNoSeriousViolations(page);

        summary.locator("a[href='#role']").click();
        assertThat(page.locator("#role")).isFocused();
        assertThat(userCount()).as("nothing was created").isEqualTo(usersBefore);
    }

    @Test
    void anEmailThatAlreadyBelongsToAUserIsRefusedOnTheEmailField() {
        String frenchAdmin = TestUsers.copyOf(jdbc, SignIn.demo("ADMIN"), "fr");
        int usersBefore = userCount();
        Page page = browsers.newPage(Viewport.PHONE);
        BrowserSignIn.as(page, frenchAdmin);
        page.navigate("/admin/users/invite");
        page.locator("#email").fill("Analyst@Herald.test");
        page.locator("#displayName").fill("Anna Again");
        page.locator("#organisationId").selectOption(optionValue(page.locator("#organisationId"), "Ixelles"));
        page.locator("#role").selectOption("ANALYST");
        page.locator("main form button[type=submit]").click();

        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary.locator("a")).hasCount(1);
        assertThat(summary.locator("a[href='#email']"))
                .hasText("Cette adresse e-mail appartient déjà à un utilisateur.");
        assertThat(page.locator("#email-error")).containsText("Cette adresse e-mail appartient déjà à un utilisateur.");
        assertThat(page.locator("#email")).hasClass(Pattern.compile(".*govuk-input--error.*"));
        assertThat(page.locator("#email")).hasValue("Analyst@Herald.test");
        assertThat(page.locator("#displayName")).hasValue("Anna Again");
        Accessibility.assertNoSeriousViolations(page);
        assertThat(userCount()).isEqualTo(usersBefore);
    }

    private String invitationLinkMailedTo(String email) throws Exception {
        assertThat(mail.waitForIncomingEmail(10_000, 1))
                .as("an invitation email")
                .isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        Matcher link = INVITATION_LINK.matcher(String.valueOf(message.getContent()));
        assertThat(link.find()).as("a link in the email").isTrue();
        // The link names the configured public address; the test application listens on a random port.
        return link.group(1);
    }

    private static String optionValue(Locator select, String labelPart) {
        return select.locator("option")
                .filter(new Locator.FilterOptions().setHasText(labelPart))
                .first()
                .getAttribute("value");
    }

    private int userCount() {
        return jdbc.sql("SELECT count(*) FROM accounts.app_user")
                .query(Integer.class)
                .single();
    }
}
