package eu.herald.inbox.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** HMAC-SHA256 signatures of webhook bodies, compared in constant time. */
public final class Signatures {

    private static final String PREFIX = "sha256=";

    private Signatures() {}

    /** {@code sha256=<hex HMAC-SHA256 of data>}. */
    public static String sign(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * Facebook's {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 of the raw body under the app
     * secret.
     */
    public static boolean verifyHub(String appSecret, byte[] body, @Nullable String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(appSecret, body).getBytes(StandardCharsets.US_ASCII),
                header.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The bytes a generic webhook signs: the timestamp (epoch seconds), a dot, and the raw body. */
    public static byte[] genericPayload(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    /** What is wrong with a generic webhook's signature, if anything. */
    public enum Check {
        VALID,
        MISSING,
        STALE,
        WRONG
    }

    /**
     * Herald's generic webhook: {@code X-Herald-Timestamp} (epoch seconds, within {@code window} of now) and
     * {@code X-Herald-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">}.
     */
    public static Check verifyGeneric(
            String secret,
            byte[] body,
            @Nullable String timestamp,
            @Nullable String signature,
            Instant now,
            Duration window) {
        if (timestamp == null || signature == null || !signature.startsWith(PREFIX)) {
            return Check.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Check.MISSING;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
            return Check.STALE;
        }
        boolean same = MessageDigest.isEqual(
                sign(secret, genericPayload(timestamp.trim(), body)).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return same ? Check.VALID : Check.WRONG;
    }
}
