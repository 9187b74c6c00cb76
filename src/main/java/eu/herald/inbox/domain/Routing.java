package eu.herald.inbox.domain;

import eu.herald.inbox.Category;
import eu.herald.inbox.triage.Triage.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the playbook decided for one reaction: the rule that fired and what it does. Pure: the test bench shows it
 * without doing anything.
 */
public record Routing(
        Verdict verdict,
        @Nullable Rule rule,
        @Nullable String assignTeam,
        @Nullable UUID assignUser,
        @Nullable String proposedReply,
        @Nullable Instant slaDue,
        boolean escalate,
        boolean hide,
        boolean forwardTip,
        boolean emergencyReply) {

    /** An emergency is answered within this wall-clock time unless a rule says otherwise. */
    static final Duration EMERGENCY_SLA = Duration.ofMinutes(15);

    /** Whether something must be done after the item is stored (reply, alert, hide, forward). */
    public boolean actionsPending() {
        return escalate || hide || forwardTip || emergencyReply;
    }

    public static Routing decide(
            Verdict verdict,
            Incoming item,
            List<Rule> rules,
            Settings settings,
            String organisationName,
            WorkingTime time) {
        LocalTime local = item.receivedAt().atZone(time.zone()).toLocalTime();
        Rule rule = Rule.firstMatch(rules, verdict.category(), item.channel(), verdict.language(), item.text(), local);
        boolean emergency = verdict.category() == Category.EMERGENCY;
        String reply = null;
        Instant due = null;
        if (rule != null) {
            String template = rule.reply(verdict.language());
            if (template != null) {
                reply = fill(template, item.authorHandle(), settings, organisationName);
            }
            if (rule.slaMinutes() != null) {
                due = time.due(item.receivedAt(), Duration.ofMinutes(rule.slaMinutes()), rule.slaWorkingTime());
            }
        }
        if (emergency && due == null) {
            due = item.receivedAt().plus(EMERGENCY_SLA);
        }
        return new Routing(
                verdict,
                rule,
                rule == null ? null : rule.assignTeam(),
                rule == null ? null : rule.assignUser(),
                reply,
                due,
                emergency || (rule != null && rule.escalate()),
                rule != null && rule.hide(),
                rule != null && rule.forwardTip(),
                emergency);
    }

    /** Where citizens find their police zone's number when the organisation has not entered its non-urgent number. */
    public static final String POLICE_ZONES = "www.police.be";

    /**
     * Replaces {author}, {emergencyNumber}, {nonUrgentNumber} (else {@link #POLICE_ZONES}: never a made-up number) and
     * {organisation}.
     */
    public static String fill(String template, String author, Settings settings, String organisationName) {
        Map<String, String> values = Map.of(
                "{author}",
                author,
                "{emergencyNumber}",
                settings.emergencyNumber(),
                "{nonUrgentNumber}",
                settings.nonUrgentNumber() == null ? POLICE_ZONES : settings.nonUrgentNumber(),
                "{organisation}",
                organisationName);
        String text = template;
        for (var e : values.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }
}
