package eu.herald.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Herald's key material, derived from {@code HERALD_SECRET_KEY}. In demo mode without that variable a random key is
 * made once and kept in the data folder, so signed links survive a restart.
 */
@Component
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] signingKey;

    Secrets(HeraldProperties properties) {
        String secret = properties.secretKey();
        if (secret == null || secret.isBlank()) {
            secret = demoSecret(properties.dataDir().resolve("secret.key"));
        }
        this.signingKey = sha256(("herald-signing:" + secret).getBytes(StandardCharsets.UTF_8));
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
