package eu.herald.partners.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.herald.HeraldTest;
import eu.herald.SignIn;
import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Partner events: an administrator creates a training for one group; its members see and register, another group's
 * member gets 404; the capacity holds when many register at once; the personal iCal feed parses back with ical4j and
 * holds the training in Brussels time and the group's other coming event marked "not registered", and stops working
 * when renewed or revoked.
 */
@HeraldTest
class PartnerEventsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    PartnerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PartnerFixtures(mvc, jdbc);
    }

    @Test
    void aGroupSeesAndRegistersForItsEventAndAnotherGroupGets404() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = fixtures.group(PartnerFixtures.GENT, "BIN events " + suffix, "NEIGHBOURHOOD_NETWORK");
        String shops = fixtures.group(PartnerFixtures.LIEGE, "Shops events " + suffix, "SHOPKEEPERS");
        String member = fixtures.partner("nora", PartnerFixtures.GENT, "nl");
        String outsider = fixtures.partner("olga", PartnerFixtures.LIEGE, "fr");
        fixtures.member(network, member, "BASIC", false);
        fixtures.member(shops, outsider, "BASIC", false);
        String title = "Formation phishing " + suffix;
        String event = fixtures.event(PartnerFixtures.GENT, network, title, 10, 5);
        String memberToken = fixtures.token(member);
        String outsiderToken = fixtures.token(outsider);

        mvc.perform(get("/api/v1/partners/events").header("Authorization", "Bearer " + memberToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", hasItem(title)));
        mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                        .header("Authorization", "Bearer " + memberToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(1))
                .andExpect(jsonPath("$.registeredByMe").value(true));
        // registering twice keeps one place
        mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                        .header("Authorization", "Bearer " + memberToken))
                .andExpect(jsonPath("$.registered").value(1));

        mvc.perform(get("/api/v1/partners/events").header("Authorization", "Bearer " + outsiderToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", not(hasItem(title))));
        mvc.perform(get("/api/v1/partners/events/" + event).header("Authorization", "Bearer " + outsiderToken))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                        .header("Authorization", "Bearer " + outsiderToken))
                .andExpect(status().isNotFound());
        Cookie outsiderSession = SignIn.as(mvc, outsider);
        mvc.perform(get("/partners/events/" + event).cookie(outsiderSession)).andExpect(status().isNotFound());
        mvc.perform(get("/partners/events").cookie(outsiderSession))
                .andExpect(status().isOk())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(title))));

        mvc.perform(delete("/api/v1/partners/events/" + event + "/registration")
                        .header("Authorization", "Bearer " + memberToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(0));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT action FROM audit.audit_entry WHERE subject_id = ?")
                                .param(event)
                                .query(String.class)
                                .list())
                        .contains("partners.event.created", "partners.event.registered", "partners.event.cancelled"));
    }

    @Test
    void aConfidentialEventReachesOnlyMembersWhoseLevelCoversIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = fixtures.group(PartnerFixtures.GENT, "BIN level " + suffix, "NEIGHBOURHOOD_NETWORK");
        String basic = fixtures.partner("bea", PartnerFixtures.GENT, "nl");
        String cleared = fixtures.partner("cas", PartnerFixtures.GENT, "nl");
        fixtures.member(network, basic, "BASIC", true);
        fixtures.member(network, cleared, "CONFIDENTIAL", false);
        String title = "Overleg dadergroep " + suffix;
        String event = fixtures.event(PartnerFixtures.GENT, network, title, 10, 9, "CONFIDENTIAL");
        String basicToken = fixtures.token(basic);
        String clearedToken = fixtures.token(cleared);

        mvc.perform(get("/api/v1/partners/events/" + event).header("Authorization", "Bearer " + fixtures.admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.needToKnow").value("CONFIDENTIAL"));
        mvc.perform(get("/api/v1/partners/events").header("Authorization", "Bearer " + clearedToken))
                .andExpect(jsonPath("$[*].title", hasItem(title)));
        mvc.perform(get("/api/v1/partners/events").header("Authorization", "Bearer " + basicToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", not(hasItem(title))));
        mvc.perform(get("/api/v1/partners/events/" + event).header("Authorization", "Bearer " + basicToken))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                        .header("Authorization", "Bearer " + basicToken))
                .andExpect(status().isNotFound());
        Cookie basicSession = SignIn.as(mvc, basic);
        mvc.perform(get("/partners/events/" + event).cookie(basicSession)).andExpect(status().isNotFound());
        mvc.perform(get("/partners/events").cookie(basicSession))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(title))));
        mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                        .header("Authorization", "Bearer " + clearedToken))
                .andExpect(status().isOk());

        // the feed: the cleared member has it (registered), the basic coordinator does not even see it coming
        assertThat(feed(SignIn.as(mvc, cleared))).contains(event + "@herald");
        assertThat(feed(basicSession)).doesNotContain(event).doesNotContain(title);
    }

    private String feed(Cookie session) throws Exception {
        String address = (String)
                mvc.perform(post("/partners/settings/feed").with(csrf()).cookie(session))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getFlashMap()
                        .get("feedUrl");
        return mvc.perform(get(URI.create(address).getPath()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theCapacityHoldsWhenManyRegisterAtOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = fixtures.group(PartnerFixtures.GENT, "BIN rush " + suffix, "NEIGHBOURHOOD_NETWORK");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = fixtures.partner("rush" + i, PartnerFixtures.GENT, "nl");
            fixtures.member(network, email, "BASIC", false);
            tokens.add(fixtures.token(email));
        }
        String event = fixtures.event(PartnerFixtures.GENT, network, "Two places " + suffix, 2, 3);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        String refused;
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (String token : tokens) {
                Callable<Integer> register =
                        () -> mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                                        .header("Authorization", "Bearer " + token)
                                        .header("Accept-Language", "fr"))
                                .andReturn()
                                .getResponse()
                                .getStatus();
                answers.add(pool.submit(register));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(4);
            refused = tokens.get(statuses.indexOf(422));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM partners.event_registration WHERE event_id = ?::uuid")
                        .param(event)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(post("/api/v1/partners/events/" + event + "/registration")
                        .header("Authorization", "Bearer " + refused)
                        .header("Accept-Language", "fr"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("L'événement est complet."));
    }

    @Test
    void theFeedHoldsTheRegisteredTrainingInBrusselsTimeAndEndsWhenRenewedOrRevoked() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = fixtures.group(PartnerFixtures.GENT, "BIN feed " + suffix, "NEIGHBOURHOOD_NETWORK");
        String member = fixtures.partner("fien", PartnerFixtures.GENT, "nl");
        fixtures.member(network, member, "BASIC", true);
        String registered = fixtures.event(PartnerFixtures.GENT, network, "Opleiding sociale media " + suffix, 5, 7);
        String other = fixtures.event(PartnerFixtures.GENT, network, "Niet ingeschreven " + suffix, 5, 8);
        mvc.perform(post("/api/v1/partners/events/" + registered + "/registration")
                        .header("Authorization", "Bearer " + fixtures.token(member)))
                .andExpect(status().isOk());

        Cookie session = SignIn.as(mvc, member);
        String address = (String)
                mvc.perform(post("/partners/settings/feed").with(csrf()).cookie(session))
                        .andExpect(status().is3xxRedirection())
                        .andReturn()
                        .getFlashMap()
                        .get("feedUrl");
        assertThat(address).matches("https?://.+/partners/feed/[A-Za-z0-9_-]{43}");
        String path = URI.create(address).getPath();

        String ics = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        VEvent training = events.getFirst();
        assertThat(training.getUid().orElseThrow().getValue()).isEqualTo(registered + "@herald");
        assertThat(training.getSummary().getValue()).isEqualTo("Opleiding sociale media " + suffix);
        assertThat(training.getProperty("TRANSP").orElseThrow().getValue()).isEqualTo("OPAQUE");
        Property start = training.getProperty("DTSTART").orElseThrow();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Brussels");
        assertThat(start.getValue()).endsWith("T183000");
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).hasSize(1);
        // the group's other coming event, not registered for: marked in the member's language, not busy time, and
        // still CONFIRMED (RFC 5545: STATUS is the event's, not the reader's)
        VEvent coming = events.get(1);
        assertThat(coming.getUid().orElseThrow().getValue()).isEqualTo(other + "@herald");
        assertThat(coming.getSummary().getValue()).isEqualTo("(niet ingeschreven) Niet ingeschreven " + suffix);
        assertThat(coming.getProperty("TRANSP").orElseThrow().getValue()).isEqualTo("TRANSPARENT");
        assertThat(coming.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(ics).doesNotContain(member);

        // another address replaces this one; revoking ends it too; a made-up one is 404
        mvc.perform(post("/partners/settings/feed").with(csrf()).cookie(session));
        mvc.perform(get(path)).andExpect(status().isNotFound());
        mvc.perform(post("/partners/settings/feed/revoke").with(csrf()).cookie(session));
        assertThat(jdbc.sql("SELECT count(*) FROM partners.calendar_feed WHERE user_id ="
                                + " (SELECT id FROM accounts.app_user WHERE email = ?)")
                        .param(member)
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(get("/partners/feed/" + "x".repeat(43))).andExpect(status().isNotFound());
    }
}
