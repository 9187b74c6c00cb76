package eu.herald.campaigns.domain;

import java.time.Instant;
import java.util.UUID;

/** A remark on a message, e.g. why changes are requested. */
public record Comment(UUID id, UUID authorId, String authorName, String body, Instant createdAt) {}
