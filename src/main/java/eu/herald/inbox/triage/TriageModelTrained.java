package eu.herald.inbox.triage;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new version of the triage model was trained and scored on the held-out corpus; {@code activated} says whether
 * it now decides (it does only when it is not worse than the version it would replace; {@code note} says why not).
 */
public record TriageModelTrained(
        Actor actor,
        int version,
        boolean activated,
        int trainingSize,
        int correctionsUsed,
        double macroF1,
        double emergencyRecall,
        @Nullable String note,
        @Nullable String reason)
        implements AuditableEvent {

    @Override
    public String action() {
        return activated ? "inbox.triage.model.activated" : "inbox.triage.model.rejected";
    }

    @Override
    public @Nullable UUID organisationId() {
        return null;
    }

    @Override
    public String subjectType() {
        return "triage-model";
    }

    @Override
    public String subjectId() {
        return Integer.toString(version);
    }

    @Override
    public Map<String, Object> after() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", version);
        after.put("activated", activated);
        after.put("trainingSize", trainingSize);
        after.put("correctionsUsed", correctionsUsed);
        after.put("macroF1", Math.round(macroF1 * 1000) / 1000.0);
        after.put("emergencyRecall", Math.round(emergencyRecall * 1000) / 1000.0);
        if (note != null) {
            after.put("note", note);
        }
        if (reason != null) {
            after.put("reason", reason);
        }
        return after;
    }
}
