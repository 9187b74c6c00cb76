package eu.herald.audiences.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares the areas Herald has with a new official list: the report to show, and the writes that apply it. */
public record AreaDiff(
        ImportReport report, List<StoredArea> inserts, List<StoredArea> updates, List<String> retirements) {

    public static AreaDiff between(Collection<StoredArea> current, List<AreaLine> incoming) {
        Map<String, StoredArea> known = new LinkedHashMap<>();
        current.forEach(area -> known.put(area.nisCode(), area));
        List<AreaChange> added = new ArrayList<>();
        List<AreaChange> renamed = new ArrayList<>();
        List<AreaChange> postcodes = new ArrayList<>();
        List<AreaChange> languages = new ArrayList<>();
        List<AreaChange> reinstated = new ArrayList<>();
        List<StoredArea> inserts = new ArrayList<>();
        List<StoredArea> updates = new ArrayList<>();
        int unchanged = 0;
        for (AreaLine line : incoming) {
            StoredArea after = StoredArea.of(line);
            StoredArea before = known.get(line.nisCode());
            if (before == null) {
                added.add(new AreaChange(line.nisCode(), null, after));
                inserts.add(after);
                continue;
            }
            AreaChange change = new AreaChange(line.nisCode(), before, after);
            boolean changed = false;
            if (before.retired()) {
                reinstated.add(change);
                changed = true;
            }
            if (!before.names().equals(after.names())) {
                renamed.add(change);
                changed = true;
            }
            if (!before.postcodes().equals(after.postcodes())) {
                postcodes.add(change);
                changed = true;
            }
            if (!before.officialLanguages().equals(after.officialLanguages()) || before.region() != after.region()) {
                languages.add(change);
                changed = true;
            }
            if (changed) {
                updates.add(after);
            } else {
                unchanged++;
            }
        }
        Set<String> listed = incoming.stream().map(AreaLine::nisCode).collect(Collectors.toSet());
        List<AreaChange> retired = known.values().stream()
                .filter(area -> !area.retired() && !listed.contains(area.nisCode()))
                .map(area -> new AreaChange(area.nisCode(), area, null))
                .toList();
        Comparator<AreaChange> byCode = Comparator.comparing(AreaChange::nisCode);
        ImportReport report = new ImportReport(
                incoming.size(),
                sorted(added, byCode),
                sorted(renamed, byCode),
                sorted(postcodes, byCode),
                sorted(languages, byCode),
                sorted(retired, byCode),
                sorted(reinstated, byCode),
                unchanged);
        return new AreaDiff(
                report,
                inserts,
                updates,
                report.retired().stream().map(AreaChange::nisCode).toList());
    }

    private static List<AreaChange> sorted(List<AreaChange> changes, Comparator<AreaChange> order) {
        return changes.stream().sorted(order).toList();
    }
}
