/** The X connector: API v2 with OAuth 2.0 user-context tokens (refreshed and rotated). */
@NullMarked
package eu.herald.channels.connectors.x;

import org.jspecify.annotations.NullMarked;
