package eu.herald.partners.domain;

import eu.herald.common.Language;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a resource's author writes: the same for a new resource and for a new version. */
public record ResourceDraft(
        String title,
        String description,
        String body,
        String category,
        List<String> tags,
        Language language,
        ResourceKind kind,
        @Nullable String url,
        @Nullable LocalDate reviewDate,
        NeedToKnow needToKnow) {}
