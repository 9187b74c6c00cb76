package eu.herald.guardrails;

import org.jspecify.annotations.Nullable;

/**
 * A text's length as the channel counts it ({@code unit}: weighted characters for X, graphemes for Bluesky,
 * characters, or SMS segments), against the channel's limit (none for posters, press releases and web pages).
 */
public record Length(int used, @Nullable Integer limit, Unit unit) {

    public enum Unit {
        WEIGHTED_CHARACTERS,
        CHARACTERS,
        GRAPHEMES,
        SEGMENTS
    }

    public boolean exceeded() {
        return limit != null && used > limit;
    }
}
