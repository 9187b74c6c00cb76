/**
 * Listening and responding: reactions from every channel in one inbox, triaged emergency-first, routed by the
 * playbook prepared beforehand, moderated with SLAs, and anonymised after the retention period.
 */
@ApplicationModule(
        displayName = "Inbox",
        allowedDependencies = {"common", "accounts", "channels", "publishing", "notifications", "campaigns"})
@NullMarked
package eu.herald.inbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
