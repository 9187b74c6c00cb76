/**
 * Deliveries: an approved variant scheduled on a channel account, run by db-scheduler at its time on any node,
 * exactly once (idempotency keys, lookup after an unknown outcome), retried with backoff on transient faults, ended
 * visibly on permanent ones, watched for being stuck, and checked against the fatigue budget again at send time.
 */
@ApplicationModule(
        displayName = "Publishing",
        allowedDependencies = {"common", "accounts", "campaigns", "channels", "notifications", "links"})
@NullMarked
package eu.herald.publishing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
