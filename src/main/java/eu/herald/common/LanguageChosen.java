package eu.herald.common;

/**
 * The current user chose a language with the language switch. Published synchronously so that the accounts module
 * remembers it in the signed-in user's profile.
 */
public record LanguageChosen(Language language) {}
