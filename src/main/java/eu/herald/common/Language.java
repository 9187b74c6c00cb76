package eu.herald.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

    private static final List<Locale> LOCALES =
            Arrays.stream(values()).map(Language::locale).toList();

    /** The browser's preferred language among Herald's from an Accept-Language header; English without a match. */
    public static Language preferred(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LOCALES);
            return match == null ? EN : of(match);
        } catch (IllegalArgumentException e) {
            return EN;
        }
    }
}
