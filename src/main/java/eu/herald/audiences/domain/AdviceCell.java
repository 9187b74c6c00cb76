package eu.herald.audiences.domain;

import eu.herald.audiences.AudienceId;
import eu.herald.audiences.Suitability;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One cell of the audience × channel matrix: how well the channel reaches the audience, and why — either the
 * workshop's reason (a message key, read in every language) or one an administrator wrote in all four languages.
 */
public record AdviceCell(
        AudienceId audience,
        Channel channel,
        Suitability suitability,
        @Nullable String reasonKey,
        Map<Language, String> reasons,
        int version) {

    static final String NOT_ASSESSED = "audiences.reason.notAssessed";

    public AdviceCell {
        reasons = Map.copyOf(reasons);
    }

    /** A cell for an audience an administrator just added: not assessed yet. */
    static AdviceCell notAssessed(AudienceId audience, Channel channel) {
        return new AdviceCell(audience, channel, Suitability.LIMITED, NOT_ASSESSED, Map.of(), 0);
    }

    /** The cell with an administrator's rating and reason, which replaces the workshop's. */
    AdviceCell edited(Suitability newSuitability, Map<Language, String> newReasons, int expectedVersion) {
        return new AdviceCell(
                audience,
                channel,
                newSuitability,
                null,
                AudienceEntry.requireAll(newReasons, 400, "audiences.matrix.error.reasonRequired"),
                expectedVersion);
    }

    Map<String, Object> audit() {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("suitability", suitability.name());
        if (reasonKey != null) {
            audit.put("reasonKey", reasonKey);
        }
        reasons.forEach((language, reason) -> audit.put("reason_" + language.code(), reason));
        return audit;
    }
}
