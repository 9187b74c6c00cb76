package eu.herald.audiences;

import eu.herald.common.Actor;
import eu.herald.common.AuditableEvent;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new official list of municipalities was applied: areas added, renamed, retired (kept, so that campaigns keep
 * their references) or reinstated. {@code summary} has the counts and the NIS codes concerned.
 */
public record AreasImported(Actor actor, UUID importId, String fileName, long revision, Map<String, Object> summary)
        implements AuditableEvent {

    @Override
    public String action() {
        return "audiences.areas.imported";
    }

    @Override
    public @Nullable UUID organisationId() {
        return null;
    }

    @Override
    public String subjectType() {
        return "area-import";
    }

    @Override
    public String subjectId() {
        return importId.toString();
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("fileName", fileName, "revision", revision, "summary", summary);
    }
}
