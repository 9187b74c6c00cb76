package eu.herald.channels.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636): a high-entropy verifier, its S256 challenge, and an unguessable state. */
final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {}

    /** 32 random bytes as 43 base64url characters (RFC 7636 §4.1 asks for 43 to 128 of [A-Za-z0-9-._~]). */
    static String verifier() {
        return random(32);
    }

    static String state() {
        return random(24);
    }

    /** BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2. */
    static String challenge(String verifier) {
        try {
            return URL.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return URL.encodeToString(value);
    }
}
