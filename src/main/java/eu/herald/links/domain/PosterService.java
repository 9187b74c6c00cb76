package eu.herald.links.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.campaigns.CampaignDirectory;
import eu.herald.campaigns.CampaignFacts;
import eu.herald.campaigns.CampaignId;
import eu.herald.campaigns.VariantId;
import eu.herald.campaigns.VariantText;
import eu.herald.common.Actor;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A poster run: one or two variants of a campaign (e.g. nl and fr for Brussels), printed for many locations, each
 * page with its own tracked link (channel POSTER, the location recorded) so clicks per location are known.
 */
@Service
public class PosterService {

    static final int MAX_LOCATIONS = 50;

    /** What a communicator asks for. */
    public record PosterRequest(
            CampaignId campaign,
            List<VariantId> variants,
            PosterPaper paper,
            List<String> locations,
            @Nullable String target,
            @Nullable String contact) {}

    /** The PDF (one page per location) and the run it is kept as. */
    public record Poster(UUID run, byte[] pdf) {}

    /** A poster run printed before: when, on what paper, in which languages, and each location's link and counts. */
    public record PosterRun(
            UUID id,
            Instant printedAt,
            PosterPaper paper,
            List<Language> languages,
            List<LinkService.LinkSummary> locations) {}

    /** A poster run's PDF as it was printed. */
    public record PrintedRun(CampaignFacts campaign, PosterPaper paper, byte[] pdf) {}

    private final LinkService links;
    private final Links store;
    private final CampaignDirectory campaigns;
    private final Access access;
    private final MessageSource messages;
    private final PosterPdf pdf;

    PosterService(
            LinkService links,
            Links store,
            CampaignDirectory campaigns,
            Access access,
            MessageSource messages,
            LinksProperties properties) {
        this.links = links;
        this.store = store;
        this.campaigns = campaigns;
        this.access = access;
        this.messages = messages;
        this.pdf = new PosterPdf(Path.of(properties.posterFont()), Path.of(properties.posterBoldFont()));
    }

    /** The campaign's variants a poster can be printed from (those with a text). */
    @Transactional(readOnly = true)
    public List<VariantText> printable(CampaignId campaign) {
        links.campaign(campaign);
        return campaigns.variants(campaign).stream()
                .filter(v -> !v.text().isBlank())
                .toList();
    }

