package eu.herald.inbox.triage;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A moderator corrected a triage verdict. The text itself (a citizen's words) stays out of the audit trail. */
public record TriageCorrectionRecorded(
        Actor actor,
        long correctionId,
        Language language,
        Category category,
        @Nullable Category predicted) implements AuditableEvent {

    @Override
    public String action() {
        return "inbox.triage.correction.recorded";
    }

    @Override
    public @Nullable UUID organisationId() {
        return null;
    }

    @Override
    public String subjectType() {
        return "triage-correction";
    }

    @Override
    public String subjectId() {
        return Long.toString(correctionId);
    }

    @Override
    public Map<String, Object> after() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("language", language.code());
        after.put("category", category.name());
        if (predicted != null) {
            after.put("predicted", predicted.name());
        }
        return after;
    }
}
