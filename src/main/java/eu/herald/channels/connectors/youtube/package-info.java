/** The YouTube connector: Data API v3 with OAuth 2.0 tokens, videos uploaded by the resumable protocol. */
@NullMarked
package eu.herald.channels.connectors.youtube;

import org.jspecify.annotations.NullMarked;
