package eu.herald.links.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.Role;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.CampaignFacts;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.MessageId;
import eu.herald.campaigns.VariantId;
import eu.herald.campaigns.VariantText;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.HeraldProperties;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import eu.herald.links.AllowedDomainsChanged;
import eu.herald.links.LinkCreated;
import eu.herald.links.UtmTemplateChanged;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates tracked links, follows them (counting honestly) and reports what they reached. */
@Service
public class LinkService {

    static final List<Role> READERS = List.of(Role.COMMUNICATOR, Role.APPROVER, Role.ANALYST, Role.ADMIN);

    private final Links links;
    private final Clicks clicks;
    private final ClickWriter writer;
    private final Visitors visitors;
    private final CampaignDirectory campaigns;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final HeraldProperties herald;
    private final Clock clock = Clock.systemUTC();

    LinkService(
            Links links,
            Clicks clicks,
            ClickWriter writer,
            Visitors visitors,
            CampaignDirectory campaigns,
            Access access,
            ApplicationEventPublisher events,
            HeraldProperties herald) {
        this.links = links;
        this.clicks = clicks;
        this.writer = writer;
        this.visitors = visitors;
        this.campaigns = campaigns;
        this.access = access;
        this.events = events;
        this.herald = herald;
    }

    /** The public address of a short link. */
    public String shortUrl(String code) {
        String base = herald.publicBaseUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/l/" + code;
    }

    /** A campaign's communicator creates a link to an allowed target. */
    @Transactional
    public Link create(
            String target,
            CampaignId campaignId,
            Channel channel,
            @Nullable UUID variantId,
            @Nullable String location) {
        CampaignFacts campaign = campaigns.facts(campaignId).orElseThrow(() -> new NotFoundException("campaign"));
        if (!access.currentUserCan(Role.COMMUNICATOR, campaign.organisation())) {
            throw new NotFoundException("campaign");
        }
        String place = location == null || location.isBlank() ? null : location.strip();
        if (place != null && place.length() > 100) {
            throw new RefusedException("links.location.tooLong");
        }
        if (variantId != null) {
            Channel variantChannel = campaigns
                    .variantChannel(campaignId, new VariantId(variantId))
                    .orElseThrow(() -> new RefusedException("links.variant.unknown"));
            if (variantChannel != channel) {
                throw new RefusedException("links.variant.channel");
            }
        }
        URI uri = Targets.validate(
                target,
                links.allowedDomains(campaign.organisation().value()),
                herald.publicBaseUrl().getHost());
        Actor actor = Actor.current();
        if (actor.userId() == null) {
            throw new IllegalStateException("a link is created by a signed-in user");
        }
        return insert(campaign, uri, channel, variantId, place, actor);
    }

