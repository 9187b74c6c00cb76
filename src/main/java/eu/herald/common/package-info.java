/**
 * The few types every module shares: languages, the acting user, auditable events, route authorisation, the running
 * mode and Herald's global settings. Kept small on purpose.
 */
@ApplicationModule(displayName = "Common")
@NullMarked
package eu.herald.common;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
