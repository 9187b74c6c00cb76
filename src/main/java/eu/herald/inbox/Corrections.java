package eu.herald.inbox;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Moderators' re-categorisations, for retraining the triage model (also readable as the table
 * {@code inbox.correction}). Texts of anonymised items are anonymised here too.
 */
public interface Corrections {

    /** Corrections made after {@code after}, oldest first, at most {@code limit}. */
    List<Correction> since(Instant after, int limit);

    record Correction(
            UUID id,
            String text,
            Channel channel,
            Language language,
            Category from,
            Category to,
            int modelVersion,
            Instant correctedAt) {}
}
