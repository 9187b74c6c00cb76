package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Retention, SLA breaches, listening spikes, the contact form and moderators' actions on the real application. */
@HeraldTest
class InboxOperationsTests {

    @RegisterExtension
    static final GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    Listening listening;

    UUID zone(String like) {
        return jdbc.sql("SELECT id FROM accounts.organisation WHERE kind = 'POLICE_ZONE'"
                        + " AND concat(name_nl, name_fr, name_de, name_en) ILIKE ? LIMIT 1")
                .param("%" + like + "%")
                .query(UUID.class)
                .single();
    }

    UUID item(UUID organisation, String text, Instant received, String kind, String email) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO inbox.item (id, organisation_id, source, channel, platform_id, kind, author_handle,
                            author_email, text, url, language, received_at, category, confidence, model_version,
                            needs_human, sla_due)
                        VALUES (?, ?, 'test', 'EMAIL', ?, ?, 'Jan Peeters', ?, ?, 'https://example.org/x', 'nl', ?,
                            'QUESTION', 0.9, 1, false, ?)""")
                .params(
                        id,
                        organisation,
                        id.toString(),
                        kind,
                        email,
                        text,
                        Timestamp.from(received),
                        Timestamp.from(received.plus(Duration.ofHours(1))))
                .update();
        return id;
    }

    Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT * FROM inbox.item WHERE id = ?")
                .param(id)
                .query()
                .singleRow();
    }

    @Test
    void itemsOlderThanTheRetentionPeriodAreAnonymisedUnlessKeptOnPurpose() {
        UUID zone = zone("Gent");
        Instant now = Instant.now();
        Instant old = now.minus(400, ChronoUnit.DAYS);
        UUID expired = item(
                zone, "Mijn adres is jan@example.org, zie https://example.org/foto", old, "EMAIL", "jan@example.org");
        UUID kept = item(zone, "Bewijs in een lopend dossier", old, "EMAIL", "an@example.org");
        UUID recent = item(zone, "Recent bericht", now.minus(10, ChronoUnit.DAYS), "EMAIL", "piet@example.org");
        jdbc.sql("UPDATE inbox.item SET kept_on_purpose = true, keep_reason = 'dossier' WHERE id = ?")
                .param(kept)
                .update();

        assertThat(housekeeping.anonymise(now)).isGreaterThanOrEqualTo(1);

        Map<String, Object> gone = row(expired);
        assertThat(gone.get("author_handle")).isEqualTo("anonymous");
        assertThat(gone.get("author_email")).isNull();
        assertThat(gone.get("url")).isNull();
        assertThat((String) gone.get("text"))
                .doesNotContain("jan@example.org")
                .doesNotContain("https://")
                .contains("[link]");
        assertThat(gone.get("anonymised_at")).isNotNull();
        assertThat(row(kept).get("author_handle")).isEqualTo("Jan Peeters");
        assertThat(row(recent).get("author_email")).isEqualTo("piet@example.org");
        await().atMost(Duration.ofSeconds(10))
                .alias("audited")
                .until(() -> jdbc.sql("SELECT count(*) FROM audit.audit_entry WHERE action = 'inbox.item.anonymised'"
                                        + " AND subject_id = ?")
                                .param(expired.toString())
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void aBreachedSlaAlertsTheModeratorsOnce() {
        UUID zone = zone("Gent");
        UUID late = item(
                zone, "Nog steeds geen antwoord", Instant.now().minus(Duration.ofHours(3)), "EMAIL", "x@example.org");
        housekeeping.breaches(Instant.now());
        housekeeping.breaches(Instant.now());
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM notifications.notice n JOIN accounts.app_user u ON u.id = n.recipient_id"
                                        + " WHERE n.message_key = 'inbox.notice.slaBreached' AND n.link = ? AND u.email = ?")
                        .params("/inbox/items/" + late, "moderator@herald.test")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDayWithFarMoreMatchesThanTheLastFortnightRaisesOneAlert() {
        UUID zone = zone("Gent");
        UUID watch = UUID.randomUUID();
        String query = "#inbraakgolf" + watch.toString().substring(0, 4);
        jdbc.sql("INSERT INTO inbox.watch (id, organisation_id, query) VALUES (?, ?, ?)")
                .params(watch, zone, query)
                .update();
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        Instant now = Instant.now();
        LocalDate today = now.atZone(brussels).toLocalDate();
        int n = 0;
        for (int day = 1; day <= 14; day++) {
            for (int i = 0; i < 1 + day % 2; i++) {
                match(watch, today.minusDays(day).atTime(12, 0).atZone(brussels).toInstant(), n++);
            }
        }
        for (int i = 0; i < 12; i++) {
            match(watch, now.minusSeconds(60 + i), n++);
        }
        Spike spike = listening.checkSpike(watch, zone, query, now);
        listening.checkSpike(watch, zone, query, now);
        assertThat(spike.raised()).isTrue();
        assertThat(spike.today()).isEqualTo(12);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM notifications.notice n JOIN accounts.app_user u ON u.id = n.recipient_id"
                                        + " WHERE n.message_key = 'inbox.notice.spike' AND ? = ANY(n.args) AND u.email = ?")
                        .params(query, "moderator@herald.test")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private void match(UUID watch, Instant at, int n) {
        jdbc.sql("INSERT INTO inbox.watch_match (watch_id, platform_id, author_handle, text, posted_at, found_at)"
                        + " VALUES (?, ?, 'someone', 'inbraken overal', ?, now())")
                .params(watch, "MASTODON:" + n, Timestamp.from(at))
                .update();
    }

    @Test
    void theContactFormTakesAMessageAnswersAnEmergencyByEmailAndDropsTheHoneypot() throws Exception {
        // a zone whose non-urgent number no test sets (Ghent's is set by the night-shift tests)
        UUID zone = zone("Liège");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(get("/contact").header("Accept-Language", "nl")).andExpect(status().isOk());
        mvc.perform(post("/contact")
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.1.0.1");
                            return r;
                        })
                        .header("Accept-Language", "nl")
                        .param("organisation", zone.toString())
                        .param("name", "Els " + marker)
                        .param("email", "els-" + marker + "@example.org")
                        .param("message", "HELP er wordt nu ingebroken bij de buren, ik hoor glas breken! Kom snel!!"))
                .andExpect(status().isOk());
        Map<String, Object> stored = jdbc.sql("SELECT * FROM inbox.item WHERE author_handle = ?")
                .param("Els " + marker)
                .query()
                .singleRow();
        assertThat(stored.get("kind")).isEqualTo("CONTACT_FORM");
        assertThat(stored.get("category")).isEqualTo("EMERGENCY");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(mail.getReceivedMessages())
                        .anyMatch(m -> to(m).equals("els-" + marker + "@example.org")));
        MimeMessage answer = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> to(m).equals("els-" + marker + "@example.org"))
                .findFirst()
                .orElseThrow();
        assertThat(answer.getContent().toString())
                .contains("112")
                .contains("niet dag en nacht")
                // the organisation entered no number for what is not urgent: none is made up (101 is an emergency
                // line), the answer refers to the police zones' site
                .contains("www.police.be")
                .doesNotContain("101");

        mvc.perform(post("/contact")
                        .with(csrf())
                        .param("organisation", zone.toString())
                        .param("email", "bot-" + marker + "@example.org")
                        .param("message", "cheap watches")
                        .param("website", "http://spam.example"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT count(*) FROM inbox.item WHERE author_email = ?")
                        .param("bot-" + marker + "@example.org")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theContactFormIsLimitedPerSenderAddress() throws Exception {
        UUID zone = zone("Gent");
        String address = "10.2." + (int) (Math.random() * 200) + ".9";
        int last = 0;
        for (int i = 0; i < 11; i++) {
            last = mvc.perform(post("/contact")
                            .with(csrf())
                            .with(r -> {
                                r.setRemoteAddr(address);
                                return r;
                            })
                            .param("organisation", zone.toString())
                            .param("email", "limit@example.org")
                            .param("message", "Wanneer is het kantoor open? " + i))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void aModeratorAnswersNotesRecategorisesKeepsAndResolvesButCannotReachAnotherZone() throws Exception {
        UUID zone = zone("Gent");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID id = item(
                zone,
                "Is het kantoor open op zaterdag? " + marker,
                Instant.now(),
                "EMAIL",
                "vraag-" + marker + "@example.org");
        Cookie moderator = SignIn.as(mvc, "moderator@herald.test");

        String page = mvc.perform(get("/inbox/items/" + id).cookie(moderator).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(marker);
        mvc.perform(post("/inbox/items/" + id + "/reply")
                        .with(csrf())
                        .cookie(moderator)
                        .param("text", "Ja, van 9 tot 12 uur."))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Arrays.stream(mail.getReceivedMessages())
                        .anyMatch(m -> to(m).equals("vraag-" + marker + "@example.org")));
        assertThat(row(id).get("status")).isEqualTo("ANSWERED");

        mvc.perform(post("/inbox/items/" + id + "/notes")
                        .with(csrf())
                        .cookie(moderator)
                        .param("text", "Gebeld"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/inbox/items/" + id + "/category")
                        .with(csrf())
                        .cookie(moderator)
                        .param("category", "TIP"))
                .andExpect(status().is3xxRedirection());
        assertThat(row(id).get("category")).isEqualTo("TIP");
        assertThat(jdbc.sql("SELECT to_category FROM inbox.correction WHERE item_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("TIP");
        assertThat(jdbc.sql("SELECT category FROM inbox.triage_correction WHERE item_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("TIP");
        mvc.perform(post("/inbox/items/" + id + "/keep")
                        .with(csrf())
                        .cookie(moderator)
                        .param("reason", "dossier 123"))
                .andExpect(status().is3xxRedirection());
        assertThat(row(id).get("kept_on_purpose")).isEqualTo(true);
        mvc.perform(post("/inbox/items/" + id + "/resolve").with(csrf()).cookie(moderator))
                .andExpect(status().is3xxRedirection());
        assertThat(row(id).get("status")).isEqualTo("RESOLVED");
        assertThat(jdbc.sql("SELECT count(*) FROM inbox.note WHERE item_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "SELECT count(DISTINCT action) FROM audit.audit_entry WHERE subject_id = ? AND action LIKE 'inbox.item.%'")
                                .param(id.toString())
                                .query(Long.class)
                                .single()
                        >= 5);

        UUID elsewhere = item(zone("Liège"), "Question à Liège", Instant.now(), "EMAIL", "liege@example.org");
        mvc.perform(get("/inbox/items/" + elsewhere).cookie(moderator)).andExpect(status().isNotFound());
        mvc.perform(post("/inbox/items/" + elsewhere + "/resolve").with(csrf()).cookie(moderator))
                .andExpect(status().isNotFound());
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
