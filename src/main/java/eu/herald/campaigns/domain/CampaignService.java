package eu.herald.campaigns.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.audiences.Audiences;
import eu.herald.campaigns.CampaignChanged;
import eu.herald.campaigns.CampaignChanged.Change;
import eu.herald.campaigns.CampaignId;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans campaigns: who may see and change which, and what a valid campaign is. */
@Service
public class CampaignService {

    /** The roles that may read campaigns of an organisation in their reach. */
    static final List<Role> READERS = List.of(Role.COMMUNICATOR, Role.APPROVER, Role.ANALYST, Role.ADMIN);

    private final Campaigns campaigns;
    private final Access access;
    private final Audiences audiences;
    private final ApplicationEventPublisher events;

    CampaignService(Campaigns campaigns, Access access, Audiences audiences, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.access = access;
        this.audiences = audiences;
        this.events = events;
    }

    /** Campaigns of every organisation the current user reaches as a reader. */
    @Transactional(readOnly = true)
    public List<Campaign> visible() {
        Set<UUID> organisations = new LinkedHashSet<>();
        for (Role role : READERS) {
            access.reachable(role).forEach(o -> organisations.add(o.id().value()));
        }
        return campaigns.ofOrganisations(organisations);
    }

    /** The organisations where the current user may plan campaigns. */
    public List<OrganisationSummary> plannable() {
        return access.reachable(Role.COMMUNICATOR).stream()
                .filter(OrganisationSummary::active)
                .toList();
    }

    @Transactional(readOnly = true)
    public Campaign get(CampaignId id) {
        Campaign campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("campaign"));
        if (READERS.stream().noneMatch(role -> access.currentUserCan(role, campaign.organisation()))) {
            throw new NotFoundException("campaign");
        }
        return campaign;
    }

    /** A campaign the current user may change (as its organisation's communicator). */
    @Transactional(readOnly = true)
    public Campaign getForWriting(CampaignId id) {
        Campaign campaign = get(id);
        if (!access.currentUserCan(Role.COMMUNICATOR, campaign.organisation())) {
            throw new AccessDeniedException("not a communicator of the campaign's organisation");
        }
        return campaign;
    }

    public boolean canWrite(Campaign campaign) {
        return access.currentUserCan(Role.COMMUNICATOR, campaign.organisation());
    }

    @Transactional
    public Campaign plan(CampaignDraft draft) {
        requireCommunicator(draft.organisation());
        validate(draft);
        Actor actor = Actor.current();
        Campaign campaign = new Campaign(
                CampaignId.random(),
                draft.organisation(),
                draft.title().trim(),
                draft.themeId(),
                draft.objective().trim(),
                blankToNull(draft.targetMetric()),
                draft.targetValue(),
                draft.startsOn(),
                draft.endsOn(),
                draft.budgetCents(),
                draft.areas(),
                draft.audiences(),
                draft.channels(),
                actor.userId(),
                0);
        campaigns.insert(campaign);
        events.publishEvent(new CampaignChanged(
                actor,
                Change.CREATED,
                campaign.id(),
                campaign.organisation().value(),
                Map.of(),
                campaign.auditSummary()));
        return campaign;
    }

    @Transactional
    public Campaign update(CampaignId id, int version, CampaignDraft draft) {
        Campaign before = getForWriting(id);
        validate(draft);
        Campaign after = new Campaign(
                id,
                before.organisation(),
                draft.title().trim(),
                draft.themeId(),
                draft.objective().trim(),
                blankToNull(draft.targetMetric()),
                draft.targetValue(),
                draft.startsOn(),
                draft.endsOn(),
                draft.budgetCents(),
                draft.areas(),
                draft.audiences(),
                draft.channels(),
                before.createdBy(),
                version);
        campaigns.update(after);
        events.publishEvent(new CampaignChanged(
                Actor.current(),
                Change.UPDATED,
                id,
                before.organisation().value(),
                before.auditSummary(),
                after.auditSummary()));
        return after;
    }

    @Transactional
    public void logEffort(CampaignId id, LocalDate workedOn, BigDecimal hours, String activity) {
        Campaign campaign = getForWriting(id);
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            throw new RefusedException("effort.error.hours");
        }
        if (workedOn.isAfter(LocalDate.now(FatigueBudget.BRUSSELS))) {
            throw new RefusedException("effort.error.future");
        }
        Actor actor = Actor.current();
        Effort effort = new Effort(UUID.randomUUID(), actor.userId(), actor.name(), workedOn, hours, activity.trim());
        campaigns.logEffort(id, effort);
        events.publishEvent(new CampaignChanged(
                actor,
                Change.EFFORT_LOGGED,
                id,
                campaign.organisation().value(),
                Map.of(),
                Map.of(
                        "hours",
                        hours.toPlainString(),
                        "activity",
                        effort.activity(),
                        "workedOn",
                        workedOn.toString())));
    }

    @Transactional(readOnly = true)
    public List<Effort> efforts(CampaignId id) {
        get(id);
        return campaigns.efforts(id);
    }

    public List<Theme> themes() {
        return campaigns.themes();
    }

    public Theme theme(UUID id) {
        return campaigns.theme(id).orElseThrow(() -> new NotFoundException("theme"));
    }

    private void validate(CampaignDraft draft) {
        if (campaigns.theme(draft.themeId()).isEmpty()) {
            throw new RefusedException("campaign.error.theme");
        }
        if (draft.endsOn().isBefore(draft.startsOn())) {
            throw new RefusedException("campaign.error.period");
        }
        if (draft.areas().isEmpty()) {
            throw new RefusedException("campaign.error.areas");
        }
        if (audiences.areas(draft.areas()).size() != Set.copyOf(draft.areas()).size()) {
            throw new RefusedException("campaign.error.unknownArea");
        }
        if (draft.audiences().isEmpty()) {
            throw new RefusedException("campaign.error.audiences");
        }
        if (draft.audiences().stream().anyMatch(a -> audiences.audience(a).isEmpty())) {
            throw new RefusedException("campaign.error.unknownAudience");
        }
        if ((draft.targetMetric() == null || draft.targetMetric().isBlank()) != (draft.targetValue() == null)) {
            throw new RefusedException("campaign.error.target");
        }
    }

    private void requireCommunicator(OrganisationId organisation) {
        if (!access.currentUserCan(Role.COMMUNICATOR, organisation)
                || access.organisation(organisation)
                        .filter(OrganisationSummary::active)
                        .isEmpty()) {
            throw new RefusedException("campaign.error.organisation");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
