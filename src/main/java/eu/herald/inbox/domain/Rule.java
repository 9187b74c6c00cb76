package eu.herald.inbox.domain;

import eu.herald.common.Channel;
import eu.herald.common.Language;
import eu.herald.inbox.Category;
import java.text.Normalizer;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One rule of an organisation's playbook: conditions (all must hold; an empty set means "any") and the actions taken
 * when it is the first rule that matches.
 *
 * @param keywords any one of them in the text (case and accents ignored)
 * @param from with {@code to}: the local time of day it applies (may wrap midnight: 22:00–06:00)
 * @param replies the saved reply per language, with placeholders {author}, {emergencyNumber}, {nonUrgentNumber},
 *     {organisation}
 */
public record Rule(
        UUID id,
        UUID organisation,
        int position,
        String name,
        Set<Category> categories,
        Set<Channel> channels,
        List<String> keywords,
        Set<Language> languages,
        @Nullable LocalTime from,
        @Nullable LocalTime to,
        @Nullable String assignTeam,
        @Nullable UUID assignUser,
        Map<Language, String> replies,
        @Nullable Integer slaMinutes,
        boolean slaWorkingTime,
        boolean escalate,
        boolean hide,
        boolean forwardTip) {

    public Rule {
        categories = Set.copyOf(categories);
        channels = Set.copyOf(channels);
        keywords = keywords.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        languages = Set.copyOf(languages);
        replies = Map.copyOf(replies);
    }

    /** Whether the rule applies to a reaction with these facts; {@code folded} is {@link #fold(String)} of its text. */
    public boolean matches(Category category, Channel channel, Language language, String folded, LocalTime time) {
        if (!categories.isEmpty() && !categories.contains(category)) {
            return false;
        }
        if (!channels.isEmpty() && !channels.contains(channel)) {
            return false;
        }
        if (!languages.isEmpty() && !languages.contains(language)) {
            return false;
        }
        if (from != null && to != null) {
            boolean inside = from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
            if (!inside) {
                return false;
            }
        }
        return keywords.isEmpty() || keywords.stream().anyMatch(k -> folded.contains(fold(k)));
    }

    /** The saved reply in {@code language}, else English, else any; null when the rule proposes none. */
    public @Nullable String reply(Language language) {
        String text = replies.get(language);
        if (text == null) {
            text = replies.get(Language.EN);
        }
        if (text == null) {
            text = replies.values().stream().findFirst().orElse(null);
        }
        return text;
    }

    /** Lower case without accents, for keyword matching. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The first rule of {@code rules} (in order) that matches. */
    public static @Nullable Rule firstMatch(
            List<Rule> rules, Category category, Channel channel, Language language, String text, LocalTime time) {
        String folded = fold(text);
        for (Rule rule : rules) {
            if (rule.matches(category, channel, language, folded, time)) {
                return rule;
            }
        }
        return null;
    }
}
