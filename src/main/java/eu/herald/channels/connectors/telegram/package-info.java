/** The Telegram connector: the Bot API, posting to a channel the bot administers. */
@NullMarked
package eu.herald.channels.connectors.telegram;

import org.jspecify.annotations.NullMarked;
