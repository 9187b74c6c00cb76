package eu.herald.campaigns.domain;

import eu.herald.common.RefusedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scheduling would exceed a fatigue budget; the conflicting messages say which. */
public class FatigueBudgetExceeded extends RefusedException {

    private final transient List<FatigueBudget.Conflict> conflicts;

    FatigueBudgetExceeded(List<FatigueBudget.Conflict> conflicts) {
        super("schedule.error.fatigue");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<FatigueBudget.Conflict> conflicts() {
        return conflicts;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of(
                "conflicts",
                conflicts.stream()
                        .map(c -> {
                            Map<String, Object> conflict = new LinkedHashMap<>();
                            conflict.put("audienceId", c.audience().toString());
                            conflict.put("area", c.area());
                            conflict.put("cap", c.cap().maxMessages());
                            conflict.put("period", c.cap().period().name());
                            conflict.put(
                                    "messages",
                                    c.messages().stream()
                                            .map(m -> Map.of(
                                                    "id", m.id().toString(),
                                                    "title", m.title(),
                                                    "scheduledAt", m.at().toString()))
                                            .toList());
                            return conflict;
                        })
                        .toList());
    }
}
