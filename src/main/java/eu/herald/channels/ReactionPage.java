package eu.herald.channels;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reactions newer than a cursor, and the cursor to ask from next time (null when the platform gave none). */
public record ReactionPage(
        List<Reaction> reactions, @Nullable String nextCursor) {

    public ReactionPage {
        reactions = List.copyOf(reactions);
    }
}
