/**
 * The closed partner portal: partner groups within an organisation's area (neighbourhood information networks,
 * shopkeepers, schools, security firms, municipal prevention staff) with their members, and the toolbox of resources
 * shared with groups, its full-text search per language, safe uploads and the social-media starter kit.
 */
@ApplicationModule(
        displayName = "Partners",
        allowedDependencies = {"common", "accounts"})
@NullMarked
package eu.herald.partners;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
