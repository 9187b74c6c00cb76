package eu.herald.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Herald speaks: Belgium's three official languages and English. */
public enum Language {
    NL,
    FR,
    DE,
    EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values())
                .filter(l -> l.code().equalsIgnoreCase(code == null ? "" : code.trim()))
                .findFirst();
    }

    public static Language of(Locale locale) {
        return fromCode(locale.getLanguage()).orElse(EN);
    }
}