    /**
     * Inserts a link with a fresh code, or answers the variant's existing link to the same target (two creations of
     * a variant's links may run at once: on approval and on demand).
     */
    private Link insert(
            CampaignFacts campaign,
            URI uri,
            Channel channel,
            @Nullable UUID variantId,
            @Nullable String place,
            Actor actor) {
        Utm.Template template =
                links.utmTemplate(campaign.organisation().value()).orElse(Utm.Template.DEFAULT);
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = LinkCodes.next();
            Map<String, String> utm = Utm.parameters(
                    template, channel, campaign.title(), variantId == null ? null : variantId.toString(), place);
            Link link = new Link(
                    code,
                    campaign.id(),
                    campaign.organisation().value(),
                    campaign.title(),
                    channel,
                    variantId,
                    place,
                    uri.toString(),
                    Utm.query(utm),
                    clock.instant());
            if (links.insert(link, actor.userId())) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("campaign", campaign.id().toString());
                after.put("channel", channel.code());
                after.put("target", link.target());
                if (variantId != null) {
                    after.put("variant", variantId.toString());
                }
                if (place != null) {
                    after.put("location", place);
                }
                events.publishEvent(new LinkCreated(actor, link.code(), link.organisationId(), after));
                return link;
            }
            if (variantId != null && place == null) {
                Optional<Link> existing = links.variantLink(campaign.id(), channel, variantId, uri.toString());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
        }
        throw new IllegalStateException("no free link code after 5 attempts");
    }

    /** An address written in a variant's text: its tracked link, or why it cannot have one. */
    public record VariantUrl(
            VariantText variant,
            String url,
            @Nullable String shortUrl,
            @Nullable String refusal,
            List<Object> refusalArguments) {}

    /** The addresses in the campaign's variants with their tracked links, for the campaign's readers. */
    @Transactional(readOnly = true)
    public List<VariantUrl> variantUrls(CampaignId campaignId) {
        CampaignFacts campaign = campaign(campaignId);
        List<String> allowed = links.allowedDomains(campaign.organisation().value());
        List<VariantUrl> urls = new ArrayList<>();
        for (VariantText variant : campaigns.variants(campaignId)) {
            for (String url : TextLinks.in(variant.text())) {
                try {
                    URI uri = Targets.validate(
                            url, allowed, herald.publicBaseUrl().getHost());
                    String shortUrl = links.variantLink(
                                    campaignId, variant.channel(), variant.id().value(), uri.toString())
                            .map(l -> shortUrl(l.code()))
                            .orElse(null);
                    urls.add(new VariantUrl(variant, url, shortUrl, null, List.of()));
                } catch (RefusedException e) {
                    urls.add(new VariantUrl(variant, url, null, e.messageKey(), List.of(e.arguments())));
                }
            }
        }
        return urls;
    }

    /**
     * A communicator asks for a tracked link for every address in every variant of the campaign (those already
     * tracked are kept); answers how many links were created. Addresses outside the allow-list are left out.
     */
    @Transactional
    public int createVariantLinks(CampaignId campaignId) {
        CampaignFacts campaign = campaigns.facts(campaignId).orElseThrow(() -> new NotFoundException("campaign"));
        if (!access.currentUserCan(Role.COMMUNICATOR, campaign.organisation())) {
            throw new NotFoundException("campaign");
        }
        return createVariantLinks(campaign, null, Actor.current());
    }

    /** The same for one message once it is approved or scheduled, on behalf of whoever did that. */
    @Transactional
    public int createVariantLinks(CampaignId campaignId, MessageId message, Actor actor) {
        return campaigns
                .facts(campaignId)
                .map(campaign -> createVariantLinks(campaign, message, actor))
                .orElse(0);
    }

    private int createVariantLinks(CampaignFacts campaign, @Nullable MessageId only, Actor actor) {
        List<String> allowed = links.allowedDomains(campaign.organisation().value());
        int created = 0;
        for (VariantText variant : campaigns.variants(campaign.id())) {
            if (only != null && !only.equals(variant.message())) {
                continue;
            }
            for (String url : TextLinks.in(variant.text())) {
                URI uri;
                try {
                    uri = Targets.validate(url, allowed, herald.publicBaseUrl().getHost());
                } catch (RefusedException e) {
                    continue;
                }
                if (links.variantLink(
                                campaign.id(), variant.channel(), variant.id().value(), uri.toString())
                        .isEmpty()) {
                    insert(campaign, uri, variant.channel(), variant.id().value(), null, actor);
                    created++;
                }
            }
        }
        return created;
    }

    /** The allow-list itself (without Herald's host), for an admin of the organisation. */
    @Transactional(readOnly = true)
    public List<String> allowedDomains(OrganisationId organisation) {
        requireAdmin(organisation);
        return links.allowedDomains(organisation.value());
    }

    /** An admin replaces an organisation's allow-list; each domain is a host name like {@code example.be}. */
    @Transactional
    public List<String> replaceAllowedDomains(OrganisationId organisation, List<String> domains) {
        requireAdmin(organisation);
        Set<String> clean = new LinkedHashSet<>();
        for (String domain : domains) {
            String d = domain.strip().toLowerCase(Locale.ROOT);
            if (d.isEmpty()) {
                continue;
            }
            if (!d.matches("^[a-z0-9-]+(\\.[a-z0-9-]+)+$") || Targets.privateHost(d)) {
                throw new RefusedException("links.domain.invalid", d);
            }
            clean.add(d);
        }
        List<String> before = links.allowedDomains(organisation.value());
        List<String> after = List.copyOf(clean);
        links.replaceAllowedDomains(organisation.value(), after);
        events.publishEvent(new AllowedDomainsChanged(
                Actor.current(), organisation.value(), Map.of("domains", before), Map.of("domains", after)));
        return after;
    }

    /** An organisation's campaign-parameter template (the defaults until an admin changes it). */
    @Transactional(readOnly = true)
    public Utm.Template utmTemplate(OrganisationId organisation) {
        requireAdmin(organisation);
        return links.utmTemplate(organisation.value()).orElse(Utm.Template.DEFAULT);
    }

    /** An admin changes the template; links created from then on use it (existing links keep theirs). */
    @Transactional
    public void saveUtmTemplate(OrganisationId organisation, Utm.Template template) {
        requireAdmin(organisation);
        for (String pattern : template.patterns()) {
            if (pattern.length() > 100 || !pattern.matches("[A-Za-z0-9_.{}\\-]*")) {
                throw new RefusedException("links.utm.invalid");
            }
        }
        Utm.Template before = links.utmTemplate(organisation.value()).orElse(Utm.Template.DEFAULT);
        links.saveUtmTemplate(organisation.value(), template);
        events.publishEvent(
                new UtmTemplateChanged(Actor.current(), organisation.value(), before.asMap(), template.asMap()));
    }

    private void requireAdmin(OrganisationId organisation) {
        if (!access.currentUserCan(Role.ADMIN, organisation)) {
            throw new NotFoundException("organisation");
        }
    }

    /** What happens when someone follows a short link. */
    public sealed interface Visit {
        /** Go on to the target (with its campaign parameters) once the click is stored. */
        record Redirect(String location, Click click) implements Visit {}

        /** The campaign has ended: show a page with a way on to the organisation's site. */
        record Ended(String site, LocalDate endedOn) implements Visit {}

        record Unknown() implements Visit {}
    }

    /**
     * Follows a link. Previews (bots, link-preview fetchers, HEAD requests) are stored as previews, never as clicks.
     * A redirect carries the click to store ({@link #store} or {@link #storeNow}) before answering.
     */
    public Visit visit(String code, boolean head, @Nullable String userAgent, String address) {
        if (!LinkCodes.wellFormed(code)) {
            return new Visit.Unknown();
        }
        Instant now = clock.instant();
        Hot hot = hot(code, now);
        if (hot == null) {
            return new Visit.Unknown();
        }
        Link link = hot.link();
        LocalDate today = LocalDate.ofInstant(now, Links.BRUSSELS);
        CampaignFacts facts = hot.facts();
        if (facts == null || facts.endsOn().isBefore(today)) {
            URI target = URI.create(link.target());
            String site = target.getScheme() + "://" + target.getRawAuthority() + "/";
            return new Visit.Ended(site, facts == null ? today : facts.endsOn());
        }
        boolean preview = head || PreviewAgents.isPreview(userAgent);
        byte[] visitor = visitors.hash(today, address, userAgent);
        return new Visit.Redirect(hot.location(), new Click(code, now, preview, visitor));
    }

    /**
     * Stores a click by group commit with the clicks of other requests: the future completes once it is committed, or
     * fails within the commit timeout.
     */
    public CompletableFuture<Void> store(Click click) {
        return writer.write(click);
    }

    /**
     * Stores clicks at once on the caller's thread (one COPY, one commit); fails if that takes longer than the commit
     * timeout. For a caller that gathers its own batches, like the short-link listener.
     */
    public void storeNow(List<Click> clicks) throws SQLException {
        writer.storeNow(clicks);
    }

    /**
     * A followed link, where it leads (target and campaign parameters) and its campaign's facts, kept for
     * {@link #HOT_FOR} (links never change once created).
     */
    private record Hot(Link link, String location, @Nullable CampaignFacts facts, Instant until) {}

    /** How long a followed link's campaign facts (its end date) may be stale. */
    static final Duration HOT_FOR = Duration.ofSeconds(30);

    private static final int HOT_MAX = 10_000;

    private final ConcurrentMap<String, Hot> hot = new ConcurrentHashMap<>();

    /**
     * The link and its campaign's facts from memory, else from the database: the redirect then reads nothing but the
     * queue of clicks. Unknown codes are not remembered, so guessing codes cannot fill the memory.
     */
    private @Nullable Hot hot(String code, Instant now) {
        Hot known = hot.get(code);
        if (known != null && known.until().isAfter(now)) {
            return known;
        }
        Link link = links.find(code).orElse(null);
        if (link == null) {
            return null;
        }
        Hot fresh = new Hot(
                link,
                Utm.apply(link.target(), Utm.parse(link.utmQuery())),
                campaigns.facts(link.campaign()).orElse(null),
                now.plus(HOT_FOR));
        if (hot.size() >= HOT_MAX) {
            hot.clear();
        }
        hot.put(code, fresh);
        return fresh;
    }

    /** A link, if the current user may read its campaign. */
    @Transactional(readOnly = true)
    public Link readable(String code) {
        Link link = (LinkCodes.wellFormed(code) ? links.find(code) : Optional.<Link>empty())
                .orElseThrow(() -> new NotFoundException("link"));
        requireReader(new OrganisationId(link.organisationId()), "link");
        return link;
    }

    private void requireReader(OrganisationId organisation, String what) {
        if (READERS.stream().noneMatch(role -> access.currentUserCan(role, organisation))) {
            throw new NotFoundException(what);
        }
    }

    /** The statistics of one link. */
    @Transactional(readOnly = true)
    public LinkStats stats(String code) {
        Link link = readable(code);
        List<LinkStats.Day> days = clicks.byDay(List.of(code));
        Clicks.Totals totals = Clicks.total(days);
        return new LinkStats(
                totals.clicks(),
                totals.uniqueVisitors(),
                totals.previews(),
                days,
                Map.of(link.channel().code(), totals.clicks()));
    }

    /** A campaign's links with their counts, for the campaign's readers. */
    public record LinkSummary(Link link, String shortUrl, long clicks, long uniqueVisitors, long previews) {}

    /** The campaign (if the current user may read it) and its links with their counts. */
    @Transactional(readOnly = true)
    public List<LinkSummary> ofCampaign(CampaignId campaignId) {
        CampaignFacts campaign = campaign(campaignId);
        requireReader(campaign.organisation(), "campaign");
        List<Link> all = links.ofCampaign(campaignId);
        Map<String, Clicks.Totals> counts =
                clicks.perCode(all.stream().map(Link::code).toList());
        return all.stream()
                .map(l -> {
                    Clicks.Totals t = counts.getOrDefault(l.code(), new Clicks.Totals(0, 0, 0));
                    return new LinkSummary(l, shortUrl(l.code()), t.clicks(), t.uniqueVisitors(), t.previews());
                })
                .toList();
    }

    /** The campaign's facts, if the current user may read it. */
    public CampaignFacts campaign(CampaignId campaignId) {
        CampaignFacts campaign = campaigns.facts(campaignId).orElseThrow(() -> new NotFoundException("campaign"));
        requireReader(campaign.organisation(), "campaign");
        return campaign;
    }

    /** Whether the current user may create links for the campaign. */
    public boolean canCreate(CampaignFacts campaign) {
        return access.currentUserCan(Role.COMMUNICATOR, campaign.organisation());
    }
}
