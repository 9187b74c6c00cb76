/**
 * What every HTTP connector shares: one way to send a request with bounded time and to turn network faults,
 * {@code Retry-After} headers and unreadable answers into {@link eu.herald.channels.ConnectorException}s.
 */
@NullMarked
package eu.herald.channels.connectors.support;

import org.jspecify.annotations.NullMarked;
