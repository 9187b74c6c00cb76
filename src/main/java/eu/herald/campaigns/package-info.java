/**
 * Campaigns (theme, objective, organisation, period, areas, audiences, planned channels, budget, effort), their
 * messages with a master text and variants per channel and language, four-eyes approval guarded by the guardrails,
 * the fatigue budget across every level, and the content calendar.
 */
@ApplicationModule(
        displayName = "Campaigns",
        allowedDependencies = {"common", "accounts", "audiences", "guardrails", "notifications"})
@NullMarked
package eu.herald.campaigns;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
