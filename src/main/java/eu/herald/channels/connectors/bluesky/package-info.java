/** The Bluesky connector: the AT Protocol's XRPC endpoints on the account's PDS (bsky.social by default). */
@NullMarked
package eu.herald.channels.connectors.bluesky;

import org.jspecify.annotations.NullMarked;
