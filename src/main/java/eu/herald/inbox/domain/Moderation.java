package eu.herald.inbox.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.channels.ChannelAccountId;
import eu.herald.channels.ChannelGateway;
import eu.herald.channels.ConnectorException;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.inbox.Category;
import eu.herald.inbox.InboxChanged;
import eu.herald.inbox.triage.TriageTraining;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moderators do with items: read the inbox and an item's conversation, answer, hide, resolve, note,
 * re-categorise (kept as a correction for retraining), keep on purpose, take an item, see who else is on it, and mark
 * themselves on duty. Moderators (and admins) of an item's organisation or an ancestor reach it; others get a 404.
 * Every change is audited.
 */
@Service
public class Moderation {

    /** The most items the inbox page shows at once. */
    public static final int PAGE = 200;

    private final Items items;
    private final Conversations conversations;
    private final Playbooks playbooks;
    private final Responder responder;
    private final ChannelGateway gateway;
    private final Access access;
    private final StarterPlaybook starter;
    private final ApplicationEventPublisher events;
    private final InboxProperties properties;
    private final TriageTraining triageTraining;

    Moderation(
            Items items,
            Conversations conversations,
            Playbooks playbooks,
            Responder responder,
            ChannelGateway gateway,
            Access access,
            StarterPlaybook starter,
            ApplicationEventPublisher events,
            InboxProperties properties,
            TriageTraining triageTraining) {
        this.triageTraining = triageTraining;
        this.items = items;
        this.conversations = conversations;
        this.playbooks = playbooks;
        this.responder = responder;
        this.gateway = gateway;
        this.access = access;
        this.starter = starter;
        this.events = events;
        this.properties = properties;
    }

    /** The organisations whose inbox the current user moderates, in tree order. */
    public List<OrganisationSummary> organisations() {
        Map<OrganisationId, OrganisationSummary> all = new LinkedHashMap<>();
        access.reachable(Role.MODERATOR).forEach(o -> all.put(o.id(), o));
        access.reachable(Role.ADMIN).forEach(o -> all.putIfAbsent(o.id(), o));
        List<OrganisationSummary> list =
                all.values().stream().filter(OrganisationSummary::active).toList();
        list.forEach(o -> starter.ensure(o.id().value()));
        return list;
    }

    public boolean reaches(UUID organisation) {
        OrganisationId id = new OrganisationId(organisation);
        return access.currentUserCan(Role.MODERATOR, id) || access.currentUserCan(Role.ADMIN, id);
    }

    void require(UUID organisation) {
        if (!reaches(organisation)) {
            throw new NotFoundException("inbox item");
        }
    }

    /** The inbox page's filters; null or blank means any. */
    public record Filter(
            @Nullable UUID organisation,
            @Nullable Category category,
            @Nullable ItemStatus status,
            @Nullable String sla,
            @Nullable Channel channel,
            @Nullable String assignee,
            boolean needsHuman) {}

    public List<Item> inbox(Filter filter) {
        List<UUID> organisations = organisations().stream()
                .map(o -> o.id().value())
                .filter(id -> filter.organisation() == null || id.equals(filter.organisation()))
                .toList();
        return items.list(
                new Items.Filter(
                        organisations,
                        filter.category(),
                        filter.status(),
                        filter.sla(),
                        filter.channel(),
                        filter.assignee(),
                        Actor.current().userId(),
                        filter.needsHuman()),
                Instant.now(),
                PAGE);
    }

    public List<String> teams() {
        return items.teams(organisations().stream().map(o -> o.id().value()).toList());
    }

    /** An item with everything said around it. */
    public record View(
            Item item,
            Optional<Conversations.OriginalPost> post,
            List<Conversations.Reply> replies,
            List<Conversations.Note> notes,
            @Nullable String ruleName,
            boolean assignedToMe) {}

    public View view(UUID id) {
        Item item = item(id);
        Rule rule = item.rule() == null ? null : playbooks.rule(item.rule());
        UUID me = Actor.current().userId();
        return new View(
                item,
                conversations.post(item.account(), item.inReplyTo()),
                conversations.replies(id),
                conversations.notes(id),
                rule == null ? null : rule.name(),
                me != null && me.equals(item.assigneeUser()));
    }

    Item item(UUID id) {
        Item item = items.find(id).orElseThrow(() -> new NotFoundException("inbox item"));
        require(item.organisation());
        return item;
    }

