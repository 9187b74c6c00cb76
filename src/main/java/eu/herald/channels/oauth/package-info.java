/**
 * Connecting X and YouTube accounts with OAuth 2.0's authorisation-code flow with PKCE (RFC 6749 §4.1, RFC 7636):
 * the owner is sent to the platform, comes back with a code, and Herald exchanges it for tokens and stores the
 * account through the account store.
 */
@NullMarked
package eu.herald.channels.oauth;

import org.jspecify.annotations.NullMarked;
