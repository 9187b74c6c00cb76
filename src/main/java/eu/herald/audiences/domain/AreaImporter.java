package eu.herald.audiences.domain;

import eu.herald.audiences.AreasImported;
import eu.herald.common.Actor;
import eu.herald.common.NotFoundException;
import eu.herald.common.RefusedException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports an official list of municipalities: every line checked, a report of what would change shown first, then
 * applied in one transaction on confirmation — all of it or nothing. Areas missing from the new list are retired,
 * not deleted. Each report is made against a revision of the list; applying onto another revision is refused, so
 * what is applied is always what was shown.
 */
@Service
public class AreaImporter {

    /** A file read and compared with the current list; {@code report} is null when the file has errors. */
    public record Checked(AreaFile.Parsed parsed, @Nullable ImportReport report, long revision) {

        public boolean valid() {
            return parsed.valid() && report != null;
        }
    }

    /** A file held for review: {@code id} is null when it was refused for its errors. */
    public record Held(@Nullable UUID id, Checked checked) {}

    /** A held file with its report against the current list. */
    public record Review(UUID id, String fileName, Instant uploadedAt, Checked checked) {}

    /** An applied list: what it changed, and the list's new revision. */
    public record Applied(UUID id, ImportReport report, long revision) {}

    /** The outcome of a one-step import: applied, or refused for the file's errors (then nothing changed). */
    public record Outcome(Checked checked, @Nullable Applied applied) {}

    /** An earlier upload, for the list of recent imports. */
    public record PastImport(
            UUID id,
            String fileName,
            String status,
            Instant uploadedAt,
            @Nullable Instant decidedAt) {}

    private final Areas areas;
    private final AreaImports imports;
    private final NationalAdmin admin;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    AreaImporter(
            Areas areas, AreaImports imports, NationalAdmin admin, ApplicationEventPublisher events, JsonMapper json) {
        this.areas = areas;
        this.imports = imports;
        this.admin = admin;
        this.events = events;
        this.json = json;
    }

    /** Reads the file and compares it with the current list; changes nothing. */
    @Transactional(readOnly = true)
    public Checked check(byte[] content) {
        admin.require();
        return compare(content, areas.revision());
    }

    /** Keeps a valid file for review (its report is on the next page); a file with errors is not kept. */
    @Transactional
    public Held hold(String fileName, byte[] content) {
        admin.require();
        Checked checked = compare(content, areas.revision());
        if (!checked.valid()) {
            return new Held(null, checked);
        }
        UUID id = UUID.randomUUID();
        imports.holdPending(
                id,
                name(fileName),
                new String(content, StandardCharsets.UTF_8),
                Actor.current().userId());
        return new Held(id, checked);
    }

    /** A held file and what it would change now. */
    @Transactional(readOnly = true)
    public Review review(UUID id) {
        admin.require();
        AreaImports.Upload upload = pending(imports.find(id).orElseThrow(() -> new NotFoundException("import")));
        return new Review(id, upload.fileName(), upload.uploadedAt(), compare(bytes(upload), areas.revision()));
    }

    /** Applies a held file, if the list is still at the revision its report was read against. */
    @Transactional
    public Applied apply(UUID id, long expectedRevision) {
        admin.require();
        AreaImports.Upload upload = pending(imports.lock(id).orElseThrow(() -> new NotFoundException("import")));
        long revision = areas.lockRevision();
        if (revision != expectedRevision) {
            throw new RefusedException("audiences.import.error.stale");
        }
        Checked checked = compare(bytes(upload), revision);
        if (!checked.valid()) {
            throw new RefusedException("audiences.import.error.invalid");
        }
        Applied applied = write(id, upload.fileName(), checked);
        imports.markApplied(id, Actor.current().userId(), summary(checked.report()));
        return applied;
    }

    /**
     * Checks and applies a file in one step (the API): nothing is written when a line has an error, or when
     * {@code expectedRevision} is given and the list has moved on since.
     */
    @Transactional
    public Outcome importNow(String fileName, byte[] content, @Nullable Long expectedRevision) {
        admin.require();
        long revision = areas.lockRevision();
        if (expectedRevision != null && revision != expectedRevision) {
            throw new RefusedException("audiences.import.error.stale");
        }
        Checked checked = compare(content, revision);
        if (!checked.valid()) {
            return new Outcome(checked, null);
        }
        UUID id = UUID.randomUUID();
        Applied applied = write(id, name(fileName), checked);
        imports.recordApplied(
                id,
                name(fileName),
                new String(content, StandardCharsets.UTF_8),
                Actor.current().userId(),
                summary(checked.report()));
        return new Outcome(checked, applied);
    }

    @Transactional
    public void discard(UUID id) {
        admin.require();
        pending(imports.lock(id).orElseThrow(() -> new NotFoundException("import")));
        imports.markDiscarded(id, Actor.current().userId());
    }

    @Transactional(readOnly = true)
    public List<PastImport> recent() {
        admin.require();
        return imports.recent(10).stream()
                .map(u -> new PastImport(u.id(), u.fileName(), u.status(), u.uploadedAt(), u.decidedAt()))
                .toList();
    }

    private Checked compare(byte[] content, long revision) {
        AreaFile.Parsed parsed = AreaFile.parse(content);
        if (!parsed.valid()) {
            return new Checked(parsed, null, revision);
        }
        return new Checked(parsed, AreaDiff.between(areas.all(), parsed.areas()).report(), revision);
    }

    private Applied write(UUID id, String fileName, Checked checked) {
        AreaDiff diff = AreaDiff.between(areas.all(), checked.parsed().areas());
        diff.inserts().forEach(areas::insert);
        diff.updates().forEach(areas::update);
        areas.retire(diff.retirements());
        long revision = areas.raiseRevision();
        events.publishEvent(new AreasImported(
                Actor.current(), id, fileName, revision, diff.report().audit()));
        return new Applied(id, diff.report(), revision);
    }

    private String summary(@Nullable ImportReport report) {
        return json.writeValueAsString(report == null ? Map.of() : report.counts());
    }

    private static AreaImports.Upload pending(AreaImports.Upload upload) {
        if (!"PENDING".equals(upload.status()) || upload.content() == null) {
            throw new RefusedException("audiences.import.error.notPending");
        }
        return upload;
    }

    private static byte[] bytes(AreaImports.Upload upload) {
        return upload.content() == null ? new byte[0] : upload.content().getBytes(StandardCharsets.UTF_8);
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "areas.csv" : fileName.trim();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
