/**
 * Tells people what needs them: an in-app notice (the bell in the header and /notifications) and an email in the
 * recipient's own language, for failures, expiring credentials, emergencies and other things nobody may miss.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"common", "accounts"})
@NullMarked
package eu.herald.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
