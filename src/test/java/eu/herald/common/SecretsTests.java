package eu.herald.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing with AES-256-GCM: nothing readable, a fresh nonce each time, and any change or move is detected. */
class SecretsTests {

    @TempDir
    Path dataDir;

    Secrets secrets(String key) {
        return new Secrets(new HeraldProperties(null, key, null, dataDir, null));
    }

    @Test
    void sealsSoThatOnlyTheSameKeyAndContextOpen() {
        Secrets secrets = secrets("a-secret-key-of-at-least-32-characters!!");
        byte[] plain = "mastodon-token-abc".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = secrets.seal(plain, "account-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("mastodon-token-abc");
        assertThat(secrets.open(sealed, "account-1")).isEqualTo(plain);
        assertThat(secrets.seal(plain, "account-1")).isNotEqualTo(sealed);
        assertThatThrownBy(() -> secrets.open(sealed, "account-2")).isInstanceOf(Secrets.TamperedException.class);
        assertThatThrownBy(() ->
                        secrets("another-secret-key-of-32-characters-or-more").open(sealed, "account-1"))
                .isInstanceOf(Secrets.TamperedException.class);
    }

    @Test
    void detectsAnyChangedByte() {
        Secrets secrets = secrets("a-secret-key-of-at-least-32-characters!!");
        byte[] sealed = secrets.seal("token".getBytes(StandardCharsets.UTF_8), "ctx");
        for (int i = 0; i < sealed.length; i++) {
            byte[] changed = sealed.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> secrets.open(changed, "ctx")).isInstanceOf(Secrets.TamperedException.class);
        }
        assertThatThrownBy(() -> secrets.open(new byte[5], "ctx")).isInstanceOf(Secrets.TamperedException.class);
    }

    @Test
    void theEncryptionKeyIsNotTheSigningKey() {
        Secrets secrets = secrets("a-secret-key-of-at-least-32-characters!!");
        assertThat(secrets.sign("x"))
                .isEqualTo(secrets("a-secret-key-of-at-least-32-characters!!").sign("x"));
        // demo mode: without HERALD_SECRET_KEY the kept demo secret serves both, still under distinct labels
        Secrets demo = secrets(null);
        byte[] sealed = demo.seal(new byte[] {42}, "ctx");
        assertThat(secrets(null).open(sealed, "ctx")).containsExactly(42);
    }
}
