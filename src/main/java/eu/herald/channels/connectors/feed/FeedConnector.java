package eu.herald.channels.connectors.feed;

import eu.herald.channels.ChannelType;
import eu.herald.channels.ConnectorException;
import eu.herald.channels.Post;
import eu.herald.channels.PostMetrics;
import eu.herald.channels.Published;
import eu.herald.channels.Reaction;
import eu.herald.channels.ReactionPage;
import eu.herald.channels.connectors.ConnectedAccount;
import eu.herald.channels.connectors.Connector;
import eu.herald.channels.connectors.Health;
import eu.herald.common.HeraldProperties;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The organisation's public RSS and Atom feeds: publishing adds an entry (once per idempotency key), filed by the
 * post's {@code theme} and {@code audiences} (comma-separated) context, so websites, teletext desks and feed readers
 * can subscribe per theme and audience. Removing takes the entry out of the feeds.
 */
@Component
public class FeedConnector implements Connector {

    static final int TITLE_LENGTH = 120;

    private final FeedEntries entries;
    private final HeraldProperties herald;
    private final Clock clock = Clock.systemUTC();

    FeedConnector(FeedEntries entries, HeraldProperties herald) {
        this.entries = entries;
        this.herald = herald;
    }

    @Override
    public ChannelType type() {
        return ChannelType.FEED;
    }

    @Override
    public Published publish(ConnectedAccount account, Post post) {
        String theme = blankToNull(post.context().get("theme"));
        List<String> audiences = Arrays.stream(
                        post.context().getOrDefault("audiences", "").split(","))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
        String link = post.link() != null && post.link().matches("^https?://.*") ? post.link() : null;
        FeedEntry entry = entries.add(
                new FeedEntry(
                        UUID.randomUUID(),
                        account.account().id().value(),
                        post.idempotencyKey(),
                        title(post),
                        post.text(),
                        link,
                        post.language().code(),
                        theme,
                        audiences,
                        clock.instant()),
                account.account().organisation().value());
        return published(account, entry);
    }

    @Override
    public Optional<Published> find(ConnectedAccount account, Post post) {
        return entries.byKey(account.account().id().value(), post.idempotencyKey())
                .map(entry -> published(account, entry));
    }

    @Override
    public void remove(ConnectedAccount account, String externalId) {
        try {
            entries.remove(account.account().id().value(), UUID.fromString(externalId), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException.Permanent("No feed entry " + externalId, false, e);
        }
    }

    @Override
    public ReactionPage reactions(ConnectedAccount account, @Nullable String cursor) {
        throw new UnsupportedOperationException("A feed has no reactions");
    }

    @Override
    public Published reply(ConnectedAccount account, Reaction inReplyTo, String text, String idempotencyKey) {
        throw new UnsupportedOperationException("A feed has no reactions");
    }

    @Override
    public boolean hide(ConnectedAccount account, String reactionExternalId) {
        return false;
    }

    @Override
    public List<Reaction> search(ConnectedAccount account, String query) {
        throw new UnsupportedOperationException("A feed cannot be searched");
    }

    @Override
    public PostMetrics metrics(ConnectedAccount account, String externalId) {
        throw new UnsupportedOperationException("Feeds are read anonymously: there are no metrics");
    }

    /** A feed is served by Herald itself: its health is its address. */
    @Override
    public Health check(ConnectedAccount account) {
        String atom = feedUrl(account.account().organisation().value(), "atom");
        return new Health(atom, atom, null, null, null);
    }

    /** The public address of an organisation's feed ({@code atom} or {@code rss}). */
    public String feedUrl(UUID organisation, String format) {
        String base = herald.publicBaseUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/feeds/" + organisation + "."
                + format;
    }

    private Published published(ConnectedAccount account, FeedEntry entry) {
        String url = entry.link() != null
                ? entry.link()
                : feedUrl(account.account().organisation().value(), "atom") + "#" + entry.id();
        return new Published(entry.id().toString(), url);
    }

    private static String title(Post post) {
        String title = post.title() != null && !post.title().isBlank()
                ? post.title().strip()
                : post.text().strip().lines().findFirst().orElse("").strip();
        if (title.isEmpty()) {
            title = "—";
        }
        return title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH - 1) + "…" : title;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
