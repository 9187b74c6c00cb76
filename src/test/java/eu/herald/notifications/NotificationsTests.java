package eu.herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestMail;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.People;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@HeraldTest
class NotificationsTests {

    @RegisterExtension
    static final GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Notifications notifications;

    @Autowired
    People people;

    @Test
    void aNoticeIsShownInAppAndEmailedInTheRecipientsLanguage() throws Exception {
        People.Contact approver = people.byEmail("approver@herald.test")
                .flatMap(p -> people.contact(p.id()))
                .orElseThrow();
        String marker = "marker-" + UUID.randomUUID();

        notifications.notify(
                new Notice(Set.of(approver.id()), "notifications.test", List.of(marker), "/campaigns", true));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> body(m).contains(marker)));
        MimeMessage email = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> body(m).contains(marker))
                .findFirst()
                .orElseThrow();
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("approver@herald.test");
        String expectedSubject = switch (approver.language()) {
            case NL -> "Testmelding van Herald";
            case FR -> "Notification de test de Herald";
            case DE -> "Testbenachrichtigung von Herald";
            case EN -> "Test notification from Herald";
        };
        assertThat(email.getSubject()).isEqualTo(expectedSubject);
        assertThat(body(email)).contains("/campaigns");
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(emailState(marker)));

        Cookie session = SignIn.as(mvc, "approver@herald.test");
        String page = mvc.perform(get("/notifications").cookie(session).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(marker).contains("unread");
    }

    @Test
    void openingANoticeMarksItReadAndFollowsItsLinkButOnlyForItsRecipient() throws Exception {
        UserId moderator = people.byEmail("moderator@herald.test").orElseThrow().id();
        String marker = "open-" + UUID.randomUUID();
        notifications.notify(new Notice(Set.of(moderator), "notifications.test", List.of(marker), "/profile", false));
        UUID id = jdbc.sql("SELECT id FROM notifications.notice WHERE ? = ANY(args)")
                .param(marker)
                .query(UUID.class)
                .single();
        assertThat(emailState(marker)).isEqualTo("NOT_ASKED");

        mvc.perform(post("/notifications/" + id + "/open")
                        .cookie(SignIn.as(mvc, "analyst@herald.test"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(readAt(marker)).isFalse();

        mvc.perform(post("/notifications/" + id + "/open")
                        .cookie(SignIn.as(mvc, "moderator@herald.test"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/profile"));
        assertThat(readAt(marker)).isTrue();
    }

    @Test
    void aNoticeLinksInsideHeraldOnly() {
        UserId admin = people.byEmail("admin@herald.test").orElseThrow().id();
        for (String link : List.of("https://evil.example/", "//evil.example/", "/\\evil.example")) {
            assertThatThrownBy(() -> notifications.notify(
                            new Notice(Set.of(admin), "notifications.test", List.of("x"), link, false)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void holdersOfARoleIncludeThoseAboveTheOrganisationAndSkipNobodyActive() {
        OrganisationId ixelles = new OrganisationId(jdbc.sql(
                        "SELECT organisation_id FROM accounts.membership m JOIN accounts.app_user u ON u.id = m.user_id"
                                + " WHERE u.email = 'approver@herald.test' AND m.role = 'APPROVER'")
                .query(UUID.class)
                .single());
        List<String> approvers = people.holding(Role.APPROVER, ixelles).stream()
                .map(People.Contact::email)
                .toList();
        assertThat(approvers).contains("approver@herald.test").doesNotContain("communicator@herald.test");
        List<String> admins = people.holding(Role.ADMIN, ixelles).stream()
                .map(People.Contact::email)
                .toList();
        assertThat(admins).contains("admin@herald.test");
    }

    @Test
    void theTestButtonSendsTheUserANotice() throws Exception {
        Cookie session = SignIn.as(mvc, "analyst@herald.test");
        int before = count("analyst@herald.test");
        mvc.perform(post("/notifications/test").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(count("analyst@herald.test")).isEqualTo(before + 1);
        mvc.perform(post("/notifications/read").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(jdbc.sql("SELECT count(*) FROM notifications.notice n JOIN accounts.app_user u"
                                + " ON u.id = n.recipient_id WHERE u.email = 'analyst@herald.test' AND read_at IS NULL")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private int count(String email) {
        return jdbc.sql("SELECT count(*) FROM notifications.notice n JOIN accounts.app_user u ON u.id = n.recipient_id"
                        + " WHERE u.email = ?")
                .param(email)
                .query(Integer.class)
                .single();
    }

    private String emailState(String marker) {
        return jdbc.sql("SELECT email FROM notifications.notice WHERE ? = ANY(args)")
                .param(marker)
                .query(String.class)
                .single();
    }

    private boolean readAt(String marker) {
        return jdbc.sql("SELECT read_at IS NOT NULL FROM notifications.notice WHERE ? = ANY(args)")
                .param(marker)
                .query(Boolean.class)
                .single();
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
