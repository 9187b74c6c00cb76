package eu.herald.inbox.domain;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.common.Secrets;
import eu.herald.inbox.InboxChanged;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The playbook editor, its test bench, and the organisation's inbox settings. */
@Service
public class PlaybookService {

    private final Playbooks playbooks;
    private final SettingsStore settings;
    private final Moderation moderation;
    private final Intake intake;
    private final ApplicationEventPublisher events;

    PlaybookService(
            Playbooks playbooks,
            SettingsStore settings,
            Moderation moderation,
            Intake intake,
            ApplicationEventPublisher events) {
        this.playbooks = playbooks;
        this.settings = settings;
        this.moderation = moderation;
        this.intake = intake;
        this.events = events;
    }

    public List<Rule> rules(UUID organisation) {
        moderation.require(organisation);
        return playbooks.rules(organisation);
    }

    public Rule rule(UUID id) {
        Rule rule = playbooks.rule(id);
        if (rule == null) {
            throw new NotFoundException("inbox rule");
        }
        moderation.require(rule.organisation());
        return rule;
    }

    /** Saves a new rule (at the end) or an edited one (same position). */
    @Transactional
    public Rule save(Rule draft) {
        moderation.require(draft.organisation());
        Rule before = playbooks.rule(draft.id());
        if (before != null && !before.organisation().equals(draft.organisation())) {
            throw new NotFoundException("inbox rule");
        }
        if ((draft.from() == null) != (draft.to() == null)) {
            throw new RefusedException("inbox.rule.timeBoth");
        }
        int position = before == null ? playbooks.nextPosition(draft.organisation()) : before.position();
        Rule rule = new Rule(
                draft.id(),
                draft.organisation(),
                position,
                draft.name(),
                draft.categories(),
                draft.channels(),
                draft.keywords(),
                draft.languages(),
                draft.from(),
                draft.to(),
                draft.assignTeam(),
                draft.assignUser(),
                draft.replies(),
                draft.slaMinutes(),
                draft.slaWorkingTime(),
                draft.escalate(),
                draft.hide(),
                draft.forwardTip());
        playbooks.save(rule);
        events.publishEvent(new InboxChanged(
                Actor.current(),
                before == null ? "inbox.rule.created" : "inbox.rule.updated",
                rule.organisation(),
                "inbox-rule",
                rule.id().toString(),
                before == null ? Map.of() : summary(before),
                summary(rule)));
        return rule;
    }

    @Transactional
    public void delete(UUID id) {
        Rule rule = rule(id);
        playbooks.delete(rule);
        events.publishEvent(new InboxChanged(
                Actor.current(),
                "inbox.rule.deleted",
                rule.organisation(),
                "inbox-rule",
                id.toString(),
                summary(rule),
                Map.of()));
    }

    @Transactional
    public void move(UUID id, int direction) {
        Rule rule = rule(id);
        playbooks.move(rule, direction < 0 ? -1 : 1);
        events.publishEvent(new InboxChanged(
                Actor.current(),
                "inbox.rule.moved",
                rule.organisation(),
                "inbox-rule",
                id.toString(),
                Map.of("position", rule.position()),
                Map.of("direction", direction < 0 ? "up" : "down")));
    }

    /** What would happen to {@code text} arriving now on {@code channel}: the real triage and the playbook. */
    public Routing trial(UUID organisation, String text, Channel channel) {
        moderation.require(organisation);
        if (text.isBlank()) {
            throw new RefusedException("inbox.bench.textRequired");
        }
        return intake.trial(new Incoming(
                new OrganisationId(organisation),
                "bench",
                null,
                channel,
                "bench",
                ItemKind.COMMENT,
                null,
                "citizen",
                null,
                text,
                null,
                Instant.now()));
    }

    /** Belgium's emergency numbers (fire/ambulance, police, European): never a non-urgent number. */
    static final Set<String> EMERGENCY_LINES = Set.of("100", "101", "112");

    public Settings settings(UUID organisation) {
        moderation.require(organisation);
        return settings.of(organisation);
    }

    @Transactional
    public void saveSettings(
            UUID organisation,
            String emergency,
            @Nullable String nonUrgent,
            @Nullable String dispatchUrl,
            @Nullable String dispatchSecret,
            @Nullable String tipEmail,
            @Nullable String facebookPage,
            boolean newWebhookSecret) {
        Settings before = settings(organisation);
        String nonUrgentNumber = nonUrgent == null || nonUrgent.isBlank() ? null : nonUrgent.strip();
        if (!emergency.matches("[0-9 +]{2,20}")
                || nonUrgentNumber != null && !nonUrgentNumber.matches("[0-9 +]{2,20}")) {
            throw new RefusedException("inbox.settings.numberInvalid");
        }
        if (nonUrgentNumber != null && EMERGENCY_LINES.contains(nonUrgentNumber.replace(" ", ""))) {
            // 100, 101 and 112 are emergency lines: sending citizens there for what is not urgent is what the
            // workshop warned against
            throw new RefusedException("inbox.settings.nonUrgentIsEmergency");
        }
        if (dispatchUrl != null) {
            try {
                URI uri = URI.create(dispatchUrl);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new RefusedException("inbox.settings.urlInvalid");
                }
            } catch (IllegalArgumentException e) {
                throw new RefusedException("inbox.settings.urlInvalid");
            }
        }
        if (tipEmail != null && !tipEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RefusedException("inbox.settings.emailInvalid");
        }
        Settings after = new Settings(
                organisation,
                emergency.strip(),
                nonUrgentNumber,
                dispatchUrl,
                dispatchSecret == null ? before.dispatchSecret() : dispatchSecret,
                tipEmail,
                newWebhookSecret ? Secrets.randomToken(32) : before.webhookSecret(),
                facebookPage,
                !newWebhookSecret && before.webhookSecretUnreadable(),
                dispatchSecret == null && before.dispatchSecretUnreadable());
        settings.save(after);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("emergencyNumber", before.emergencyNumber());
        was.put("nonUrgentNumber", Objects.requireNonNullElse(before.nonUrgentNumber(), ""));
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("emergencyNumber", after.emergencyNumber());
        now.put("nonUrgentNumber", Objects.requireNonNullElse(after.nonUrgentNumber(), ""));
        now.put("dispatchRoom", after.dispatchUrl() != null);
        now.put("tipIntake", after.tipEmail() != null);
        now.put("webhookSecretRenewed", newWebhookSecret);
        events.publishEvent(new InboxChanged(
                Actor.current(),
                "inbox.settings.updated",
                organisation,
                "inbox-settings",
                organisation.toString(),
                was,
                now));
    }

    private static Map<String, Object> summary(Rule rule) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", rule.name());
        map.put("position", rule.position());
        map.put(
                "categories",
                rule.categories().stream().map(Enum::name).sorted().toList());
        map.put("keywords", rule.keywords());
        map.put("hide", rule.hide());
        map.put("escalate", rule.escalate());
        map.put("forwardTip", rule.forwardTip());
        if (rule.slaMinutes() != null) {
            map.put("slaMinutes", rule.slaMinutes());
        }
        return map;
    }
}
