package eu.herald.inbox.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import eu.herald.inbox.InboxChanged;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter playbook, from the workshop's advice ("a strategy needs to be drafted beforehand on how we will react
 * to certain messages"; direct messages "do not replace the emergency numbers"; moderation matters; post positive
 * messages and do not create unrest): emergencies escalated at once, abuse and spam hidden, tips forwarded to the
 * police zone, questions answered within a working day, complaints to the communication team, praise thanked. Its
 * names and saved replies come from the inbox bundle in all four languages. Seeded once per police zone and
 * municipality — at start-up for those that exist, and on first use for new ones — never twice (a flag in the
 * organisation's settings), so a playbook an organisation edited or emptied stays as it is.
 */
@Component
class StarterPlaybook {

    private static final Logger log = LoggerFactory.getLogger(StarterPlaybook.class);
    private static final Set<OrganisationKind> KINDS =
            Set.of(OrganisationKind.POLICE_ZONE, OrganisationKind.MUNICIPALITY);

    /** One starter rule: its bundle key and what it does. */
    record Starter(
            String key,
            Set<Category> categories,
            @Nullable String team,
            @Nullable Integer slaMinutes,
            boolean workingTime,
            boolean escalate,
            boolean hide,
            boolean forward,
            boolean reply) {}

    static final List<Starter> RULES = List.of(
            new Starter("emergency", Set.of(Category.EMERGENCY), "duty", 15, false, true, false, false, true),
            new Starter(
                    "abuse",
                    Set.of(Category.ABUSE, Category.SPAM),
                    "moderation",
                    null,
                    true,
                    false,
                    true,
                    false,
                    false),
            new Starter("tip", Set.of(Category.TIP), "intake", 240, true, false, false, true, true),
            new Starter("question", Set.of(Category.QUESTION), "communication", 480, true, false, false, false, true),
            new Starter("complaint", Set.of(Category.COMPLAINT), "communication", 960, true, false, false, false, true),
            new Starter("praise", Set.of(Category.PRAISE), "communication", null, true, false, false, false, true));

    private final Playbooks playbooks;
    private final SettingsStore settings;
    private final Access access;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Set<UUID> done = ConcurrentHashMap.newKeySet();

    StarterPlaybook(
            Playbooks playbooks,
            SettingsStore settings,
            Access access,
            MessageSource messages,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.playbooks = playbooks;
        this.settings = settings;
        this.access = access;
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedAll() {
        for (OrganisationSummary organisation :
                access.active(OrganisationKind.POLICE_ZONE, OrganisationKind.MUNICIPALITY)) {
            try {
                ensure(organisation.id().value());
            } catch (RuntimeException e) {
                log.warn("Could not seed the starter playbook of an organisation", e);
            }
        }
    }

    /** Seeds the organisation's starter playbook if it is a police zone or municipality and was never seeded. */
    void ensure(UUID organisation) {
        if (done.contains(organisation)) {
            return;
        }
        boolean eligible = access.organisation(new OrganisationId(organisation))
                .map(o -> KINDS.contains(o.kind()))
                .orElse(false);
        if (eligible) {
            transactions.executeWithoutResult(status -> {
                if (settings.markSeeded(organisation)) {
                    int position = playbooks.nextPosition(organisation);
                    for (Starter starter : RULES) {
                        playbooks.save(rule(organisation, position++, starter));
                    }
                    events.publishEvent(new InboxChanged(
                            Actor.SYSTEM,
                            "inbox.playbook.seeded",
                            organisation,
                            "inbox-playbook",
                            organisation.toString(),
                            Map.of(),
                            Map.of("rules", RULES.size())));
                }
            });
        }
        done.add(organisation);
    }

    Rule rule(UUID organisation, int position, Starter starter) {
        Map<Language, String> replies = new EnumMap<>(Language.class);
        if (starter.reply()) {
            for (Language language : Language.values()) {
                replies.put(
                        language,
                        messages.getMessage("inbox.starter." + starter.key() + ".reply", null, language.locale()));
            }
        }
        Language first = access.organisation(new OrganisationId(organisation))
                .flatMap(o -> o.officialLanguages().stream().findFirst())
                .orElse(Language.EN);
        return new Rule(
                UUID.randomUUID(),
                organisation,
                position,
                messages.getMessage("inbox.starter." + starter.key() + ".name", null, first.locale()),
                starter.categories(),
                Set.of(),
                List.of(),
                Set.of(),
                (LocalTime) null,
                null,
                starter.team(),
                null,
                replies,
                starter.slaMinutes(),
                starter.workingTime(),
                starter.escalate(),
                starter.hide(),
                starter.forward());
    }
}
