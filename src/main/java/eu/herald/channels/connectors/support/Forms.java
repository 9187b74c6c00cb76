package eu.herald.channels.connectors.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** application/x-www-form-urlencoded bodies and query strings. */
public final class Forms {

    private Forms() {}

    /** {@code a=1&b=2}, each key and value percent-encoded, in the map's order. */
    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** {@code base} (trailing slashes dropped) + {@code path} + {@code ?query} when there is one. */
    public static URI url(URI base, String path, Map<String, String> query) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + (query.isEmpty() ? "" : "?" + encode(query)));
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
