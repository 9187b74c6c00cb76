package eu.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route × every role (and anonymous) → the status expected. Deny by default: a route that no test row
 * covers fails {@link #everyRouteOfTheApplicationIsInTheMatrix()}.
 */
@HeraldTest
class AccessMatrixTests {

    static final List<String> ROLES = List.of("ADMIN", "COMMUNICATOR", "APPROVER", "MODERATOR", "ANALYST", "PARTNER");
    static final String ANONYMOUS = "ANONYMOUS";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static final Map<String, Cookie> sessions = new LinkedHashMap<>();
    static final Map<String, String> tokens = new LinkedHashMap<>();
    static String federal;
    static String adminUser;

    /** What a role gets; {@code others} for every role not named. */
    record Row(String method, String route, String path, int anonymous, int others, Map<String, Integer> byRole) {
        int expected(String role) {
            if (role.equals(ANONYMOUS)) {
                return anonymous;
            }
            return byRole.getOrDefault(role, others);
        }
    }

    static final int OK = 200, REDIRECT = 302, CREATED = 201, BAD = 400, UNAUTHORIZED = 401, FORBIDDEN = 403;
    static final int REFUSED = 422, UNSUPPORTED = 415;

    @BeforeAll
    static void signInEveryone(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) throws Exception {
        for (String role : ROLES) {
            String email = SignIn.demo(role);
            sessions.put(role, SignIn.as(mvc, email));
            tokens.put(role, TestTokens.of(jdbc, email));
        }
        federal = jdbc.sql("SELECT id::text FROM accounts.organisation WHERE kind = 'FEDERAL'")
                .query(String.class)
                .single();
        adminUser = jdbc.sql("SELECT id::text FROM accounts.app_user WHERE email = 'admin@herald.test'")
                .query(String.class)
                .single();
        demoCampaign = jdbc.sql("SELECT id::text FROM campaigns.campaign ORDER BY created_at LIMIT 1")
                .query(String.class)
                .single();
        demoMessage = jdbc.sql("SELECT id::text FROM campaigns.message WHERE campaign_id = ?::uuid ORDER BY created_at"
                        + " LIMIT 1")
                .param(demoCampaign)
                .query(String.class)
                .single();
        demoVariant = jdbc.sql("SELECT id::text FROM campaigns.variant WHERE message_id = ?::uuid LIMIT 1")
                .param(demoMessage)
                .query(String.class)
                .single();
    }

    /**
     * The partners module: partners and admins read (their own groups and what is shared with them), admins change;
     * unknown or unreachable groups and resources are 404.
     */
    static void partnerRows(List<Row> rows) {
        int NOT_FOUND = 404;
        String nobody = UUID.randomUUID().toString();
        Map<String, Integer> readers = Map.of("PARTNER", OK, "ADMIN", OK);
        Map<String, Integer> readersMissing = Map.of("PARTNER", NOT_FOUND, "ADMIN", NOT_FOUND);
        rows.add(new Row("GET", "/partners", "/partners", REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "GET", "/partners/groups/{id}", "/partners/groups/" + nobody, REDIRECT, FORBIDDEN, readersMissing));
        rows.add(new Row(
                "GET",
                "/partners/resources/{id}",
                "/partners/resources/" + nobody,
                REDIRECT,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "GET",
                "/partners/resources/{id}/file",
                "/partners/resources/" + nobody + "/file",
                REDIRECT,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "GET", "/partners/resources/new", "/partners/resources/new", REDIRECT, FORBIDDEN, Map.of("ADMIN", OK)));
        rows.add(new Row(
                "POST", "/partners/groups", "/partners/groups", REDIRECT, FORBIDDEN, Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/partners/groups/{id}/members",
                "/partners/groups/" + nobody + "/members",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/partners/groups/{id}/members/{userId}/remove",
                "/partners/groups/" + nobody + "/members/" + nobody + "/remove",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND)));
        rows.add(new Row(
                "POST", "/partners/resources", "/partners/resources", REDIRECT, FORBIDDEN, Map.of("ADMIN", OK)));
        rows.add(
                new Row("GET", "/api/v1/partners/groups", "/api/v1/partners/groups", UNAUTHORIZED, FORBIDDEN, readers));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/groups",
                "/api/v1/partners/groups",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", BAD)));
        rows.add(new Row(
                "GET",
                "/api/v1/partners/groups/{id}",
                "/api/v1/partners/groups/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "PUT",
                "/api/v1/partners/groups/{id}/members",
                "/api/v1/partners/groups/" + nobody + "/members",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", BAD)));
        rows.add(new Row(
                "DELETE",
                "/api/v1/partners/groups/{id}/members/{userId}",
                "/api/v1/partners/groups/" + nobody + "/members/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND)));
        rows.add(new Row(
                "GET", "/api/v1/partners/resources", "/api/v1/partners/resources", UNAUTHORIZED, FORBIDDEN, readers));
        rows.add(new Row(
                "GET",
                "/api/v1/partners/resources/{id}",
                "/api/v1/partners/resources/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "GET",
                "/api/v1/partners/resources/{id}/file",
                "/api/v1/partners/resources/" + nobody + "/file",
                UNAUTHORIZED,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/resources",
                "/api/v1/partners/resources",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", UNSUPPORTED)));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/resources/{id}/versions",
                "/api/v1/partners/resources/" + nobody + "/versions",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", UNSUPPORTED)));
        rows.add(new Row(
                "PUT",
                "/api/v1/partners/resources/{id}/sharing",
                "/api/v1/partners/resources/" + nobody + "/sharing",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", BAD)));
    }

    /** The partners module's questions and answers: for partners and admins, inside groups they reach. */
    static void partnerQuestionRows(List<Row> rows) {
        int NOT_FOUND = 404;
        String nobody = UUID.randomUUID().toString();
        Map<String, Integer> missing = Map.of("PARTNER", NOT_FOUND, "ADMIN", NOT_FOUND);
        Map<String, Integer> missingApi = Map.of("PARTNER", BAD, "ADMIN", BAD);
        rows.add(new Row(
                "GET", "/partners/questions/{id}", "/partners/questions/" + nobody, REDIRECT, FORBIDDEN, missing));
        rows.add(new Row(
                "POST",
                "/partners/groups/{id}/questions",
                "/partners/groups/" + nobody + "/questions?title=matrix",
                REDIRECT,
                FORBIDDEN,
                missing));
        rows.add(new Row(
                "POST",
                "/partners/questions/{id}/answers",
                "/partners/questions/" + nobody + "/answers?body=matrix",
                REDIRECT,
                FORBIDDEN,
                missing));
        rows.add(new Row(
                "POST",
                "/partners/questions/{id}/accept",
                "/partners/questions/" + nobody + "/accept?answerId=" + nobody,
                REDIRECT,
                FORBIDDEN,
                missing));
        rows.add(new Row(
                "POST",
                "/partners/questions/{id}/hide",
                "/partners/questions/" + nobody + "/hide",
                REDIRECT,
                FORBIDDEN,
                missing));
        rows.add(new Row(
                "POST",
                "/partners/answers/{id}/hide",
                "/partners/answers/" + nobody + "/hide",
                REDIRECT,
                FORBIDDEN,
                missing));
        rows.add(new Row(
                "GET",
                "/api/v1/partners/groups/{id}/questions",
                "/api/v1/partners/groups/" + nobody + "/questions",
                UNAUTHORIZED,
                FORBIDDEN,
                missing));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/groups/{id}/questions",
                "/api/v1/partners/groups/" + nobody + "/questions",
                UNAUTHORIZED,
                FORBIDDEN,
                missingApi));
        rows.add(new Row(
                "GET",
                "/api/v1/partners/questions/{id}",
                "/api/v1/partners/questions/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                missing));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/questions/{id}/answers",
                "/api/v1/partners/questions/" + nobody + "/answers",
                UNAUTHORIZED,
                FORBIDDEN,
                missingApi));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/questions/{id}/accept",
                "/api/v1/partners/questions/" + nobody + "/accept",
                UNAUTHORIZED,
                FORBIDDEN,
                missingApi));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/questions/{id}/hide",
                "/api/v1/partners/questions/" + nobody + "/hide",
                UNAUTHORIZED,
                FORBIDDEN,
                missing));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/answers/{id}/hide",
                "/api/v1/partners/answers/" + nobody + "/hide",
                UNAUTHORIZED,
                FORBIDDEN,
                missing));
    }

    /**
     * The partners module's events, alerts, settings and toolbox forms: partners, admins and communicators read events
     * and alerts, admins and communicators organise them; the calendar feed and the digest's unsubscribe work without
     * signing in, with a secret token (anything else is 404 or a page saying the link does not work).
     */
    static void partnerEventRows(List<Row> rows) {
        int NOT_FOUND = 404;
        String nobody = UUID.randomUUID().toString();
        Map<String, Integer> readers = Map.of("PARTNER", OK, "ADMIN", OK, "COMMUNICATOR", OK);
        Map<String, Integer> readersMissing =
                Map.of("PARTNER", NOT_FOUND, "ADMIN", NOT_FOUND, "COMMUNICATOR", NOT_FOUND);
        Map<String, Integer> readersRedirected =
                Map.of("PARTNER", REDIRECT, "ADMIN", REDIRECT, "COMMUNICATOR", REDIRECT);
        Map<String, Integer> organisers = Map.of("ADMIN", OK, "COMMUNICATOR", OK);
        Map<String, Integer> organisersMissing = Map.of("ADMIN", NOT_FOUND, "COMMUNICATOR", NOT_FOUND);
        Map<String, Integer> organisersBad = Map.of("ADMIN", BAD, "COMMUNICATOR", BAD);
        rows.add(new Row("GET", "/partners/events", "/partners/events", REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "GET", "/partners/events/{id}", "/partners/events/" + nobody, REDIRECT, FORBIDDEN, readersMissing));
        rows.add(new Row("GET", "/partners/events/new", "/partners/events/new", REDIRECT, FORBIDDEN, organisers));
        // the registrants' list: only those who organise the event (partners never see others' registrations)
        rows.add(new Row(
                "GET",
                "/partners/events/{id}/registrations.csv",
                "/partners/events/" + nobody + "/registrations.csv",
                REDIRECT,
                FORBIDDEN,
                organisersMissing));
        rows.add(new Row("POST", "/partners/events", "/partners/events", REDIRECT, FORBIDDEN, organisers));
        rows.add(new Row(
                "POST",
                "/partners/events/{id}/registration",
                "/partners/events/" + nobody + "/registration",
                REDIRECT,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "POST",
                "/partners/events/{id}/cancellation",
                "/partners/events/" + nobody + "/cancellation",
                REDIRECT,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row("GET", "/partners/settings", "/partners/settings", REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "POST",
                "/partners/settings/digest",
                "/partners/settings/digest",
                REDIRECT,
                FORBIDDEN,
                readersRedirected));
        rows.add(new Row(
                "POST", "/partners/settings/feed", "/partners/settings/feed", REDIRECT, FORBIDDEN, readersRedirected));
        rows.add(new Row(
                "POST",
                "/partners/settings/feed/revoke",
                "/partners/settings/feed/revoke",
                REDIRECT,
                FORBIDDEN,
                readersRedirected));
        rows.add(new Row(
                "GET", "/partners/feed/{token}", "/partners/feed/" + "x".repeat(43), NOT_FOUND, NOT_FOUND, Map.of()));
        rows.add(new Row(
                "GET", "/partners/digest/unsubscribe", "/partners/digest/unsubscribe?token=bogus", OK, OK, Map.of()));
        rows.add(new Row(
                "POST", "/partners/digest/unsubscribe", "/partners/digest/unsubscribe?token=bogus", OK, OK, Map.of()));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/digest/unsubscribe",
                "/api/v1/partners/digest/unsubscribe?token=bogus",
                NOT_FOUND,
                NOT_FOUND,
                Map.of()));
        rows.add(new Row("GET", "/partners/alerts", "/partners/alerts", REDIRECT, FORBIDDEN, readers));
        rows.add(new Row("GET", "/partners/alerts/new", "/partners/alerts/new", REDIRECT, FORBIDDEN, organisers));
        rows.add(new Row("POST", "/partners/alerts", "/partners/alerts", REDIRECT, FORBIDDEN, organisers));
        rows.add(new Row(
                "GET", "/partners/alerts/{id}", "/partners/alerts/" + nobody, REDIRECT, FORBIDDEN, readersMissing));
        rows.add(new Row(
                "POST",
                "/partners/alerts/{id}/resend",
                "/partners/alerts/" + nobody + "/resend",
                REDIRECT,
                FORBIDDEN,
                organisersMissing));
        rows.add(new Row(
                "POST",
                "/partners/alerts/{id}/unpin",
                "/partners/alerts/" + nobody + "/unpin",
                REDIRECT,
                FORBIDDEN,
                organisersMissing));
        rows.add(new Row(
                "GET",
                "/partners/resources/{id}/edit",
                "/partners/resources/" + nobody + "/edit",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/partners/resources/{id}/versions",
                "/partners/resources/" + nobody + "/versions",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/partners/resources/{id}/sharing",
                "/partners/resources/" + nobody + "/sharing",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND)));
        rows.add(
                new Row("GET", "/api/v1/partners/events", "/api/v1/partners/events", UNAUTHORIZED, FORBIDDEN, readers));
        rows.add(new Row(
                "GET",
                "/api/v1/partners/events/{id}",
                "/api/v1/partners/events/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "POST", "/api/v1/partners/events", "/api/v1/partners/events", UNAUTHORIZED, FORBIDDEN, organisersBad));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/events/{id}/registration",
                "/api/v1/partners/events/" + nobody + "/registration",
                UNAUTHORIZED,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "DELETE",
                "/api/v1/partners/events/{id}/registration",
                "/api/v1/partners/events/" + nobody + "/registration",
                UNAUTHORIZED,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "POST", "/api/v1/partners/alerts", "/api/v1/partners/alerts", UNAUTHORIZED, FORBIDDEN, organisersBad));
        rows.add(new Row(
                "GET",
                "/api/v1/partners/alerts/{id}",
                "/api/v1/partners/alerts/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "POST",
                "/api/v1/partners/alerts/{id}/resend",
                "/api/v1/partners/alerts/" + nobody + "/resend",
                UNAUTHORIZED,
                FORBIDDEN,
                organisersMissing));
    }

    static String demoCampaign;
    static String demoMessage;
    static String demoVariant;

    /** The campaigns module: pages and API; reading is for communicators, approvers, analysts and admins. */
    static void campaignRows(List<Row> rows) {
        int NOT_FOUND = 404;
        Map<String, Integer> readers = Map.of("COMMUNICATOR", OK, "APPROVER", OK, "ANALYST", OK, "ADMIN", OK);
        String nobody = UUID.randomUUID().toString();
        String campaign = "/campaigns/" + demoCampaign;
        String message = "/messages/" + demoMessage;
        String missing = "/messages/" + nobody;
        rows.add(new Row("GET", "/campaigns", "/campaigns", REDIRECT, FORBIDDEN, readers));
        rows.add(new Row("GET", "/campaigns/new", "/campaigns/new", REDIRECT, FORBIDDEN, Map.of("COMMUNICATOR", OK)));
        rows.add(new Row(
                "GET",
                "/campaigns/areas",
                "/campaigns/areas?q=Ixelles",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", OK, "APPROVER", OK, "ANALYST", OK, "ADMIN", OK)));
        rows.add(new Row("GET", "/campaigns/{id}", campaign, REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "GET", "/campaigns/{id}/edit", campaign + "/edit", REDIRECT, FORBIDDEN, Map.of("COMMUNICATOR", OK)));
        rows.add(new Row("POST", "/campaigns", "/campaigns", REDIRECT, FORBIDDEN, Map.of("COMMUNICATOR", OK)));
        rows.add(new Row(
                "POST",
                "/campaigns/{id}",
                "/campaigns/" + nobody,
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/campaigns/{id}/effort",
                "/campaigns/" + nobody + "/effort",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/campaigns/{id}/messages",
                "/campaigns/" + nobody + "/messages",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", REDIRECT)));
        rows.add(new Row("POST", "/campaigns/advice", "/campaigns/advice", REDIRECT, FORBIDDEN, readers));
        rows.add(new Row("GET", "/messages/{id}", message, REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "GET",
                "/messages/{id}/variants/new",
                message + "/variants/new?channel=X&language=NL",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", OK)));
        rows.add(new Row(
                "GET",
                "/messages/{id}/variants/{variant}",
                message + "/variants/" + demoVariant,
                REDIRECT,
                FORBIDDEN,
                readers));
        rows.add(new Row(
                "POST",
                "/messages/{id}",
                missing + "?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/variants",
                missing + "/variants",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/variants/{variant}/remove",
                missing + "/variants/" + nobody + "/remove?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "GET",
                "/messages/{id}/variants/{variant}/images/{media}",
                message + "/variants/" + demoVariant + "/images/" + nobody,
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND, "APPROVER", NOT_FOUND, "ANALYST", NOT_FOUND, "ADMIN", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/variants/{variant}/images",
                missing + "/variants/" + nobody + "/images?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/variants/{variant}/images/{media}/remove",
                missing + "/variants/" + nobody + "/images/" + nobody + "/remove?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/submit",
                missing + "/submit?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/approve",
                missing + "/approve?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("APPROVER", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/request-changes",
                missing + "/request-changes?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("APPROVER", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/schedule",
                missing + "/schedule?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", REDIRECT, "APPROVER", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/unschedule",
                missing + "/unschedule?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND, "APPROVER", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/comments",
                missing + "/comments?body=hello",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND, "APPROVER", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/reshare",
                missing + "/reshare",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/messages/{id}/template",
                missing + "/template",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/templates/{id}/adopt",
                "/templates/" + nobody + "/adopt",
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", REDIRECT)));
        rows.add(new Row("GET", "/templates", "/templates", REDIRECT, FORBIDDEN, Map.of("COMMUNICATOR", OK)));
        rows.add(new Row("GET", "/approvals", "/approvals", REDIRECT, FORBIDDEN, Map.of("APPROVER", OK)));
        rows.add(new Row("GET", "/calendar", "/calendar", REDIRECT, OK, Map.of("PARTNER", FORBIDDEN)));
        rows.add(new Row("GET", "/admin/campaigns", "/admin/campaigns", REDIRECT, FORBIDDEN, Map.of("ADMIN", OK)));
        rows.add(new Row(
                "POST",
                "/admin/campaigns/caps",
                "/admin/campaigns/caps",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/campaigns/caps/{audience}/remove",
                "/admin/campaigns/caps/" + nobody + "/remove",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/campaigns/themes",
                "/admin/campaigns/themes",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/campaigns/themes/{id}/active",
                "/admin/campaigns/themes/" + nobody + "/active?active=true",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        // API
        Map<String, Integer> apiReaders = readers;
        rows.add(new Row("GET", "/api/v1/campaigns", "/api/v1/campaigns", UNAUTHORIZED, FORBIDDEN, apiReaders));
        rows.add(new Row(
                "POST",
                "/api/v1/campaigns",
                "/api/v1/campaigns",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD)));
        rows.add(new Row(
                "GET",
                "/api/v1/campaigns/{id}",
                "/api/v1/campaigns/" + demoCampaign,
                UNAUTHORIZED,
                FORBIDDEN,
                apiReaders));
        rows.add(new Row(
                "PUT",
                "/api/v1/campaigns/{id}",
                "/api/v1/campaigns/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD)));
        rows.add(new Row(
                "POST",
                "/api/v1/campaigns/{id}/messages",
                "/api/v1/campaigns/" + nobody + "/messages",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD)));
        rows.add(new Row(
                "GET",
                "/api/v1/messages/{id}",
                "/api/v1/messages/" + demoMessage,
                UNAUTHORIZED,
                FORBIDDEN,
                apiReaders));
        rows.add(new Row(
                "PUT",
                "/api/v1/messages/{id}",
                "/api/v1/messages/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD)));
        rows.add(new Row(
                "PUT",
                "/api/v1/messages/{id}/variants",
                "/api/v1/messages/" + nobody + "/variants",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD)));
        rows.add(new Row(
                "DELETE",
                "/api/v1/messages/{id}/variants/{variantId}",
                "/api/v1/messages/" + nobody + "/variants/" + nobody + "?version=0",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/api/v1/messages/{id}/submit",
                "/api/v1/messages/" + nobody + "/submit",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD)));
        rows.add(new Row(
                "POST",
                "/api/v1/messages/{id}/approve",
                "/api/v1/messages/" + nobody + "/approve",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("APPROVER", BAD)));
        rows.add(new Row(
                "POST",
                "/api/v1/messages/{id}/request-changes",
                "/api/v1/messages/" + nobody + "/request-changes",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("APPROVER", BAD)));
        rows.add(new Row(
                "POST",
                "/api/v1/messages/{id}/schedule",
                "/api/v1/messages/" + nobody + "/schedule",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD, "APPROVER", BAD)));
        rows.add(new Row(
                "GET",
                "/api/v1/calendar",
                "/api/v1/calendar?from=2026-01-01&to=2026-01-31",
                UNAUTHORIZED,
                FORBIDDEN,
                apiReaders));
    }

    List<Row> matrix() {
        String org = "/admin/organisations/" + federal;
        String user = "/admin/users/" + adminUser;
        String membership = user + "/memberships/" + UUID.randomUUID() + "/revoke";
        Map<String, Integer> adminOk = Map.of("ADMIN", OK);
        List<Row> rows = new ArrayList<>();
        // Pages
        rows.add(new Row("GET", "/login", "/login", OK, REDIRECT, Map.of()));
        rows.add(new Row("GET", "/", "/", REDIRECT, OK, Map.of()));
        rows.add(new Row("GET", "/profile", "/profile", REDIRECT, OK, Map.of()));
        rows.add(new Row("GET", "/profile/tokens", "/profile/tokens", REDIRECT, OK, Map.of()));
        rows.add(new Row("POST", "/profile/password", "/profile/password", REDIRECT, OK, Map.of()));
        rows.add(new Row("POST", "/profile/tokens", "/profile/tokens", REDIRECT, REDIRECT, Map.of()));
        rows.add(new Row(
                "POST",
                "/profile/tokens/{id}/revoke",
                "/profile/tokens/" + UUID.randomUUID() + "/revoke",
                REDIRECT,
                404,
                Map.of()));
        rows.add(new Row("GET", "/notifications", "/notifications", REDIRECT, OK, Map.of()));
        rows.add(new Row("POST", "/notifications/read", "/notifications/read", REDIRECT, REDIRECT, Map.of()));
        rows.add(new Row("POST", "/notifications/test", "/notifications/test", REDIRECT, REDIRECT, Map.of()));
        rows.add(new Row(
                "POST",
                "/notifications/{id}/open",
                "/notifications/" + UUID.randomUUID() + "/open",
                REDIRECT,
                404,
                Map.of()));
        rows.add(new Row("GET", "/invitation", "/invitation?token=bogus", OK, OK, Map.of()));
        rows.add(new Row("POST", "/invitation", "/invitation?token=bogus", OK, OK, Map.of()));
        rows.add(new Row("POST", "/language", "/language?lang=xx&returnTo=/", REDIRECT, REDIRECT, Map.of()));
        rows.add(new Row("GET", "/admin/organisations", "/admin/organisations", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row(
                "POST",
                "/admin/organisations",
                "/admin/organisations?parentId=" + federal,
                REDIRECT,
                FORBIDDEN,
                adminOk));
        rows.add(new Row(
                "GET",
                "/admin/organisations/new",
                "/admin/organisations/new?parent=" + federal,
                REDIRECT,
                FORBIDDEN,
                adminOk));
        rows.add(new Row("GET", "/admin/organisations/{id}", org, REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("POST", "/admin/organisations/{id}", org, REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row(
                "GET", "/admin/organisations/{id}/logo", org + "/logo", REDIRECT, FORBIDDEN, Map.of("ADMIN", 404)));
        rows.add(new Row(
                "POST",
                "/admin/organisations/{id}/logo",
                org + "/logo",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/organisations/{id}/logo/remove",
                org + "/logo/remove",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", 404)));
        rows.add(new Row(
                "POST",
                "/admin/organisations/{id}/deactivate",
                org + "/deactivate?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/organisations/{id}/reactivate",
                org + "/reactivate?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row("GET", "/admin/users", "/admin/users", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("GET", "/admin/users/invite", "/admin/users/invite", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("POST", "/admin/users/invite", "/admin/users/invite", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("GET", "/admin/users/{id}", user, REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("POST", "/admin/users/{id}", user, REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row(
                "POST",
                "/admin/users/{id}/deactivate",
                user + "/deactivate?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/users/{id}/reactivate",
                user + "/reactivate?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/users/{id}/invitation",
                user + "/invitation",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/users/{id}/memberships",
                user + "/memberships",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/users/{id}/memberships/{membership}/revoke",
                membership,
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", 404)));
        // Audiences: reading for every role but partners; changing for administrators
        String audience = "/admin/audiences/6a0d7f3e-0b1c-4c55-9b1e-000000000001";
        String unknownAudience = "/admin/audiences/" + UUID.randomUUID();
        String unknownImport = "/admin/areas/import/" + UUID.randomUUID();
        Map<String, Integer> partnerForbidden = Map.of("PARTNER", FORBIDDEN);
        rows.add(new Row("GET", "/audiences", "/audiences", REDIRECT, OK, partnerForbidden));
        rows.add(new Row("GET", "/admin/audiences", "/admin/audiences", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("GET", "/admin/audiences/new", "/admin/audiences/new", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("POST", "/admin/audiences", "/admin/audiences", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("GET", "/admin/audiences/{id}", audience, REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("POST", "/admin/audiences/{id}", audience, REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row(
                "POST",
                "/admin/audiences/{id}/deactivate",
                unknownAudience + "/deactivate?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", 404)));
        rows.add(new Row(
                "POST",
                "/admin/audiences/{id}/reactivate",
                unknownAudience + "/reactivate?version=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", 404)));
        rows.add(new Row(
                "GET",
                "/admin/audiences/{id}/channels/{channel}",
                audience + "/channels/x",
                REDIRECT,
                FORBIDDEN,
                adminOk));
        rows.add(new Row(
                "POST",
                "/admin/audiences/{id}/channels/{channel}",
                audience + "/channels/x",
                REDIRECT,
                FORBIDDEN,
                adminOk));
        rows.add(new Row("GET", "/admin/areas", "/admin/areas", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("POST", "/admin/areas/import", "/admin/areas/import", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row("GET", "/admin/areas/import/{id}", unknownImport, REDIRECT, FORBIDDEN, Map.of("ADMIN", 404)));
        rows.add(new Row(
                "POST",
                "/admin/areas/import/{id}/apply",
                unknownImport + "/apply?revision=0",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", 404)));
        rows.add(new Row(
                "POST",
                "/admin/areas/import/{id}/discard",
                unknownImport + "/discard",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", 404)));
        rows.add(new Row("GET", "/admin/language-rules", "/admin/language-rules", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row(
                "GET",
                "/admin/language-rules/{organisationId}",
                "/admin/language-rules/" + federal,
                REDIRECT,
                FORBIDDEN,
                adminOk));
        rows.add(new Row(
                "POST",
                "/admin/language-rules/{organisationId}",
                "/admin/language-rules/" + federal,
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row("GET", "/admin/audit", "/admin/audit", REDIRECT, FORBIDDEN, adminOk));
        // Guardrails: checking for those who write and approve (and admins), word lists for admins
        Map<String, Integer> checkersOk = Map.of("ADMIN", OK, "COMMUNICATOR", OK, "APPROVER", OK);
        rows.add(new Row("GET", "/guardrails", "/guardrails", REDIRECT, FORBIDDEN, checkersOk));
        rows.add(new Row("POST", "/guardrails", "/guardrails?text=Hallo&channel=X", REDIRECT, FORBIDDEN, checkersOk));
        rows.add(new Row(
                "POST",
                "/guardrails/check",
                "/guardrails/check?text=Hallo&channel=X",
                REDIRECT,
                FORBIDDEN,
                checkersOk));
        rows.add(new Row("GET", "/admin/guardrails", "/admin/guardrails", REDIRECT, FORBIDDEN, adminOk));
        rows.add(new Row(
                "POST",
                "/admin/guardrails/entries",
                "/admin/guardrails/entries",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/guardrails/entries/remove",
                "/admin/guardrails/entries/remove",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row(
                "POST",
                "/admin/guardrails/wording",
                "/admin/guardrails/wording",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT)));
        rows.add(new Row("GET", "/api/docs", "/api/docs", REDIRECT, REDIRECT, Map.of()));
        rows.add(new Row("GET", "/api/docs/openapi.json", "/api/docs/openapi.json", REDIRECT, OK, Map.of()));
        rows.add(new Row("GET", "/actuator/health", "/actuator/health", OK, OK, Map.of()));
        rows.add(new Row("GET", "/actuator/prometheus", "/actuator/prometheus", REDIRECT, OK, Map.of()));
        rows.add(new Row("GET", "(unmapped)", "/no-such-page", REDIRECT, FORBIDDEN, Map.of()));
        // API: bearer tokens only
        rows.add(new Row("GET", "/api/v1/me", "/api/v1/me", UNAUTHORIZED, OK, Map.of()));
        rows.add(new Row("GET", "/api/v1/organisations", "/api/v1/organisations", UNAUTHORIZED, OK, Map.of()));
        rows.add(new Row(
                "POST",
                "/api/v1/admin/users/{id}/tokens",
                "/api/v1/admin/users/" + adminUser + "/tokens",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", REFUSED)));
        rows.add(new Row("GET", "/api/v1/audiences", "/api/v1/audiences", UNAUTHORIZED, OK, partnerForbidden));
        rows.add(new Row("GET", "/api/v1/areas", "/api/v1/areas?q=elsene", UNAUTHORIZED, OK, partnerForbidden));
        rows.add(new Row("GET", "/api/v1/areas/{nisCode}", "/api/v1/areas/21009", UNAUTHORIZED, OK, partnerForbidden));
        rows.add(new Row(
                "POST", "/api/v1/channel-advice", "/api/v1/channel-advice", UNAUTHORIZED, BAD, partnerForbidden));
        rows.add(new Row(
                "GET",
                "/api/v1/language-rules",
                "/api/v1/language-rules?areas=21009",
                UNAUTHORIZED,
                OK,
                partnerForbidden));
        rows.add(new Row(
                "POST",
                "/api/v1/admin/areas/import",
                "/api/v1/admin/areas/import",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", UNSUPPORTED)));
        rows.add(new Row(
                "POST",
                "/api/v1/guardrails/check",
                "/api/v1/guardrails/check",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", BAD, "COMMUNICATOR", BAD, "APPROVER", BAD)));
        triageRows(rows);
        rows.add(new Row("GET", "(unmapped api)", "/api/v1/no-such-thing", UNAUTHORIZED, FORBIDDEN, Map.of()));
        campaignRows(rows);
        linkRows(rows);
        partnerRows(rows);
        partnerQuestionRows(rows);
        partnerEventRows(rows);
        publishingRows(rows);
        inboxRows(rows);
        channelRows(rows);
        channelConnectRows(rows);
        return rows;
    }

    /** The publishing module: reading for communicators, approvers, analysts and admins; acting for writers. */
    static void publishingRows(List<Row> rows) {
        int NOT_FOUND = 404;
        Map<String, Integer> readers = Map.of("COMMUNICATOR", OK, "APPROVER", OK, "ANALYST", OK, "ADMIN", OK);
        Map<String, Integer> readersNotFound =
                Map.of("COMMUNICATOR", NOT_FOUND, "APPROVER", NOT_FOUND, "ANALYST", NOT_FOUND, "ADMIN", NOT_FOUND);
        Map<String, Integer> writersNotFound = Map.of("COMMUNICATOR", NOT_FOUND, "APPROVER", NOT_FOUND);
        String nobody = UUID.randomUUID().toString();
        rows.add(new Row("GET", "/deliveries", "/deliveries", REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "GET", "/deliveries/new", "/deliveries/new?message=" + nobody, REDIRECT, FORBIDDEN, writersNotFound));
        rows.add(new Row("GET", "/deliveries/{id}", "/deliveries/" + nobody, REDIRECT, FORBIDDEN, readersNotFound));
        rows.add(new Row("POST", "/deliveries", "/deliveries?message=" + nobody, REDIRECT, FORBIDDEN, writersNotFound));
        rows.add(new Row(
                "POST",
                "/deliveries/{id}/cancel",
                "/deliveries/" + nobody + "/cancel",
                REDIRECT,
                FORBIDDEN,
                writersNotFound));
        rows.add(new Row(
                "POST",
                "/deliveries/{id}/retry",
                "/deliveries/" + nobody + "/retry",
                REDIRECT,
                FORBIDDEN,
                writersNotFound));
        rows.add(new Row("GET", "/api/v1/deliveries", "/api/v1/deliveries", UNAUTHORIZED, FORBIDDEN, readers));
        rows.add(new Row(
                "GET",
                "/api/v1/deliveries/{id}",
                "/api/v1/deliveries/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                readersNotFound));
        rows.add(new Row(
                "POST",
                "/api/v1/variants/{id}/deliveries",
                "/api/v1/variants/" + nobody + "/deliveries",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD, "APPROVER", BAD)));
        rows.add(new Row(
                "POST",
                "/api/v1/deliveries/{id}/cancel",
                "/api/v1/deliveries/" + nobody + "/cancel",
                UNAUTHORIZED,
                FORBIDDEN,
                writersNotFound));
        rows.add(new Row(
                "POST",
                "/api/v1/deliveries/{id}/retry",
                "/api/v1/deliveries/" + nobody + "/retry",
                UNAUTHORIZED,
                FORBIDDEN,
                writersNotFound));
    }

    /**
     * The inbox: moderators and admins on the pages and the API; the webhooks are public but refuse what is not
     * signed (401; 403 for Facebook's handshake while it is not configured); the contact form is public.
     */
    static void inboxRows(List<Row> rows) {
        int NOT_FOUND = 404;
        String nobody = UUID.randomUUID().toString();
        Map<String, Integer> moderators = Map.of("MODERATOR", OK, "ADMIN", OK);
        Map<String, Integer> missing = Map.of("MODERATOR", NOT_FOUND, "ADMIN", NOT_FOUND);
        Map<String, Integer> bad = Map.of("MODERATOR", BAD, "ADMIN", BAD);
        Map<String, Integer> none = Map.of();
        rows.add(new Row(
                "GET",
                "/api/v1/inbox/webhooks/facebook",
                "/api/v1/inbox/webhooks/facebook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1",
                FORBIDDEN,
                FORBIDDEN,
                none));
        rows.add(new Row(
                "POST",
                "/api/v1/inbox/webhooks/facebook",
                "/api/v1/inbox/webhooks/facebook",
                UNAUTHORIZED,
                UNAUTHORIZED,
                none));
        rows.add(new Row(
                "POST",
                "/api/v1/inbox/webhooks/organisations/{organisation}",
                "/api/v1/inbox/webhooks/organisations/" + nobody,
                UNAUTHORIZED,
                UNAUTHORIZED,
                none));
        rows.add(new Row("GET", "/api/v1/inbox/items", "/api/v1/inbox/items", UNAUTHORIZED, FORBIDDEN, moderators));
        rows.add(new Row("GET", "/contact", "/contact", OK, OK, none));
        rows.add(new Row("POST", "/contact", "/contact", REFUSED, REFUSED, none));
        rows.add(new Row("GET", "/inbox", "/inbox", REDIRECT, FORBIDDEN, moderators));
        rows.add(new Row("POST", "/inbox/duty", "/inbox/duty", REDIRECT, FORBIDDEN, bad));
        rows.add(new Row("GET", "/inbox/items/{id}", "/inbox/items/" + nobody, REDIRECT, FORBIDDEN, missing));
        rows.add(new Row(
                "GET",
                "/inbox/items/{id}/presence",
                "/inbox/items/" + nobody + "/presence",
                REDIRECT,
                FORBIDDEN,
                missing));
        for (String action : List.of("reply", "hide", "resolve", "reopen", "notes", "keep", "take")) {
            rows.add(new Row(
                    "POST",
                    "/inbox/items/{id}/" + action,
                    "/inbox/items/" + nobody + "/" + action + "?text=x&reason=x",
                    REDIRECT,
                    FORBIDDEN,
                    missing));
        }
        rows.add(new Row(
                "POST",
                "/inbox/items/{id}/category",
                "/inbox/items/" + nobody + "/category?category=SPAM",
                REDIRECT,
                FORBIDDEN,
                missing));
        rows.add(new Row("GET", "/inbox/playbook", "/inbox/playbook", REDIRECT, FORBIDDEN, moderators));
        rows.add(new Row("POST", "/inbox/playbook/bench", "/inbox/playbook/bench", REDIRECT, FORBIDDEN, bad));
        rows.add(new Row(
                "GET", "/inbox/playbook/rules/new", "/inbox/playbook/rules/new", REDIRECT, FORBIDDEN, moderators));
        rows.add(new Row(
                "GET", "/inbox/playbook/rules/{id}", "/inbox/playbook/rules/" + nobody, REDIRECT, FORBIDDEN, missing));
        rows.add(new Row("POST", "/inbox/playbook/rules", "/inbox/playbook/rules", REDIRECT, FORBIDDEN, missing));
        for (String action : List.of("delete", "up", "down")) {
            rows.add(new Row(
                    "POST",
                    "/inbox/playbook/rules/{id}/" + action,
                    "/inbox/playbook/rules/" + nobody + "/" + action,
                    REDIRECT,
                    FORBIDDEN,
                    missing));
        }
        rows.add(new Row("GET", "/inbox/settings", "/inbox/settings", REDIRECT, FORBIDDEN, moderators));
        rows.add(new Row("POST", "/inbox/settings", "/inbox/settings", REDIRECT, FORBIDDEN, bad));
        rows.add(new Row("GET", "/inbox/listening", "/inbox/listening", REDIRECT, FORBIDDEN, moderators));
        rows.add(new Row("POST", "/inbox/listening", "/inbox/listening", REDIRECT, FORBIDDEN, bad));
        rows.add(new Row(
                "POST",
                "/inbox/listening/{id}/delete",
                "/inbox/listening/" + nobody + "/delete",
                REDIRECT,
                FORBIDDEN,
                bad));
    }

    /**
     * Inbox triage: moderators, communicators and admins triage a text; moderators and admins correct a verdict; admins
     * list and train model versions. The matrix's body has no text (nor reason): 400 for those allowed.
     */
    static void triageRows(List<Row> rows) {
        rows.add(new Row(
                "POST",
                "/api/v1/inbox/triage",
                "/api/v1/inbox/triage",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("MODERATOR", BAD, "COMMUNICATOR", BAD, "ADMIN", BAD)));
        rows.add(new Row(
                "POST",
                "/api/v1/inbox/triage/corrections",
                "/api/v1/inbox/triage/corrections",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("MODERATOR", BAD, "ADMIN", BAD)));
        rows.add(new Row(
                "GET",
                "/api/v1/inbox/triage/models",
                "/api/v1/inbox/triage/models",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", OK)));
        rows.add(new Row(
                "POST",
                "/api/v1/inbox/triage/models",
                "/api/v1/inbox/triage/models",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", BAD)));
    }

    /**
     * The channels module: owners (ADMIN, COMMUNICATOR) manage accounts, MODERATORs and ANALYSTs read them; an
     * organisation or account outside one's reach is 404.
     */
    static void channelRows(List<Row> rows) {
        int NOT_FOUND = 404;
        String nobody = UUID.randomUUID().toString();
        Map<String, Integer> readersMissing =
                Map.of("ADMIN", NOT_FOUND, "COMMUNICATOR", NOT_FOUND, "MODERATOR", NOT_FOUND, "ANALYST", NOT_FOUND);
        Map<String, Integer> readers = Map.of("ADMIN", OK, "COMMUNICATOR", OK, "MODERATOR", OK, "ANALYST", OK);
        Map<String, Integer> ownersMissing = Map.of("ADMIN", NOT_FOUND, "COMMUNICATOR", NOT_FOUND);
        rows.add(new Row("GET", "/channels", "/channels", REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "GET", "/channels/new", "/channels/new", REDIRECT, FORBIDDEN, Map.of("ADMIN", OK, "COMMUNICATOR", OK)));
        rows.add(new Row("GET", "/channels/{id}", "/channels/" + nobody, REDIRECT, FORBIDDEN, readersMissing));
        rows.add(new Row(
                "GET",
                "/channels/{id}/reconnect",
                "/channels/" + nobody + "/reconnect",
                REDIRECT,
                FORBIDDEN,
                ownersMissing));
        rows.add(new Row(
                "POST", "/channels", "/channels", REDIRECT, FORBIDDEN, Map.of("ADMIN", OK, "COMMUNICATOR", OK)));
        rows.add(new Row(
                "POST", "/channels/{id}/check", "/channels/" + nobody + "/check", REDIRECT, FORBIDDEN, ownersMissing));
        rows.add(new Row(
                "POST",
                "/channels/{id}/reconnect",
                "/channels/" + nobody + "/reconnect",
                REDIRECT,
                FORBIDDEN,
                ownersMissing));
        rows.add(new Row(
                "POST",
                "/channels/{id}/disable",
                "/channels/" + nobody + "/disable?version=0",
                REDIRECT,
                FORBIDDEN,
                ownersMissing));
        rows.add(new Row(
                "GET", "/feeds/{organisation}.atom", "/feeds/" + nobody + ".atom", NOT_FOUND, NOT_FOUND, Map.of()));
        rows.add(new Row(
                "GET", "/feeds/{organisation}.rss", "/feeds/" + nobody + ".rss", NOT_FOUND, NOT_FOUND, Map.of()));
        rows.add(new Row(
                "GET",
                "/api/v1/channel-accounts",
                "/api/v1/channel-accounts?organisationId=" + federal,
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", OK, "ANALYST", OK, "COMMUNICATOR", NOT_FOUND, "MODERATOR", NOT_FOUND)));
        rows.add(new Row(
                "GET",
                "/api/v1/channel-accounts/{id}",
                "/api/v1/channel-accounts/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                readersMissing));
        rows.add(new Row(
                "POST",
                "/api/v1/channel-accounts",
                "/api/v1/channel-accounts",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", BAD, "COMMUNICATOR", BAD)));
        rows.add(new Row(
                "PUT",
                "/api/v1/channel-accounts/{id}",
                "/api/v1/channel-accounts/" + nobody,
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", BAD, "COMMUNICATOR", BAD)));
        rows.add(new Row(
                "POST",
                "/api/v1/channel-accounts/{id}/check",
                "/api/v1/channel-accounts/" + nobody + "/check",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND, "COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/api/v1/channel-accounts/{id}/disable",
                "/api/v1/channel-accounts/" + nobody + "/disable",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("ADMIN", BAD, "COMMUNICATOR", BAD)));
    }

    /**
     * Connecting X and YouTube by OAuth: owners only; the federal organisation is outside a communicator's reach
     * (404); YouTube has no client configured in tests (a refusal shown on /channels); an unknown state is refused.
     */
    static void channelConnectRows(List<Row> rows) {
        int NOT_FOUND = 404;
        rows.add(new Row(
                "GET",
                "/channels/oauth/{platform}/start",
                "/channels/oauth/x/start?organisationId=" + federal,
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT, "COMMUNICATOR", NOT_FOUND)));
        rows.add(new Row(
                "GET",
                "/channels/oauth/{platform}/callback",
                "/channels/oauth/x/callback?state=unknown&code=c",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", REDIRECT, "COMMUNICATOR", REDIRECT)));
    }

    /** The links module: the redirect is public; pages and API for the campaign's readers and communicators. */
    static void linkRows(List<Row> rows) {
        int NOT_FOUND = 404;
        Map<String, Integer> readers = Map.of("COMMUNICATOR", OK, "APPROVER", OK, "ANALYST", OK, "ADMIN", OK);
        Map<String, Integer> readersNotFound =
                Map.of("COMMUNICATOR", NOT_FOUND, "APPROVER", NOT_FOUND, "ANALYST", NOT_FOUND, "ADMIN", NOT_FOUND);
        rows.add(new Row("GET", "/l/{code}", "/l/zzzzzzzz", NOT_FOUND, NOT_FOUND, Map.of()));
        rows.add(new Row("HEAD", "/l/{code}", "/l/zzzzzzzz", NOT_FOUND, NOT_FOUND, Map.of()));
        rows.add(new Row("GET", "/links", "/links?campaign=" + demoCampaign, REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "POST", "/links", "/links?campaign=" + demoCampaign, REDIRECT, FORBIDDEN, Map.of("COMMUNICATOR", OK)));
        rows.add(
                new Row("GET", "/links/{code}/qr.svg", "/links/zzzzzzzz/qr.svg", REDIRECT, FORBIDDEN, readersNotFound));
        rows.add(
                new Row("GET", "/links/{code}/qr.png", "/links/zzzzzzzz/qr.png", REDIRECT, FORBIDDEN, readersNotFound));
        rows.add(new Row("GET", "/admin/links", "/admin/links", REDIRECT, FORBIDDEN, Map.of("ADMIN", OK)));
        rows.add(new Row(
                "POST",
                "/admin/links",
                "/admin/links?organisationId=" + UUID.randomUUID() + "&domains=example.be",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND)));
        rows.add(new Row(
                "POST",
                "/admin/links/utm",
                "/admin/links/utm?organisationId=" + UUID.randomUUID() + "&source=x",
                REDIRECT,
                FORBIDDEN,
                Map.of("ADMIN", NOT_FOUND)));
        rows.add(new Row(
                "GET",
                "/api/v1/links/{code}/stats",
                "/api/v1/links/zzzzzzzz/stats",
                UNAUTHORIZED,
                FORBIDDEN,
                readersNotFound));
        rows.add(new Row(
                "POST", "/api/v1/links", "/api/v1/links", UNAUTHORIZED, FORBIDDEN, Map.of("COMMUNICATOR", BAD)));
        rows.add(new Row(
                "POST",
                "/links/variants",
                "/links/variants?campaign=" + demoCampaign,
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", REDIRECT)));
        rows.add(new Row(
                "GET", "/links/posters", "/links/posters?campaign=" + demoCampaign, REDIRECT, FORBIDDEN, readers));
        rows.add(new Row(
                "POST",
                "/links/posters",
                "/links/posters?campaign=" + demoCampaign,
                REDIRECT,
                FORBIDDEN,
                Map.of("COMMUNICATOR", OK)));
        rows.add(new Row(
                "POST", "/api/v1/posters", "/api/v1/posters", UNAUTHORIZED, FORBIDDEN, Map.of("COMMUNICATOR", BAD)));
        rows.add(new Row(
                "GET",
                "/api/v1/posters/{run}",
                "/api/v1/posters/" + UUID.randomUUID(),
                UNAUTHORIZED,
                FORBIDDEN,
                readersNotFound));
        rows.add(new Row(
                "GET",
                "/links/posters/{run}.pdf",
                "/links/posters/" + UUID.randomUUID() + ".pdf",
                REDIRECT,
                FORBIDDEN,
                readersNotFound));
        rows.add(new Row(
                "GET", "/api/v1/links", "/api/v1/links?campaignId=" + demoCampaign, UNAUTHORIZED, FORBIDDEN, readers));
        rows.add(new Row(
                "POST",
                "/api/v1/links/variant-links",
                "/api/v1/links/variant-links",
                UNAUTHORIZED,
                FORBIDDEN,
                Map.of("COMMUNICATOR", BAD)));
    }

    @Test
    void everyRouteAnswersEveryRoleAsExpected() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Row row : matrix()) {
            for (String role : concat(ANONYMOUS, ROLES)) {
                int status = mvc.perform(request(row, role))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                if (status != row.expected(role)) {
                    failures.add("%s %s as %s: %d, expected %d"
                            .formatted(row.method(), row.path(), role, status, row.expected(role)));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRouteOfTheApplicationIsInTheMatrix() {
        Set<String> covered = new TreeSet<>();
        matrix().forEach(row -> covered.add(row.method() + " " + row.route()));
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("eu.herald")) {
                for (String pattern : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        });
        assertThat(routes).isNotEmpty();
        assertThat(covered).containsAll(routes);
    }

    @Test
    void theApiIgnoresSessionCookiesAndWantsAToken() throws Exception {
        int status = mvc.perform(get("/api/v1/me").cookie(sessions.get("ADMIN")))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(UNAUTHORIZED);
    }

    private MockHttpServletRequestBuilder request(Row row, String role) {
        MockHttpServletRequestBuilder request = row.method().equals("GET")
                ? get(row.path())
                : org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                                org.springframework.http.HttpMethod.valueOf(row.method()), row.path())
                        .with(csrf());
        if (row.path().startsWith("/api/v1/")) {
            if (!role.equals(ANONYMOUS)) {
                request.header("Authorization", "Bearer " + tokens.get(role));
            }
            if (row.method().equals("POST") || row.method().equals("PUT")) {
                request.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"matrix\"}");
            }
        } else if (!role.equals(ANONYMOUS)) {
            request.cookie(sessions.get(role));
        }
        return request;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
