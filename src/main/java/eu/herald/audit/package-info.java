/**
 * The append-only audit trail: every auditable event of every module, recorded after its change commits, and a page
 * where admins search it within their reach.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"common", "accounts"})
@NullMarked
package eu.herald.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
