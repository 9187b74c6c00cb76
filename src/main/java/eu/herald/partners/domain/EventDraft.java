package eu.herald.partners.domain;

import eu.herald.common.Language;
import java.time.LocalDateTime;

/** A new event as its organiser writes it; start and end are Brussels wall-clock times. */
public record EventDraft(
        EventKind kind,
        String title,
        String description,
        String place,
        LocalDateTime start,
        LocalDateTime end,
        int capacity,
        Language language) {}
