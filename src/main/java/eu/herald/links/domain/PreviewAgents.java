package eu.herald.links.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Recognises link-preview fetchers and bots by their user agent, from the documented list in
 * {@code links/preview-agents.txt}. A request without a user agent is a preview too: browsers always send one.
 */
public final class PreviewAgents {

    private static final List<String> MARKERS = load();

    private PreviewAgents() {}

    /** Verdicts on recent user agents: a busy link is followed by few distinct ones, and a verdict never changes. */
    private static final ConcurrentMap<String, Boolean> SEEN = new ConcurrentHashMap<>();

    private static final int SEEN_MAX = 10_000;
    private static final int SEEN_LONGEST = 512;

    public static boolean isPreview(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        if (userAgent.length() > SEEN_LONGEST) {
            return matches(userAgent);
        }
        Boolean seen = SEEN.get(userAgent);
        if (seen == null) {
            seen = matches(userAgent);
            if (SEEN.size() >= SEEN_MAX) {
                SEEN.clear();
            }
            SEEN.put(userAgent, seen);
        }
        return seen;
    }

    private static boolean matches(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (ua.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> load() {
        try (InputStream in = PreviewAgents.class.getResourceAsStream("/links/preview-agents.txt")) {
            if (in == null) {
                throw new IllegalStateException("links/preview-agents.txt is missing");
            }
            List<String> markers = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String marker = line.strip().toLowerCase(Locale.ROOT);
                if (!marker.isEmpty() && !marker.startsWith("#")) {
                    markers.add(marker);
                }
            }
            return List.copyOf(markers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
