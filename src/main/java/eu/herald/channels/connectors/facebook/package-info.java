/** The Facebook connector: a Page through the Graph API with a page access token. */
@NullMarked
package eu.herald.channels.connectors.facebook;

import org.jspecify.annotations.NullMarked;
