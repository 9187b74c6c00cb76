package eu.herald.campaigns.domain;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationKind;
import eu.herald.accounts.Role;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageChanged;
import eu.herald.campaigns.MessageChanged.Change;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.MessageStatus;
import eu.herald.campaigns.VariantId;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.guardrails.Media;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Federal templates and "surfing along": the federal service offers a message as a template; a zone or municipality
 * adopts it into its own campaign, localises it and sees what differs, and is told when the template changes. A
 * prevention service can also plan a reshare of a police zone's message.
 */
@Service
public class TemplateService {

    /** What an adopted message owes to its template: the differences, and whether the template moved on. */
    public record Lineage(Message template, int adoptedRevision, boolean templateChanged, List<DiffRow> differences) {}

    private final Messages messages;
    private final CampaignService campaigns;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    TemplateService(
            Messages messages,
            CampaignService campaigns,
            Access access,
            ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.access = access;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** The federal service's communicator offers (or withdraws) a message as a template. */
    @Transactional
    public void offer(MessageId id, boolean offered) {
        Message message = messages.find(id).orElseThrow(() -> new NotFoundException("message"));
        Campaign campaign = campaigns.getForWriting(message.campaign());
        boolean federal = access.organisation(campaign.organisation())
                .map(o -> o.kind() == OrganisationKind.FEDERAL)
                .orElse(false);
        if (!federal) {
            throw new RefusedException("template.error.notFederal");
        }
        Message after = messages.update(message.offeredAsTemplate(offered));
        events.publishEvent(new MessageChanged(
                Actor.current(),
                Change.OFFERED_AS_TEMPLATE,
                id,
                campaign.id(),
                campaign.organisation().value(),
                after.status(),
                Map.of("template", message.template()),
                Map.of("template", offered)));
    }

    /** Every offered template: any communicator may adopt one. */
    @Transactional(readOnly = true)
    public List<Message> templates() {
        return messages.templates();
    }

    /** Messages of police zones, approved or scheduled, that a prevention service may share along. */
    @Transactional(readOnly = true)
    public List<Message> shareable() {
        List<UUID> zones =
                jdbc.sql("SELECT DISTINCT organisation_id FROM campaigns.campaign").query(UUID.class).list().stream()
                        .filter(o -> access.organisation(new OrganisationId(o))
                                .map(s -> s.kind() == OrganisationKind.POLICE_ZONE)
                                .orElse(false))
                        .toList();
        if (zones.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT m.* FROM campaigns.message m JOIN campaigns.campaign c ON c.id = m.campaign_id"
                        + " WHERE c.organisation_id = ANY(?) AND m.status IN ('APPROVED', 'SCHEDULED')"
                        + " AND m.reshare_of IS NULL ORDER BY m.created_at DESC LIMIT 100")
                .param(zones.toArray(UUID[]::new))
                .query(Messages::map)
                .list();
    }

    /** Copies a template (master text and variants) into one of the adopter's campaigns, as a draft to localise. */
    @Transactional
    public Message adopt(MessageId templateId, CampaignId into) {
        Message template = messages.find(templateId)
                .filter(Message::template)
                .orElseThrow(() -> new NotFoundException("template"));
        return copy(template, into, template.id(), null, Change.ADOPTED);
    }

    /** Plans a reshare of a police zone's message in one of the sharer's campaigns. */
    @Transactional
    public Message reshare(MessageId sourceId, CampaignId into) {
        Message source = shareable().stream()
                .filter(m -> m.id().equals(sourceId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("message"));
        return copy(source, into, null, source.id(), Change.ADOPTED);
    }

    /** For an adopted message: the template, the differences in master text, and whether the template changed since. */
    @Transactional(readOnly = true)
    public @Nullable Lineage lineage(Message message) {
        if (message.templateId() == null) {
            return null;
        }
        Message template = messages.find(message.templateId()).orElse(null);
        if (template == null) {
            return null;
        }
        int adopted = message.templateRevision() == null ? 1 : message.templateRevision();
        List<DiffRow> differences = DiffRowGenerator.create()
                .showInlineDiffs(false)
                .ignoreWhiteSpaces(true)
                .build()
                .generateDiffRows(lines(template.masterText()), lines(message.masterText()));
        return new Lineage(template, adopted, template.revision() > adopted, differences);
    }

    /** The message a reshare points at. */
    @Transactional(readOnly = true)
    public @Nullable Message resharedFrom(MessageId message) {
        return jdbc.sql("SELECT reshare_of FROM campaigns.message WHERE id = ?")
                .param(message.value())
                .query(UUID.class)
                .optional()
                .flatMap(source -> messages.find(new MessageId(source)))
                .orElse(null);
    }

    private Message copy(
            Message source,
            CampaignId into,
            @Nullable MessageId template,
            @Nullable MessageId reshareOf,
            Change change) {
        Campaign campaign = campaigns.getForWriting(into);
        if (!access.currentUserCan(Role.COMMUNICATOR, campaign.organisation())) {
            throw new AccessDeniedException("not a communicator of the target campaign");
        }
        Actor actor = Actor.current();
        Message copy = new Message(
                MessageId.random(),
                into,
                source.title(),
                source.masterText(),
                MessageStatus.DRAFT,
                actor.userId(),
                actor.name(),
                null,
                null,
                null,
                false,
                template,
                template == null ? null : source.revision(),
                1,
                0);
        messages.insert(copy);
        if (reshareOf != null) {
            jdbc.sql("UPDATE campaigns.message SET reshare_of = ? WHERE id = ?")
                    .params(reshareOf.value(), copy.id().value())
                    .update();
        }
        for (Variant variant : messages.variants(source.id())) {
            List<Media> described = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < variant.media().size(); i++) {
                if (!variant.uploaded(i)) {
                    described.add(variant.media().get(i));
                    names.add(variant.mediaNames().get(i));
                }
            }
            VariantId copied = messages.saveVariant(new Variant(
                    VariantId.random(),
                    copy.id(),
                    variant.channel(),
                    variant.language(),
                    variant.body(),
                    described,
                    names,
                    List.of(),
                    0));
            // the uploaded images come along, bytes and alt text, so the adopter can localise them too
            messages.copyUploads(variant.id(), copied);
        }
        events.publishEvent(new MessageChanged(
                actor,
                change,
                copy.id(),
                into,
                campaign.organisation().value(),
                copy.status(),
                Map.of(),
                Map.of(reshareOf != null ? "reshareOf" : "template", source.id().toString())));
        return copy;
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\\R", -1));
    }
}
