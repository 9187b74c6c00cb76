package eu.herald.guardrails.internal;

import eu.herald.common.Language;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operational-security details that are shapes rather than words, so they live here and not in a lexicon:
 *
 * <ul>
 *   <li>a Belgian number plate: 1-ABC-123 (since 2010, also written 1ABC123 or 1 ABC 123), 123-ABC and ABC-123
 *       (older series);
 *   <li>a named private person: a title and a capitalised name (mevrouw Peeters, Mme Dupont, Frau Müller, Mrs Smith) or
 *       a name with an age in brackets, as the press writes it (Maria Peeters (82));
 *   <li>an address (a street with a house number, in any of Belgium's languages, since street names do not change
 *       with the message's language) in a sentence that also speaks of a victim or an offence.
 * </ul>
 */
final class OffenderHelp {

    enum Kind {
        PLATE("plate"),
        PERSON("person"),
        ADDRESS("address");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    record Hit(Kind kind, int start, int end) {}

    private static final String B = "(?<![\\p{L}\\p{N}-])";
    private static final String E = "(?![\\p{L}\\p{N}])";

    private static final Pattern PLATE =
            Pattern.compile(B + "(?:[1-9][- ]?[A-Z]{3}[- ]?\\d{3}|\\d{3}-[A-Z]{3}|[A-Z]{3}-\\d{3})" + E);

    private static final Pattern NAME_WITH_AGE =
            Pattern.compile(B + "\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+|\\s\\p{Lu}\\.)+\\s?\\(\\d{1,3}\\)");

    private static final Map<Language, Pattern> TITLED_NAME = new EnumMap<>(Language.class);

    private static final Pattern ADDRESS = Pattern.compile(B
            + "(?:\\p{Lu}[\\p{L}-]*(?:straat|laan|weg|plein|dreef|steenweg|lei|kaai|markt|singel|hof|baan|dijk|"
            + "straße|strasse|gasse|platz|allee)\\s\\d{1,4}[a-z]?"
            + "|(?:[Rr]ue|[Aa]venue|[Cc]haussée|[Bb]oulevard|[Pp]lace|[Dd]rève|[Qq]uai|[Cc]hemin|[Aa]llée|[Ii]mpasse)"
            + "\\s[^\\n,.;:!?]{2,40}?,?\\s\\d{1,4}"
            + "|\\d{1,4}\\s\\p{Lu}\\p{L}+\\s(?:Street|Road|Avenue|Lane|Drive|Close|Way|Square))"
            + E);

    private static final Map<Language, Pattern> INCIDENT = new EnumMap<>(Language.class);

    static {
        String person = "\\s\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?" + E;
        TITLED_NAME.put(
                Language.NL, Pattern.compile(B + "(?:[Mm]evrouw|[Mm]eneer|[Mm]evr\\.|[Dd]hr\\.|de heer)" + person));
        TITLED_NAME.put(Language.FR, Pattern.compile(B + "(?:[Mm]adame|[Mm]onsieur|Mme|Mlle|M\\.)" + person));
        TITLED_NAME.put(
                Language.DE,
                Pattern.compile("(?<!(?:[Ee]ine|[Ee]iner|[Ee]inem|[Ee]inen|[Dd]ie|[Dd]er|[Dd]en|[Dd]em|[Jj]ede|[Aa]lte|"
                        + "[Aa]lten|[Ää]ltere|[Ää]lteren|[Jj]unge|[Jj]ungen)\\s)"
                        + B + "(?:Frau|Herr|Herrn)" + person));
        TITLED_NAME.put(Language.EN, Pattern.compile(B + "(?:Mr|Mrs|Ms|Miss)\\.?" + person));
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        INCIDENT.put(
                Language.NL,
                Pattern.compile(
                        B + "(?:ingebroken|inbraak bij|slachtoffer\\p{L}*|bestolen|overvallen|beroofd|woont|wonen|"
                                + "woning van|gestolen)" + E,
                        flags));
        INCIDENT.put(
                Language.FR,
                Pattern.compile(
                        B + "(?:cambriol\\p{L}*|victime\\p{L}*|vol\\p{L}*|agress\\p{L}*|habite\\p{L}*|domicile)" + E,
                        flags));
        INCIDENT.put(
                Language.DE,
                Pattern.compile(
                        B + "(?:eingebrochen|einbruch bei|opfer\\p{L}*|bestohlen|überfallen|ausgeraubt|wohnt|"
                                + "wohnung von|gestohlen)" + E,
                        flags));
        INCIDENT.put(
                Language.EN,
                Pattern.compile(
                        B + "(?:burgl\\p{L}*|broken into|broke into|victim\\p{L}*|robbed|stolen|lives at|lives in|"
                                + "home of)" + E,
                        flags));
    }

    List<Hit> find(String text, Language language) {
        List<Hit> hits = new ArrayList<>();
        add(hits, Kind.PLATE, PLATE.matcher(text));
        add(hits, Kind.PERSON, NAME_WITH_AGE.matcher(text));
        add(hits, Kind.PERSON, TITLED_NAME.get(language).matcher(text));
        Matcher address = ADDRESS.matcher(text);
        while (address.find()) {
            if (INCIDENT.get(language)
                    .matcher(sentenceAround(text, address.start(), address.end()))
                    .find()) {
                hits.add(new Hit(Kind.ADDRESS, address.start(), address.end()));
            }
        }
        return hits;
    }

    private static void add(List<Hit> hits, Kind kind, Matcher matcher) {
        while (matcher.find()) {
            hits.add(new Hit(kind, matcher.start(), matcher.end()));
        }
    }

    /** The sentence (or line) containing {@code [start, end)}. */
    private static String sentenceAround(String text, int start, int end) {
        int from = start;
        while (from > 0 && ".!?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && ".!?\n".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return text.substring(from, to);
    }
}
