package eu.herald.guardrails;

import eu.herald.accounts.OrganisationId;
import eu.herald.common.Channel;
import eu.herald.common.Language;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A text as it would go out on a channel. Without {@code language} the language is detected. {@code organisation}
 * selects the organisation's own emergency-line wording; without it the defaults apply.
 */
public record Draft(
        String text,
        Channel channel,
        @Nullable Language language,
        List<Media> media,
        @Nullable OrganisationId organisation) {

    public Draft {
        media = List.copyOf(media);
    }

    public static Draft of(String text, Channel channel, @Nullable Language language) {
        return new Draft(text, channel, language, List.of(), null);
    }
}