    @Transactional
    public ReplyOutcome reply(UUID id, String text) {
        Item item = item(id);
        if (text.isBlank() || text.length() > 5000) {
            throw new RefusedException("inbox.reply.required");
        }
        ReplyOutcome outcome;
        try {
            outcome = responder.send(item, text.strip(), "inbox-reply-" + UUID.randomUUID());
        } catch (ConnectorException e) {
            outcome = ReplyOutcome.FAILED;
        }
        conversations.reply(
                id, text.strip(), false, outcome.name(), null, Actor.current().name());
        if (outcome == ReplyOutcome.SENT && item.status() == ItemStatus.OPEN) {
            items.status(id, ItemStatus.ANSWERED);
        }
        audit(item, "replied", Map.of("outcome", outcome.name()));
        return outcome;
    }

    /** Hides the reaction on the platform; false when the platform does not allow it. */
    @Transactional
    public boolean hide(UUID id) {
        Item item = item(id);
        boolean hidden;
        try {
            hidden = item.account() != null
                    && !item.kind().byEmail()
                    && gateway.hide(new ChannelAccountId(item.account()), item.platformId());
        } catch (ConnectorException e) {
            hidden = false;
        }
        items.markHidden(id, hidden);
        audit(item, "hidden", Map.of("onPlatform", hidden));
        return hidden;
    }

    @Transactional
    public void resolve(UUID id) {
        Item item = item(id);
        items.status(id, ItemStatus.RESOLVED);
        audit(item, "resolved", Map.of("from", item.status().name()));
    }

    @Transactional
    public void reopen(UUID id) {
        Item item = item(id);
        items.status(id, ItemStatus.OPEN);
        audit(item, "reopened", Map.of("from", item.status().name()));
    }

    @Transactional
    public void note(UUID id, String text) {
        Item item = item(id);
        if (text.isBlank() || text.length() > 5000) {
            throw new RefusedException("inbox.note.required");
        }
        conversations.note(id, Actor.current().userId(), Actor.current().name(), text.strip());
        audit(item, "noted", Map.of());
    }

    /** Changes the category and keeps the correction for retraining. */
    @Transactional
    public void recategorise(UUID id, Category category) {
        Item item = item(id);
        if (item.category() == category) {
            return;
        }
        conversations.correction(item, category.name(), Actor.current().userId());
        triageTraining.recordCorrection(item.text(), item.language(), category, item.category(), id);
        items.category(id, category);
        events.publishEvent(new InboxChanged(
                Actor.current(),
                "inbox.item.recategorised",
                item.organisation(),
                "inbox-item",
                id.toString(),
                Map.of("category", item.category().name()),
                Map.of("category", category.name())));
    }

    @Transactional
    public void keep(UUID id, @Nullable String reason) {
        Item item = item(id);
        boolean keep = reason != null && !reason.isBlank();
        if (keep && reason.length() > 500) {
            throw new RefusedException("inbox.keep.reasonRequired");
        }
        items.keep(id, keep, keep ? reason.strip() : null);
        audit(item, keep ? "kept" : "released", keep ? Map.of("reason", reason.strip()) : Map.of());
    }

    @Transactional
    public void take(UUID id) {
        Item item = item(id);
        UUID me = Actor.current().userId();
        items.assign(id, me, item.assigneeTeam());
        audit(item, "assigned", Map.of("to", Actor.current().name()));
    }

    /** Records that the current user is on the item; the others seen in the last ~30 s. */
    public List<String> presence(UUID id) {
        Item item = item(id);
        UUID me = Actor.current().userId();
        if (me == null) {
            return List.of();
        }
        return conversations.present(
                item.id(), me, Actor.current().name(), Instant.now().minus(properties.presence()));
    }

    public boolean onDuty(UUID organisation) {
        UUID me = Actor.current().userId();
        return me != null && conversations.onDuty(organisation, me);
    }

    @Transactional
    public void onDuty(UUID organisation, boolean on) {
        require(organisation);
        UUID me = Actor.current().userId();
        if (me == null) {
            throw new NotFoundException("inbox item");
        }
        conversations.onDuty(organisation, me, on);
        events.publishEvent(new InboxChanged(
                Actor.current(),
                on ? "inbox.duty.started" : "inbox.duty.ended",
                organisation,
                "inbox-on-duty",
                me.toString(),
                Map.of(),
                Map.of()));
    }

    private void audit(Item item, String change, Map<String, Object> after) {
        events.publishEvent(InboxChanged.item(Actor.current(), change, item.organisation(), item.id(), after));
    }
}
