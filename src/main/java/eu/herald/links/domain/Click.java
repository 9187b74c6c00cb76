package eu.herald.links.domain;

import java.time.Instant;

/** One visit of a short link: a click or a preview, with the day's visitor hash (never the address). */
public record Click(String code, Instant at, boolean preview, byte[] visitor) {}
