/**
 * Tracked short links at {@code /l/{code}}: validated targets on allow-listed domains, campaign parameters added on
 * the redirect, honest counting (previews and HEAD requests are not clicks, unique visitors from a salted hash that
 * rotates daily, no cookies) and durable by group commit.
 */
@ApplicationModule(
        displayName = "Links",
        allowedDependencies = {"common", "accounts", "campaigns"})
@NullMarked
package eu.herald.links;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
