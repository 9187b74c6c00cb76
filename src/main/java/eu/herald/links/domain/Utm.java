package eu.herald.links.domain;

import eu.herald.common.Channel;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Campaign parameters added on the redirect, keeping the target's own query parameters. */
public final class Utm {

    private Utm() {}

    /** The default parameters: source = channel, medium from the channel, campaign = slug, content = variant/location. */
    public static Map<String, String> parameters(
            Channel channel, String campaignTitle, @Nullable String variant, @Nullable String location) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("utm_source", channel.code());
        p.put("utm_medium", channel.medium().name().toLowerCase(Locale.ROOT));
        p.put("utm_campaign", slug(campaignTitle));
        String content = variant != null ? variant : location;
        if (content != null && !content.isBlank()) {
            p.put("utm_content", content);
        }
        return p;
    }

    public static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }

    /** The target with the parameters appended to its query; parameters the target already sets are kept as they are. */
    public static String apply(String target, Map<String, String> parameters) {
        URI uri = URI.create(target);
        String query = uri.getRawQuery();
        StringBuilder added = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (query != null && ("&" + query).contains("&" + name + "=")) {
                return;
            }
            if (!added.isEmpty()) {
                added.append('&');
            }
            added.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        String newQuery =
                query == null || query.isEmpty() ? added.toString() : added.isEmpty() ? query : query + "&" + added;
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
