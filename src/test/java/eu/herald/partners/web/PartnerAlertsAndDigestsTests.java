package eu.herald.partners.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import eu.herald.HeraldTest;
import eu.herald.SignIn;
import eu.herald.TestMail;
import eu.herald.partners.domain.DigestFrequency;
import eu.herald.partners.domain.DigestService;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Urgent alerts reach every coordinator of the groups at once (GreenMail), with a status per recipient, a resend to
 * those not reached, and a pin in the portal for the groups only; digests carry only what the reader may see, in
 * their language, with a one-click unsubscribe, never twice for one period and never empty.
 */
@HeraldTest
class PartnerAlertsAndDigestsTests {

    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "<https?://[^/]+(/api/v1/partners/digest/unsubscribe" + "\\?token=([0-9a-f-]{36}\\.[A-Za-z0-9_-]+))>");

    @RegisterExtension
    static GreenMailExtension mail = TestMail.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DigestService digests;

    PartnerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new PartnerFixtures(mvc, jdbc);
    }

    @Test
    void anAlertReachesEveryCoordinatorAtOnceIsPinnedForTheGroupAndCanBeResentToThoseNotReached() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = fixtures.group(PartnerFixtures.GENT, "BIN alert " + suffix, "NEIGHBOURHOOD_NETWORK");
        String shops = fixtures.group(PartnerFixtures.LIEGE, "Shops alert " + suffix, "SHOPKEEPERS");
        String dutch = fixtures.partner("coord-nl", PartnerFixtures.GENT, "nl");
        String french = fixtures.partner("coord-fr", PartnerFixtures.GENT, "fr");
        String member = fixtures.partner("member", PartnerFixtures.GENT, "nl");
        String outsider = fixtures.partner("outsider", PartnerFixtures.LIEGE, "fr");
        fixtures.member(network, dutch, "BASIC", true);
        fixtures.member(network, french, "BASIC", true);
        fixtures.member(network, member, "BASIC", false);
        fixtures.member(shops, outsider, "BASIC", true);

        String title = "Golf van telefoonfraude " + suffix;
        String alert = JsonPath.read(
                mvc.perform(post("/api/v1/partners/alerts")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"organisationId": "%s", "groups": ["%s"], "title": "%s",
                                         "body": "Valse bankmedewerkers bellen ouderen op. Waarschuw uw buren.",
                                         "language": "NL", "days": 3}""".formatted(fixtures.organisation(PartnerFixtures.GENT), network, title))
                                .header("Authorization", "Bearer " + fixtures.admin))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.deliveries.length()").value(2))
                        .andExpect(jsonPath("$.deliveries[*].status", Matchers.everyItem(Matchers.is("SENT"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");

        // sent before the answer came back: one email per coordinator, in their own language
        assertThat(messagesTo(dutch)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Dringende waarschuwing voor partners: " + title);
            assertThat((String) m.getContent())
                    .contains("Valse bankmedewerkers")
                    .contains("/partners/alerts/" + alert);
        });
        assertThat(messagesTo(french))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Alerte urgente aux partenaires : " + title));
        assertThat(messagesTo(member)).isEmpty();
        assertThat(messagesTo(outsider)).isEmpty();

        // pinned for the group's members, nowhere else; the alert is 404 for another group
        Cookie memberSession = SignIn.as(mvc, member);
        Cookie outsiderSession = SignIn.as(mvc, outsider);
        mvc.perform(get("/partners").cookie(memberSession))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(title)));
        mvc.perform(get("/partners").cookie(outsiderSession))
                .andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/partners/alerts/" + alert).cookie(outsiderSession)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/alerts/" + alert).header("Authorization", "Bearer " + fixtures.token(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deliveries.length()").value(0));
        mvc.perform(post("/partners/alerts/" + alert + "/resend").with(csrf()).cookie(memberSession))
                .andExpect(status().isForbidden());

        // the mail server is down: the status says FAILED; once it is back, "resend" reaches them
        mail.stop();
        String second = JsonPath.read(
                mvc.perform(post("/api/v1/partners/alerts")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"organisationId": "%s", "groups": ["%s"], "title": "Tweede %s",
                                         "body": "Nog steeds.", "language": "NL", "days": 1}""".formatted(fixtures.organisation(PartnerFixtures.GENT), network, suffix))
                                .header("Authorization", "Bearer " + fixtures.admin))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.deliveries[*].status", Matchers.everyItem(Matchers.is("FAILED"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mail.start();
        Cookie admin = SignIn.as(mvc, "admin@herald.test");
        mvc.perform(get("/partners/alerts/" + second).cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Failed")));
        mvc.perform(post("/partners/alerts/" + second + "/resend").with(csrf()).cookie(admin))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status || ':' || attempts FROM partners.alert_delivery WHERE alert_id = ?::uuid")
                        .param(second)
                        .query(String.class)
                        .list())
                .containsExactly("SENT:2", "SENT:2");
        assertThat(messagesTo(dutch)).hasSize(1);

        // unpinned: gone from the members' portal
        mvc.perform(post("/partners/alerts/" + alert + "/unpin").with(csrf()).cookie(admin));
        mvc.perform(post("/partners/alerts/" + second + "/unpin").with(csrf()).cookie(admin));
        mvc.perform(get("/partners").cookie(memberSession))
                .andExpect(content().string(Matchers.not(Matchers.containsString(title))));
    }

    @Test
    void theWeeklyDigestTellsOnlyWhatTheReaderMaySeeInTheirLanguageOnceAndUnsubscribesInOneClick() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String network = fixtures.group(PartnerFixtures.GENT, "BIN digest " + suffix, "NEIGHBOURHOOD_NETWORK");
        String shops = fixtures.group(PartnerFixtures.LIEGE, "Shops digest " + suffix, "SHOPKEEPERS");
        String reader = fixtures.partner("lecteur", PartnerFixtures.GENT, "fr");
        String outsider = fixtures.partner("autre", PartnerFixtures.LIEGE, "fr");
        String quiet = fixtures.partner("calme", PartnerFixtures.LIEGE, "fr");
        fixtures.member(network, reader, "BASIC", false);
        fixtures.member(shops, outsider, "BASIC", false);
        fixtures.member(shops, quiet, "BASIC", false);
        for (String email : List.of(reader, outsider)) {
            mvc.perform(post("/partners/settings/digest")
                            .param("frequency", "WEEKLY")
                            .with(csrf())
                            .cookie(SignIn.as(mvc, email)))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/partners/settings/digest")
                .param("frequency", "DAILY")
                .with(csrf())
                .cookie(SignIn.as(mvc, quiet)));

        String open = resource(network, "Fiche vigilance " + suffix, "BASIC");
        String secret = resource(network, "Dossier confidentiel " + suffix, "CONFIDENTIAL");
        String question = JsonPath.read(
                mvc.perform(post("/api/v1/partners/groups/" + network + "/questions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\": \"Que faire des démarcheurs " + suffix
                                        + " ?\", \"language\": \"FR\"}")
                                .header("Authorization", "Bearer " + fixtures.token(reader)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(post("/api/v1/partners/questions/" + question + "/answers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"Ne les laissez pas entrer.\"}")
                        .header("Authorization", "Bearer " + fixtures.admin))
                .andExpect(status().isCreated());
        fixtures.event(PartnerFixtures.GENT, network, "Marché de la prévention " + suffix, 50, 4);
        fixtures.event(PartnerFixtures.GENT, network, "Réunion confidentielle " + suffix, 50, 5, "CONFIDENTIAL");
        int before = mail.getReceivedMessages().length;

        ZonedDateTime monday = ZonedDateTime.now(ZoneId.of("Europe/Brussels")).plusMinutes(1);
        digests.send(DigestFrequency.WEEKLY, monday);
        MimeMessage digest = messagesTo(reader).stream()
                .filter(m -> subject(m).startsWith("Votre récapitulatif hebdomadaire"))
                .findFirst()
                .orElseThrow();
        String text = (String) digest.getContent();
        assertThat(text)
                .contains("Fiche vigilance " + suffix, "/partners/resources/" + open)
                .contains("Admin", "Que faire des démarcheurs " + suffix)
                .contains("Marché de la prévention " + suffix)
                .contains("/partners/digest/unsubscribe?token=")
                .doesNotContain("Dossier confidentiel", secret)
                .doesNotContain("Réunion confidentielle");
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        Matcher unsubscribe = UNSUBSCRIBE.matcher(digest.getHeader("List-Unsubscribe", null));
        assertThat(unsubscribe.matches()).isTrue();
        // the other group's member hears nothing of it
        for (MimeMessage other : messagesTo(outsider)) {
            assertThat((String) other.getContent()).doesNotContain(suffix);
        }

        // the same week again (another node, a second run): nothing more
        int afterFirst = mail.getReceivedMessages().length;
        assertThat(afterFirst).isGreaterThan(before);
        digests.send(DigestFrequency.WEEKLY, monday.plusHours(1));
        assertThat(mail.getReceivedMessages()).hasSize(afterFirst);

        // a day with nothing new for the quiet reader: no email, and the period is still claimed
        digests.send(DigestFrequency.DAILY, monday.plusDays(3));
        assertThat(messagesTo(quiet)).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM partners.digest_sent s JOIN accounts.app_user u ON u.id = s.user_id"
                                + " WHERE u.email = ? AND s.period LIKE 'DAILY:%'")
                        .param(quiet)
                        .query(String.class)
                        .list())
                .containsExactly("EMPTY");

        // the link shows a confirmation page without signing in; the one-click POST (RFC 8058) unsubscribes
        String token = unsubscribe.group(2);
        mvc.perform(get("/partners/digest/unsubscribe").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"token\"")));
        assertThat(frequencyOf(reader)).isEqualTo("WEEKLY");
        mvc.perform(post(unsubscribe.group(1))).andExpect(status().isNoContent());
        assertThat(frequencyOf(reader)).isEqualTo("NONE");
        mvc.perform(post("/api/v1/partners/digest/unsubscribe").param("token", token.substring(0, 40) + "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/partners/digest/unsubscribe")
                        .param("token", "forged")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("does not work")));
    }

    private String resource(String group, String title, String level) throws Exception {
        return JsonPath.read(
                mvc.perform(multipart("/api/v1/partners/resources")
                                .param("organisationId", fixtures.organisation(PartnerFixtures.GENT))
                                .param("title", title)
                                .param("category", "Guides")
                                .param("language", "FR")
                                .param("kind", "TEMPLATE")
                                .param("body", "Texte")
                                .param("needToKnow", level)
                                .param("groups", group)
                                .header("Authorization", "Bearer " + fixtures.admin))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    private String frequencyOf(String email) {
        return jdbc.sql("SELECT s.frequency FROM partners.digest_setting s JOIN accounts.app_user u ON u.id = s.user_id"
                        + " WHERE u.email = ?")
                .param(email)
                .query(String.class)
                .single();
    }

    private static List<MimeMessage> messagesTo(String email) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
