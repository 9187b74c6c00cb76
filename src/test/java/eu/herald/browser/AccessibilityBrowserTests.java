package eu.herald.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.accounts.Role;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page each demo role can reach, on a laptop and on a phone: no serious or critical WCAG 2.1 AA violation (axe),
 * nothing wider than the phone's screen, no browser console error (so no Content-Security-Policy violation) and no
 * missing message. The demo users speak different languages, so the pages are checked in all four.
 */
@HeraldTest
@Tag("browser")
class AccessibilityBrowserTests {

    @RegisterExtension
    static final BrowserHarness browsers = new BrowserHarness();

    /** The demo's approved message (Ixelles), offered for scheduling on channels. */
    static String demoApprovedMessage;

    @org.junit.jupiter.api.BeforeAll
    static void demoData(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        demoApprovedMessage = jdbc.sql("SELECT id::text FROM campaigns.message WHERE title = ?")
                .param("Deur op slot – Porte verrouillée")
                .query(String.class)
                .single();
    }

    static Stream<Arguments> rolesOnEveryViewport() {
        return Arrays.stream(Role.values())
                .flatMap(role -> Arrays.stream(Viewport.values()).map(viewport -> Arguments.of(role, viewport)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("rolesOnEveryViewport")
    void everyPageARoleReachesIsAccessible(Role role, Viewport viewport) {
        Page page = browsers.newPage(viewport);
        PageCheck check = new PageCheck(page, viewport);
        BrowserSignIn.as(page, SignIn.demo(role.name()));
        check.here();
        check.visit("/profile");
        check.visit("/profile/tokens");
        check.visit("/notifications");
        visitTheEditorialPages(role, page, check);
        if (role == Role.ADMIN) {
            visitTheAdminPages(page, check);
        }
        check.assertNoProblems();
    }

    /** Campaigns, messages, the calendar, the guardrails and audiences pages, as far as the role reaches. */
    private static void visitTheEditorialPages(Role role, Page page, PageCheck check) {
        boolean reader = role != Role.MODERATOR && role != Role.PARTNER;
        if (reader) {
            check.visit("/campaigns");
            page.locator("main table a.govuk-link").first().click();
            page.waitForURL(url -> url.matches(".*/campaigns/[0-9a-f-]{36}$"));
            check.here();
            String campaignPage = page.url();
            // the campaign's tracked links and its poster form
            page.locator("#campaign-links").click();
            page.waitForURL(url -> url.matches(".*/links\\?campaign=[0-9a-f-]{36}$"));
            check.here();
            page.locator("#print-posters").click();
            page.waitForURL(url -> url.matches(".*/links/posters\\?campaign=[0-9a-f-]{36}$"));
            check.here();
            page.navigate(campaignPage);
            page.locator("main a[href^='/messages/']").first().click();
            page.waitForURL(url -> url.matches(".*/messages/[0-9a-f-]{36}$"));
            check.here();
            page.locator("#variants a.govuk-link").first().click();
            page.waitForURL(url -> url.matches(".*/variants/[0-9a-f-]{36}$"));
            check.here();
            check.visit("/audiences");
            check.visit("/campaigns/areas?q=Elsene");
            check.visit("/deliveries");
            if (role == Role.COMMUNICATOR || role == Role.APPROVER) {
                check.visit("/deliveries/new?message=" + demoApprovedMessage);
            }
        }
        if (role == Role.PARTNER || role == Role.ADMIN) {
            check.visit("/partners");
            page.locator("#toolbox-results a.govuk-link").first().click();
            page.waitForURL(url -> url.matches(".*/partners/resources/[0-9a-f-]{36}$"));
            check.here();
            check.visit("/partners");
            page.locator("main a[href^='/partners/groups/']").first().click();
            page.waitForURL(url -> url.matches(".*/partners/groups/[0-9a-f-]{36}$"));
            check.here();
        }
        if (role == Role.PARTNER || role == Role.ADMIN) {
            check.visit("/partners/events");
            page.locator("main table a[href^='/partners/events/']").first().click();
            page.waitForURL(url -> url.matches(".*/partners/events/[0-9a-f-]{36}$"));
            check.here();
        }
        if (role == Role.PARTNER || role == Role.ADMIN || role == Role.COMMUNICATOR) {
            check.visit("/partners/settings");
            check.visit("/partners/alerts");
        }
        if (role == Role.COMMUNICATOR) {
            check.visit("/partners/events");
        }
        if (role == Role.ADMIN || role == Role.COMMUNICATOR) {
            check.visit("/partners/events/new");
            check.visit("/partners/alerts/new");
        }
        if (role == Role.ADMIN) {
            check.visit("/partners/resources/new");
            check.visit("/partners");
            page.locator("#toolbox-results a.govuk-link").first().click();
            page.waitForURL(url -> url.matches(".*/partners/resources/[0-9a-f-]{36}$"));
            page.locator("main a[href$='/edit']").click();
            page.waitForURL(url -> url.matches(".*/partners/resources/[0-9a-f-]{36}/edit$"));
            check.here();
        }
        if (role != Role.PARTNER) {
            check.visit("/calendar");
            check.visit("/calendar?view=month");
        }
        if (role == Role.COMMUNICATOR) {
            check.visit("/campaigns/new");
            check.visit("/templates");
        }
        if (role == Role.APPROVER) {
            check.visit("/approvals");
        }
        if (role == Role.COMMUNICATOR || role == Role.APPROVER || role == Role.ADMIN) {
            check.visit("/guardrails");
        }
        visitTheChannelPages(role, page, check);
    }

    /** Channel accounts: everyone who reads them sees the list; owners the connect forms, a detail and reconnecting. */
    private static void visitTheChannelPages(Role role, Page page, PageCheck check) {
        if (role == Role.APPROVER || role == Role.PARTNER) {
            return;
        }
        check.visit("/channels");
        if (role == Role.COMMUNICATOR) {
            page.locator("main table a.govuk-link").first().click();
            page.waitForURL(url -> url.matches(".*/channels/[0-9a-f-]{36}$"));
            check.here();
            page.locator("main a[href$='/reconnect']").first().click();
            page.waitForURL(url -> url.matches(".*/channels/[0-9a-f-]{36}/reconnect$"));
            check.here();
            check.visit("/channels/new");
            check.visit("/channels/new?type=PRESS");
            check.visit("/channels/new?type=WEBHOOK");
        }
        if (role == Role.ADMIN) {
            check.visit("/channels/new?type=MASTODON");
        }
        if (role == Role.MODERATOR || role == Role.ADMIN) {
            check.visit("/inbox");
            check.visit("/inbox?needsHuman=true&sla=breached");
            check.visit("/inbox/playbook");
            if (role == Role.MODERATOR) {
                // the Ghent zone's starter playbook
                page.locator("main table a[href^='/inbox/playbook/rules/']")
                        .first()
                        .click();
                page.waitForURL(url -> url.matches(".*/inbox/playbook/rules/[0-9a-f-]{36}$"));
                check.here();
            }
            check.visit("/inbox/playbook/rules/new");
            check.visit("/inbox/settings");
            check.visit("/inbox/listening");
        }
    }

    private static void visitTheAdminPages(Page page, PageCheck check) {
        check.visit("/admin/organisations");
        page.locator(".herald-tree__item.herald-depth-1 > a.govuk-link:not(.govuk-body-s)")
                .first()
                .click();
        page.waitForURL("**/admin/organisations/*");
        check.here();

        check.visit("/admin/organisations");
        page.locator("a[href*='/admin/organisations/new?parent=']").first().click();
        page.waitForURL("**/admin/organisations/new?parent=*");
        check.here();

        check.visit("/admin/users");
        check.visit("/admin/users/invite");
        check.visit("/admin/users");
        page.locator("#user-results a.govuk-link").first().click();
        page.waitForURL(url -> url.matches(".*/admin/users/[0-9a-f-]{36}$"));
        check.here();

        check.visit("/admin/audit");
        check.visit("/admin/campaigns");
        check.visit("/admin/guardrails");
        check.visit("/admin/audiences");
        check.visit("/admin/areas");
        check.visit("/admin/language-rules");
        check.visit("/admin/links");
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void thePagesForPeopleNotSignedInAreAccessible(Viewport viewport) {
        Page page = browsers.newPage(viewport);
        PageCheck check = new PageCheck(page, viewport);
        check.visit("/login");
        check.visit("/login?error");
        check.visit("/invitation?token=bogus");
        check.visit("/l/zzzzzzzz", 404);
        check.visit("/partners/digest/unsubscribe?token=bogus");
        check.visit("/contact");
        check.assertNoProblems();
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theErrorPagesAreAccessible(Viewport viewport) {
        Page page = browsers.newPage(viewport);
        PageCheck check = new PageCheck(page, viewport);
        BrowserSignIn.as(page, SignIn.demo("ADMIN"));
        check.visit("/admin/users/00000000-0000-0000-0000-000000000000", 404);
        assertThat(page.locator("h1").innerText()).isEqualTo("Page not found");
        check.assertNoProblems();

        Page communicator = browsers.newPage(viewport);
        PageCheck forbidden = new PageCheck(communicator, viewport);
        BrowserSignIn.as(communicator, SignIn.demo("COMMUNICATOR"));
        forbidden.visit("/admin/users", 403);
        forbidden.assertNoProblems();
    }

    @Test
    void aTickedCheckboxLooksTicked() {
        Page page = browsers.newPage(Viewport.DESKTOP);
        BrowserSignIn.as(page, SignIn.demo("ADMIN"));
        page.navigate("/admin/organisations");
        page.locator(".herald-tree__item.herald-depth-1 > a.govuk-link:not(.govuk-body-s)")
                .first()
                .click();
        page.waitForURL("**/admin/organisations/*");
        assertThat(page.locator(".govuk-checkboxes__input:checked").count())
                .as("an organisation has an official language")
                .isPositive();
        assertTicksShowTheCheckedState(page);

        page.navigate("/admin/users/invite");
        page.locator("label[for='serviceAccount']").click();
        assertThat(page.locator("#serviceAccount").isChecked()).isTrue();
        assertTicksShowTheCheckedState(page);
    }

    /** GOV.UK draws the tick as the label's ::after, shown by "input:checked + label": nothing may come between. */
    private static void assertTicksShowTheCheckedState(Page page) {
        Object boxes = page.evaluate("""
                () => Array.from(document.querySelectorAll('.govuk-checkboxes__input')).map(box => {
                    const label = document.querySelector('label[for="' + box.id + '"]');
                    return box.id + ' checked=' + box.checked + ' tick=' + (getComputedStyle(label, '::after').opacity === '1');
                })""");
        assertThat((List<?>) boxes)
                .isNotEmpty()
                .allSatisfy(
                        box -> assertThat(String.valueOf(box)).matches(".* checked=(true tick=true|false tick=false)"));
    }

    @Test
    void searchResultsAreAnnouncedInAStableStatusRegion() {
        Page page = browsers.newPage(Viewport.DESKTOP);
        BrowserSignIn.as(page, SignIn.demo("ADMIN"));
        page.navigate("/admin/users");
        Locator status = page.locator("#user-results-status");
        org.assertj.core.api.Assertions.assertThat(status.getAttribute("aria-live"))
                .isEqualTo("polite");
        page.locator("#q").pressSequentially("moder");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(status)
                .not()
                .isEmpty();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#user-results"))
                .containsText("Mona Moderator");
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("[id=user-results-status]").count())
                .as("one status region, updated in place")
                .isEqualTo(1);

        page.navigate("/admin/areas");
        page.locator("#q").pressSequentially("Elsene");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#area-results-status"))
                .not()
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("[id=area-results-status]").count())
                .isEqualTo(1);

        page.navigate("/admin/audit");
        page.locator("#who").pressSequentially("alex");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#audit-results-status"))
                .not()
                .isEmpty();
    }

    @Test
    void theApiDocumentationLoadsForASignedInUser() {
        Page page = browsers.newPage(Viewport.DESKTOP);
        BrowserSignIn.as(page, SignIn.demo("ANALYST"));
        Response response = page.navigate("/api/docs");
        assertThat(response).isNotNull();
        assertThat(response.ok()).isTrue();
        Locator title = page.locator(".swagger-ui .info .title");
        // the first request builds the OpenAPI document from every controller: allow for a busy machine
        title.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(title.innerText()).contains("Herald API");
    }
}
