package eu.herald.common;

import java.util.Set;

/**
 * An entry of the main navigation, contributed by a module as a bean. It is shown to users holding one of
 * {@code roles} (any signed-in user when empty), in {@code order}.
 */
public record NavigationItem(String messageKey, String path, Set<String> roles, int order) {}