    /**
     * Creates a tracked link per location, lays out the poster and keeps the run as printed, so it can be downloaded
     * again with the same links.
     */
    @Transactional
    public Poster print(PosterRequest request) {
        CampaignFacts campaign = links.campaign(request.campaign());
        if (!links.canCreate(campaign)) {
            throw new NotFoundException("campaign");
        }
        LinkedHashSet<VariantId> wanted = new LinkedHashSet<>(request.variants());
        if (wanted.isEmpty() || wanted.size() > 2) {
            throw new RefusedException("links.poster.variants");
        }
        Map<VariantId, VariantText> all = campaigns.variants(request.campaign()).stream()
                .collect(Collectors.toMap(VariantText::id, Function.identity()));
        List<VariantText> variants = new ArrayList<>();
        for (VariantId id : wanted) {
            VariantText v = all.get(id);
            if (v == null) {
                throw new RefusedException("links.variant.unknown");
            }
            variants.add(v);
        }
        if (variants.stream().map(VariantText::language).distinct().count() != variants.size()) {
            throw new RefusedException("links.poster.languages");
        }
        LinkedHashSet<String> locations = new LinkedHashSet<>();
        for (String location : request.locations()) {
            String place = location.strip();
            if (place.length() > 100) {
                throw new RefusedException("links.location.tooLong");
            }
            if (!place.isEmpty()) {
                locations.add(place);
            }
        }
        if (locations.isEmpty()) {
            throw new RefusedException("links.poster.locations");
        }
        if (locations.size() > MAX_LOCATIONS) {
            throw new RefusedException("links.poster.tooMany", MAX_LOCATIONS);
        }
        String contact = request.contact() == null || request.contact().isBlank()
                ? null
                : request.contact().strip();
        if (contact != null && contact.length() > 200) {
            throw new RefusedException("links.poster.contactTooLong");
        }
        String target = request.target() == null || request.target().isBlank()
                ? variants.stream()
                        .flatMap(v -> TextLinks.in(v.text()).stream())
                        .findFirst()
                        .orElseThrow(() -> new RefusedException("links.poster.noTarget"))
                : request.target().strip();
        // the link belongs to the first variant if that is a poster variant (a link's variant is on its channel)
        VariantText first = variants.getFirst();
        OrganisationSummary organisation =
                access.organisation(campaign.organisation()).orElseThrow(() -> new NotFoundException("campaign"));
        List<Link> created = new ArrayList<>();
        List<PosterPdf.Page> pages = new ArrayList<>();
        for (String place : locations) {
            Link link = links.create(
                    target,
                    request.campaign(),
                    Channel.POSTER,
                    first.channel() == Channel.POSTER ? first.id().value() : null,
                    place);
            created.add(link);
            String shortUrl = links.shortUrl(link.code());
            List<PosterPdf.Panel> panels =
                    variants.stream().map(v -> panel(v, organisation, shortUrl)).toList();
            pages.add(new PosterPdf.Page(place, shortUrl, panels));
        }
        // the first chosen variant's uploaded image (else the second's), and the organisation's logo
        PosterPdf.Picture image = variants.stream()
                .flatMap(v -> campaigns.image(v.id()).stream())
                .findFirst()
                .map(f -> new PosterPdf.Picture(f.fileName(), f.content()))
                .orElse(null);
        PosterPdf.Picture logo = access.logo(campaign.organisation())
                .map(l -> new PosterPdf.Picture(l.fileName(), l.content()))
                .orElse(null);
        byte[] printed = pdf.render(request.paper(), campaign.title(), contact, pages, image, logo);
        Links.Run run = new Links.Run(
                UUID.randomUUID(),
                campaign.id(),
                request.paper(),
                variants.stream().map(v -> v.language().code()).collect(Collectors.joining(" ")),
                Instant.now());
        store.insertRun(
                run,
                campaign.organisation().value(),
                printed,
                Actor.current().userId(),
                created.stream().map(Link::code).toList());
        return new Poster(run.id(), printed);
    }

    /** The campaign's poster runs, the latest first, with each location's counts (for the campaign's readers). */
    @Transactional(readOnly = true)
    public List<PosterRun> runs(CampaignId campaign) {
        Map<String, LinkService.LinkSummary> byCode = links.ofCampaign(campaign).stream()
                .collect(Collectors.toMap(l -> l.link().code(), Function.identity()));
        Map<UUID, List<String>> codes = store.runCodes(campaign);
        return store.runs(campaign).stream()
                .map(run -> new PosterRun(
                        run.id(),
                        run.printedAt(),
                        run.paper(),
                        Arrays.stream(run.languages().split(" "))
                                .map(code -> Language.fromCode(code).orElseThrow())
                                .toList(),
                        codes.getOrDefault(run.id(), List.of()).stream()
                                .map(byCode::get)
                                .filter(Objects::nonNull)
                                .toList()))
                .toList();
    }

    /** A poster run's PDF as printed, for the readers of its campaign. */
    @Transactional(readOnly = true)
    public PrintedRun printed(UUID run) {
        Links.Run found = store.run(run).orElseThrow(() -> new NotFoundException("poster"));
        CampaignFacts campaign = links.campaign(found.campaign());
        return new PrintedRun(campaign, found.paper(), store.runPdf(run));
    }

    /** A column: the first line is the headline when more follows; addresses in the text become the short link. */
    private PosterPdf.Panel panel(VariantText variant, OrganisationSummary organisation, String shortUrl) {
        String text = TextLinks.replaceAll(variant.text().strip(), shortUrl);
        String[] parts = text.split("\\R", 2);
        boolean headline = parts.length == 2 && !parts[1].isBlank() && parts[0].length() <= 120;
        return new PosterPdf.Panel(
                organisation.name(variant.language()),
                headline ? parts[0].strip() : "",
                headline ? parts[1].strip() : text,
                messages.getMessage(
                        "links.poster.scan", null, variant.language().locale()));
    }
}
