package eu.herald.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import eu.herald.inbox.triage.Triage.Verdict;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The playbook: the first matching rule decides; emergencies are always answered and escalated. */
class RoutingTests {

    private static final UUID ORG = UUID.randomUUID();
    private static final WorkingTime TIME =
            new WorkingTime(LocalTime.of(8, 0), LocalTime.of(17, 0), ZoneId.of("Europe/Brussels"));
    private static final Settings SETTINGS =
            new Settings(ORG, "112", "09 266 61 11", null, null, "tips@zone.example", "secret", null, false, false);

    private static Rule rule(
            int position,
            String name,
            Set<Category> categories,
            List<String> keywords,
            @Nullable LocalTime from,
            @Nullable LocalTime to,
            boolean hide) {
        return new Rule(
                UUID.randomUUID(),
                ORG,
                position,
                name,
                categories,
                Set.of(),
                keywords,
                Set.of(),
                from,
                to,
                "team-" + name,
                null,
                Map.of(
                        Language.NL,
                        "Dag {author}, bel {emergencyNumber} of {nonUrgentNumber}.",
                        Language.EN,
                        "Hi {author}"),
                60,
                true,
                false,
                hide,
                false);
    }

    private static Incoming incoming(String text, Instant at) {
        return new Incoming(
                new OrganisationId(ORG),
                "test",
                null,
                Channel.FACEBOOK,
                UUID.randomUUID().toString(),
                ItemKind.COMMENT,
                null,
                "jan",
                null,
                text,
                null,
                at);
    }

    @Test
    void theFirstMatchingRuleWinsAndFillsItsReplyInTheItemsLanguage() {
        List<Rule> rules = List.of(
                rule(1, "burglary", Set.of(Category.QUESTION), List.of("Inbraak"), null, null, false),
                rule(2, "questions", Set.of(Category.QUESTION), List.of(), null, null, false));
        Verdict verdict = new Verdict(Category.QUESTION, 0.9, Language.NL, false, 1);
        Instant monday = Instant.parse("2026-11-30T09:00:00Z");
        Routing routing = Routing.decide(
                verdict, incoming("Was er een inbráák in de straat?", monday), rules, SETTINGS, "Zone", TIME);
        assertThat(routing.rule().name()).isEqualTo("burglary");
        assertThat(routing.assignTeam()).isEqualTo("team-burglary");
        assertThat(routing.proposedReply()).isEqualTo("Dag jan, bel 112 of 09 266 61 11.");
        assertThat(routing.slaDue()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(routing.actionsPending()).isFalse();

        Routing other = Routing.decide(
                verdict, incoming("Wanneer is het kantoor open?", monday), rules, SETTINGS, "Zone", TIME);
        assertThat(other.rule().name()).isEqualTo("questions");
        Verdict english = new Verdict(Category.QUESTION, 0.9, Language.FR, false, 1);
        assertThat(Routing.decide(english, incoming("Quand?", monday), rules, SETTINGS, "Zone", TIME)
                        .proposedReply())
                .as("no French text: English")
                .isEqualTo("Hi jan");
    }

    @Test
    void aTimeOfDayRuleWrapsMidnight() {
        Rule night = rule(1, "night", Set.of(), List.of(), LocalTime.of(22, 0), LocalTime.of(7, 0), false);
        Verdict verdict = new Verdict(Category.OTHER, 0.9, Language.EN, false, 1);
        Instant lateEvening = Instant.parse("2026-11-30T22:30:00Z"); // 23:30 in Brussels
        Instant noon = Instant.parse("2026-11-30T11:00:00Z");
        assertThat(Routing.decide(verdict, incoming("x", lateEvening), List.of(night), SETTINGS, "Z", TIME)
                        .rule())
                .isEqualTo(night);
        assertThat(Routing.decide(verdict, incoming("x", noon), List.of(night), SETTINGS, "Z", TIME)
                        .rule())
                .isNull();
    }

    @Test
    void anEmergencyIsAnsweredAndEscalatedEvenWithoutARule() {
        Verdict verdict = new Verdict(Category.EMERGENCY, 0.55, Language.FR, false, 1);
        Instant at = Instant.parse("2026-11-29T01:00:00Z");
        Routing routing = Routing.decide(verdict, incoming("au secours", at), List.of(), SETTINGS, "Z", TIME);
        assertThat(routing.rule()).isNull();
        assertThat(routing.emergencyReply()).isTrue();
        assertThat(routing.escalate()).isTrue();
        assertThat(routing.actionsPending()).isTrue();
        assertThat(routing.slaDue()).isEqualTo(at.plus(Routing.EMERGENCY_SLA));
    }

    @Test
    void abuseRuleAsksToHide() {
        Rule abuse = rule(1, "abuse", Set.of(Category.ABUSE, Category.SPAM), List.of(), null, null, true);
        Verdict verdict = new Verdict(Category.SPAM, 0.99, Language.EN, false, 1);
        Routing routing =
                Routing.decide(verdict, incoming("cheap pills", Instant.now()), List.of(abuse), SETTINGS, "Z", TIME);
        assertThat(routing.hide()).isTrue();
        assertThat(routing.actionsPending()).isTrue();
    }

    @Test
    void withoutTheZonesOwnNonUrgentNumberAnAnswerRefersToThePoliceZonesSiteNeverToAMadeUpNumber() {
        Settings none = new Settings(ORG, "112", null, null, null, null, "secret", null, false, false);
        assertThat(Routing.fill(
                        "Dag {author}, bel {emergencyNumber}; niet dringend: {nonUrgentNumber}.", "jan", none, "Zone"))
                .isEqualTo("Dag jan, bel 112; niet dringend: www.police.be.");
    }
}
