package eu.herald.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Herald's key material, derived from {@code HERALD_SECRET_KEY}. In demo mode without that variable a random key is
 * made once and kept in the data folder, so signed links survive a restart.
 */
@Component
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte SEALED_VERSION = 1;

    private final byte[] signingKey;
    private final SecretKeySpec encryptionKey;

    Secrets(HeraldProperties properties) {
        String secret = properties.secretKey();
        if (secret == null || secret.isBlank()) {
            secret = demoSecret(properties.dataDir().resolve("secret.key"));
        }
        this.signingKey = sha256(("herald-signing:" + secret).getBytes(StandardCharsets.UTF_8));
        this.encryptionKey = new SecretKeySpec(
                hmac(secret.getBytes(StandardCharsets.UTF_8), "herald-encryption-v1".getBytes(StandardCharsets.UTF_8)),
                "AES");
    }

    /**
     * Encrypts {@code plain} with AES-256-GCM under Herald's encryption key (derived from {@code HERALD_SECRET_KEY}
     * apart from the signing key), with a random 96-bit nonce and {@code context} (e.g. the owning record's id) as
     * associated data, so a sealed value moved to another record does not open. Layout: version byte, nonce,
     * ciphertext with its 128-bit tag.
     */
    public byte[] seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(SEALED_VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * Decrypts what {@link #seal} made for the same {@code context}.
     *
     * @throws TamperedException if the value was changed, belongs to another context or another key
     */
    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != SEALED_VERSION) {
            throw new TamperedException();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    encryptionKey,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** A sealed value that does not open: changed, moved to another record, or sealed under another key. */
    public static final class TamperedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TamperedException() {
            super("The sealed value does not open: it was changed or belongs elsewhere");
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** HMAC-SHA256 of {@code data} under Herald's signing key, base64url without padding. */
    public String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares a presented signature with the expected one in constant time. */
    public boolean verify(String data, String signature) {
        return MessageDigest.isEqual(
                sign(data).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code bytes} random bytes, base64url without padding: for tokens and nonces. */
    public static String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** Hex SHA-256 of a high-entropy token: how tokens are stored. */
    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String demoSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            String secret = randomToken(48);
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps the folder's permissions
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo secret key in " + file, e);
        }
    }
}
