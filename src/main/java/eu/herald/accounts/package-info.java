/**
 * Organisations (federal → police zone / municipality → partner), users, their memberships and roles, sign-in and
 * personal access tokens. {@link eu.herald.accounts.Access} answers "may the current user do this here?" for every
 * module.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = "common")
@NullMarked
package eu.herald.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
