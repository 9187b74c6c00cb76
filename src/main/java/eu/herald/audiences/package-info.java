/**
 * Target audiences, areas (Belgian municipalities with NIS code, postcodes and official languages), the audience ×
 * channel matrix with its advice, and the language rules that say in which languages a message must exist.
 */
@ApplicationModule(
        displayName = "Audiences",
        allowedDependencies = {"common", "accounts"})
@NullMarked
package eu.herald.audiences;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
