/**
 * Channel accounts an organisation connects (Mastodon, Bluesky, X, Facebook, YouTube, Telegram, webhooks, the press
 * list, feeds), their credentials encrypted at rest, their health, and one connector per platform speaking its
 * documented protocol. Other modules publish, reply, hide and read reactions and metrics through
 * {@link eu.herald.channels.ChannelGateway}.
 */
@ApplicationModule(
        displayName = "Channels",
        allowedDependencies = {"common", "accounts", "notifications"})
@NullMarked
package eu.herald.channels;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
