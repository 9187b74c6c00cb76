package eu.herald.audiences.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an imported list changes, shown before it is applied: municipalities added, renamed, with other postcodes or
 * official languages, missing from the new list (retired), back on it (reinstated), and how many stay as they are.
 * An area can be renamed and get other postcodes at once: it is then in both lists.
 */
public record ImportReport(
        int areasInFile,
        List<AreaChange> added,
        List<AreaChange> renamed,
        List<AreaChange> postcodesChanged,
        List<AreaChange> languagesChanged,
        List<AreaChange> retired,
        List<AreaChange> reinstated,
        int unchanged) {

    public ImportReport {
        added = List.copyOf(added);
        renamed = List.copyOf(renamed);
        postcodesChanged = List.copyOf(postcodesChanged);
        languagesChanged = List.copyOf(languagesChanged);
        retired = List.copyOf(retired);
        reinstated = List.copyOf(reinstated);
    }

    /** True when applying would change nothing. */
    public boolean changesNothing() {
        return added.isEmpty()
                && renamed.isEmpty()
                && postcodesChanged.isEmpty()
                && languagesChanged.isEmpty()
                && retired.isEmpty()
                && reinstated.isEmpty();
    }

    /** The counts, as the audit trail and the API show them. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("areasInFile", areasInFile);
        counts.put("added", added.size());
        counts.put("renamed", renamed.size());
        counts.put("postcodesChanged", postcodesChanged.size());
        counts.put("languagesChanged", languagesChanged.size());
        counts.put("retired", retired.size());
        counts.put("reinstated", reinstated.size());
        counts.put("unchanged", unchanged);
        return counts;
    }

    /** A summary for the audit trail: counts and the first NIS codes of each kind of change. */
    Map<String, Object> audit() {
        Map<String, Object> audit = new LinkedHashMap<>(counts());
        audit.put("addedAreas", AreaChange.audit(added, 50));
        audit.put("renamedAreas", AreaChange.audit(renamed, 50));
        audit.put("retiredAreas", AreaChange.audit(retired, 50));
        audit.put("reinstatedAreas", AreaChange.audit(reinstated, 50));
        return audit;
    }
}
