package eu.herald.campaigns;

import eu.herald.common.Channel;
import eu.herald.common.Language;

/** A variant's text as other modules may read it: its message, title and status, channel, language and body. */
public record VariantText(
        VariantId id,
        MessageId message,
        String messageTitle,
        MessageStatus status,
        Channel channel,
        Language language,
        String text) {}
