/**
 * Pure content checks that every message passes before it can go out: length per channel, anxiety (fear-raising
 * wording), operational security (details that help offenders), the emergency-line sentence, a link to the full
 * information, plain language and alt text. {@link eu.herald.guardrails.Guardrails} is the module's API.
 */
@ApplicationModule(
        displayName = "Guardrails",
        allowedDependencies = {"common", "accounts"})
@NullMarked
package eu.herald.guardrails;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
