package eu.herald.campaigns;

import eu.herald.accounts.OrganisationId;
import java.time.LocalDate;

/** The few facts about a campaign other modules need: its organisation, title and last day. */
public record CampaignFacts(CampaignId id, OrganisationId organisation, String title, LocalDate endsOn) {}
