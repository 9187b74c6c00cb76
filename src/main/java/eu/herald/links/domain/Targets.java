package eu.herald.links.domain;

import eu.herald.common.RefusedException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates a link's target: http or https, a host, no credentials, no private-network, loopback or link-local
 * address (literal or well-known name), and a host on the allow-list (a listed domain or one of its subdomains).
 */
public final class Targets {

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    private Targets() {}

    public static URI validate(String target, Collection<String> allowedDomains) {
        return validate(target, allowedDomains, null);
    }

    /**
     * As {@link #validate(String, Collection)}, and Herald's own host is always allowed, even when it is a local one
     * (e.g. {@code localhost} in demo mode): that is where its operator put it.
     */
    public static URI validate(String target, Collection<String> allowedDomains, @Nullable String ownHost) {
        URI uri;
        try {
            uri = new URI(target.strip());
        } catch (URISyntaxException e) {
            throw new RefusedException("links.target.invalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedException("links.target.scheme");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new RefusedException("links.target.credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedException("links.target.invalid");
        }
        host = normalise(host);
        if (ownHost != null && host.equals(normalise(ownHost))) {
            return uri;
        }
        if (privateHost(host)) {
            throw new RefusedException("links.target.private");
        }
        if (!allowed(host, allowedDomains)) {
            throw new RefusedException("links.target.notAllowed", host);
        }
        return uri;
    }

    static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
    }

    static boolean allowed(String host, Collection<String> allowedDomains) {
        for (String domain : allowedDomains) {
            String d = normalise(domain);
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    /** Loopback, private, link-local, unspecified and local names; IPv6 literals are refused as a whole. */
    static boolean privateHost(String host) {
        if (host.startsWith("[") || host.contains(":")) {
            return true;
        }
        if (host.equals("localhost")
                || host.endsWith(".localhost")
                || host.endsWith(".local")
                || host.endsWith(".internal")
                || host.endsWith(".lan")
                || !host.contains(".")) {
            return true;
        }
        if (IPV4.matcher(host).matches()) {
            String[] parts = host.split("\\.");
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            return a == 0
                    || a == 10
                    || a == 127
                    || (a == 169 && b == 254)
                    || (a == 172 && b >= 16 && b <= 31)
                    || (a == 192 && b == 168)
                    || (a == 100 && b >= 64 && b <= 127)
                    || a >= 224;
        }
        return false;
    }
}
