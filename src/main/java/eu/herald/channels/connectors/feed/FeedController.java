package eu.herald.channels.connectors.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.common.Language;
import eu.herald.common.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * The public feeds (no sign-in): {@code /feeds/{organisationId}.atom} and {@code .rss}, optionally {@code ?theme=} and
 * {@code ?audience=}; the newest 50 entries, with an ETag and Last-Modified so readers polling often cost little.
 */
@Controller
class FeedController {

    static final int ENTRIES = 50;

    private final FeedEntries entries;
    private final FeedConnector feeds;
    private final Access access;
    private final MessageSource messages;

    FeedController(FeedEntries entries, FeedConnector feeds, Access access, MessageSource messages) {
        this.entries = entries;
        this.feeds = feeds;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/feeds/{organisation}.atom")
    ResponseEntity<String> atom(
            @PathVariable String organisation,
            @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String audience,
            WebRequest request) {
        return feed(organisation, theme, audience, "atom_1.0", "atom", "application/atom+xml", request);
    }

    @GetMapping("/feeds/{organisation}.rss")
    ResponseEntity<String> rss(
            @PathVariable String organisation,
            @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String audience,
            WebRequest request) {
        return feed(organisation, theme, audience, "rss_2.0", "rss", "application/rss+xml", request);
    }

    private ResponseEntity<String> feed(
            String id,
            @Nullable String theme,
            @Nullable String audience,
            String feedType,
            String format,
            String mediaType,
            WebRequest request) {
        UUID organisationId;
        try {
            organisationId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("feed");
        }
        OrganisationSummary organisation = access.organisation(new OrganisationId(organisationId))
                .filter(OrganisationSummary::active)
                .filter(o -> entries.hasFeed(organisationId))
                .orElseThrow(() -> new NotFoundException("feed"));
        String themeFilter = blankToNull(theme);
        String audienceFilter = blankToNull(audience);
        List<FeedEntry> newest = entries.newest(organisationId, themeFilter, audienceFilter, ENTRIES);
        Instant updated = newest.isEmpty() ? Instant.EPOCH : newest.getFirst().publishedAt();
        String etag = etag(format, themeFilter, audienceFilter, newest);
        if (request.checkNotModified(etag, updated.toEpochMilli())) {
            return null;
        }
        Language language = organisation.officialLanguages().isEmpty()
                ? Language.EN
                : organisation.officialLanguages().getFirst();
        Locale locale = language.locale();
        String name = entries.title(organisationId).orElse(organisation.name(language));
        String self = feeds.feedUrl(organisationId, format) + query(themeFilter, audienceFilter);

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(feedType);
        feed.setTitle(messages.getMessage("channels.feed.title", new Object[] {name}, locale));
        feed.setDescription(messages.getMessage("channels.feed.description", new Object[] {name}, locale));
        feed.setLink(self);
        feed.setUri("urn:uuid:" + organisationId);
        feed.setLanguage(language.code());
        feed.setPublishedDate(Date.from(updated));
        SyndLink selfLink = new SyndLinkImpl();
        selfLink.setRel("self");
        selfLink.setHref(self);
        selfLink.setType(mediaType);
        feed.setLinks(List.of(selfLink));
        List<SyndEntry> items = new ArrayList<>();
        for (FeedEntry entry : newest) {
            SyndEntry item = new SyndEntryImpl();
            item.setTitle(entry.title());
            item.setUri("urn:uuid:" + entry.id());
            item.setLink(
                    entry.link() != null ? entry.link() : feeds.feedUrl(organisationId, "atom") + "#" + entry.id());
            item.setPublishedDate(Date.from(entry.publishedAt()));
            item.setUpdatedDate(Date.from(entry.publishedAt()));
            SyndContent content = new SyndContentImpl();
            content.setType("text/plain");
            content.setValue(entry.text());
            item.setDescription(content);
            List<SyndCategory> categories = new ArrayList<>();
            if (entry.theme() != null) {
                categories.add(category("theme:" + entry.theme()));
            }
            entry.audiences().forEach(a -> categories.add(category("audience:" + a)));
            categories.add(category("language:" + entry.language()));
            item.setCategories(categories);
            items.add(item);
        }
        feed.setEntries(items);
        String xml;
        try {
            xml = new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("The feed could not be written", e);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(mediaType), StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache().cachePublic())
                .eTag(etag)
                .lastModified(updated)
                .body(xml);
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        return category;
    }

    private static String query(@Nullable String theme, @Nullable String audience) {
        List<String> parts = new ArrayList<>();
        if (theme != null) {
            parts.add("theme=" + java.net.URLEncoder.encode(theme, StandardCharsets.UTF_8));
        }
        if (audience != null) {
            parts.add("audience=" + java.net.URLEncoder.encode(audience, StandardCharsets.UTF_8));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String etag(String format, @Nullable String theme, @Nullable String audience, List<FeedEntry> list) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((format + "|" + theme + "|" + audience).getBytes(StandardCharsets.UTF_8));
            for (FeedEntry entry : list) {
                digest.update((entry.id() + "@" + entry.publishedAt()).getBytes(StandardCharsets.UTF_8));
            }
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
