package eu.herald.common;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Herald's global settings, bound from environment variables ({@code HERALD_DB_URL} → {@code herald.db.url}).
 *
 * <p>Herald runs in one of two modes. Without {@code HERALD_DB_URL} it starts its own embedded PostgreSQL in
 * {@code dataDir} and seeds demo data (demo mode). With {@code HERALD_DB_URL} it uses that database, seeds nothing and
 * insists on a secret key and a public base URL (production mode).
 */
@ConfigurationProperties("herald")
public record HeraldProperties(
        Db db,
        @Nullable String secretKey,
        @Nullable URI baseUrl,
        @DefaultValue("herald-data") Path dataDir,
        Demo demo) {

    /** The minimum length of {@code HERALD_SECRET_KEY}: it is hashed into a 256-bit key, so shorter adds no safety. */
    public static final int MIN_SECRET_LENGTH = 32;

    public HeraldProperties {
        db = db == null ? new Db(null, null, null, 0) : db;
        demo = demo == null ? new Demo(null, null) : demo;
        if (db.external()) {
            if (secretKey == null || secretKey.isBlank()) {
                throw new IllegalStateException(
                        "HERALD_SECRET_KEY must be set when HERALD_DB_URL is set (production mode): use at least "
                                + MIN_SECRET_LENGTH + " random characters, e.g. from `openssl rand -base64 48`.");
            }
            if (baseUrl == null) {
                throw new IllegalStateException(
                        "HERALD_BASE_URL must be set when HERALD_DB_URL is set (production mode), e.g. https://herald.example.be");
            }
        }
        if (secretKey != null && !secretKey.isBlank() && secretKey.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "HERALD_SECRET_KEY is too short: use at least " + MIN_SECRET_LENGTH + " characters.");
        }
    }

    /** True in demo mode: embedded PostgreSQL and demo data. */
    public boolean demoMode() {
        return !db.external();
    }

    /** The public address of this Herald, used in links sent by email. */
    public URI publicBaseUrl() {
        return baseUrl != null ? baseUrl : URI.create("http://localhost:8080");
    }

    /**
     * The database. Without {@code url} Herald runs its embedded PostgreSQL; {@code embeddedPort} 0 picks a free port.
     */
    public record Db(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @DefaultValue("0") int embeddedPort) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** Demo mode only: the demo users' password and an optional fixed API token for the demo admin. */
    public record Demo(@Nullable String password, @Nullable String apiToken) {}
}
