package eu.herald.links.domain;

import eu.herald.common.Channel;
import eu.herald.common.Slugs;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Campaign parameters added on the redirect, keeping the target's own query parameters. */
public final class Utm {

    /** The parameters, in order. */
    public static final List<String> NAMES = List.of("utm_source", "utm_medium", "utm_campaign", "utm_content");

    /** An organisation's template: each parameter's pattern with {channel}, {medium}, {campaign}, {content}. */
    public record Template(String source, String medium, String campaign, String content) {

        public static final Template DEFAULT = new Template("{channel}", "{medium}", "{campaign}", "{content}");

        public List<String> patterns() {
            return List.of(source, medium, campaign, content);
        }

        /** The template for the audit trail. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < NAMES.size(); i++) {
                map.put(NAMES.get(i), patterns().get(i));
            }
            return map;
        }
    }

    private Utm() {}

    /** The default parameters: source = channel, medium from the channel, campaign = slug, content = location, else variant. */
    public static Map<String, String> parameters(
            Channel channel, String campaignTitle, @Nullable String variant, @Nullable String location) {
        return parameters(Template.DEFAULT, channel, campaignTitle, variant, location);
    }

    /** The parameters from a template; a parameter whose value comes out empty is left out. */
    public static Map<String, String> parameters(
            Template template,
            Channel channel,
            String campaignTitle,
            @Nullable String variant,
            @Nullable String location) {
        // a poster location says more than the variant it was printed from
        String content = location != null ? location : variant != null ? variant : "";
        Map<String, String> p = new LinkedHashMap<>();
        List<String> patterns = template.patterns();
        for (int i = 0; i < NAMES.size(); i++) {
            String value = patterns.get(i)
                    .replace("{channel}", channel.code())
                    .replace("{medium}", channel.medium().name().toLowerCase(Locale.ROOT))
                    .replace("{campaign}", Slugs.of(campaignTitle))
                    .replace("{content}", content)
                    .strip();
            if (!value.isEmpty()) {
                p.put(NAMES.get(i), value);
            }
        }
        return p;
    }

    /** The parameters as an encoded query string, as stored with a link. */
    public static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    /** The parameters of a stored query string. */
    public static Map<String, String> parse(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(
                        pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** The target with the parameters appended to its query; parameters the target already sets are kept as they are. */
    public static String apply(String target, Map<String, String> parameters) {
        URI uri = URI.create(target);
        String query = uri.getRawQuery();
        Map<String, String> added = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (query == null || !("&" + query).contains("&" + name + "=")) {
                added.put(name, value);
            }
        });
        String addedQuery = query(added);
        String newQuery =
                query == null || query.isEmpty() ? addedQuery : addedQuery.isEmpty() ? query : query + "&" + addedQuery;
        String base = target;
        String fragment = "";
        int hash = base.indexOf('#');
        if (hash >= 0) {
            fragment = base.substring(hash);
            base = base.substring(0, hash);
        }
        int q = base.indexOf('?');
        if (q >= 0) {
            base = base.substring(0, q);
        }
        return newQuery.isEmpty() ? base + fragment : base + "?" + newQuery + fragment;
    }
}
