package eu.herald.partners.domain;

import java.time.Instant;
import java.util.UUID;

/** An answer to a question. */
public record Answer(
        UUID id, UUID questionId, UUID authorId, String authorName, String body, boolean hidden, Instant createdAt) {}
