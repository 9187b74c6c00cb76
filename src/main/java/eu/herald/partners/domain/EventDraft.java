package eu.herald.partners.domain;

import eu.herald.common.Language;
import java.time.LocalDateTime;

/**
 * A new event as its organiser writes it; start and end are Brussels wall-clock times; a member sees it only if their
 * need-to-know level covers {@code needToKnow}.
 */
public record EventDraft(
        EventKind kind,
        String title,
        String description,
        String place,
        LocalDateTime start,
        LocalDateTime end,
        int capacity,
        Language language,
        NeedToKnow needToKnow) {}
