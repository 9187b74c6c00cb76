package eu.herald.channels.connectors.bluesky;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A record key (a TID, https://atproto.com/specs/tid) derived from a delivery's idempotency key, so that every
 * attempt of one delivery writes the same record: a retry after a lost answer cannot make a second post, and the
 * post is found again with {@code com.atproto.repo.getRecord} by its key.
 *
 * <p>A TID is 64 bits (top bit 0, 53 bits of microseconds since 1970, 10 bits of clock id) written as 13
 * base32-sortable characters. Here the microseconds are 2024-01-01 plus a hash of the key within about 400 days,
 * and the clock id comes from the same hash: a valid, stable, never-future TID. Its only cost is that the key does
 * not tell when the post was made (Bluesky orders feeds by the record's {@code createdAt}, not by its key).
 */
final class RecordKeys {

    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long BASE_MICROS =
            ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2024-01-01T00:00:00Z"));
    private static final long WINDOW_MICROS = 1L << 45;

    private RecordKeys() {}

    static String of(String idempotencyKey) {
        ByteBuffer hash = ByteBuffer.wrap(sha256(idempotencyKey));
        long micros = BASE_MICROS + Math.floorMod(hash.getLong(), WINDOW_MICROS);
        long clockId = hash.getLong() & 0x3FF;
        return encode((micros << 10) | clockId);
    }

    static String encode(long value) {
        char[] chars = new char[13];
        long v = value;
        for (int i = 12; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(chars);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
