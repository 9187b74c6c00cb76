package eu.herald.inbox.domain;

import eu.herald.common.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Organisations' inbox settings, made with the defaults (emergency 112, no non-urgent number until the zone enters its
 * own, a new webhook secret) on first use.
 *
 * <p>Both secrets are stored sealed ({@link Secrets#seal}, AES-256-GCM) with the organisation and the purpose as
 * associated data, so a sealed value copied onto another row or column does not open. A plain value left by an older
 * version is sealed when its row is read, and by a sweep at start-up and every ten minutes; the plain column is
 * cleared in the same statement. A sealed value that does not open is treated as no secret: the webhook refuses every
 * call and the settings page asks for a new one.
 */
@Repository
class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);
    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private record Cached(Settings settings, long at) {}

    /** A row as stored: secrets plain (from an older version) and/or sealed. */
    private record Row(
            String emergencyNumber,
            @Nullable String nonUrgentNumber,
            @Nullable String dispatchUrl,
            @Nullable String dispatchPlain,
            byte @Nullable [] dispatchSealed,
            @Nullable String tipEmail,
            @Nullable String webhookPlain,
            byte @Nullable [] webhookSealed,
            @Nullable String facebookPage) {}

    /** The secrets, each with its column and the purpose bound into its sealed value. */
    private enum Secret {
        WEBHOOK("webhook_secret", "inbox.webhook:"),
        DISPATCH("dispatch_webhook_secret", "inbox.dispatch:");

        final String column;
        final String purpose;

        Secret(String column, String purpose) {
            this.column = column;
            this.purpose = purpose;
        }

        String context(UUID organisation) {
            return purpose + organisation;
        }
    }

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    SettingsStore(JdbcClient jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    Settings of(UUID organisation) {
        Cached cached = cache.get(organisation);
        if (cached != null && System.nanoTime() - cached.at() < CACHE_NANOS) {
            return cached.settings();
        }
        Row row = row(organisation).orElseGet(() -> {
            jdbc.sql("INSERT INTO inbox.organisation_settings (organisation_id, webhook_secret_sealed) VALUES (?, ?)"
                            + " ON CONFLICT DO NOTHING")
                    .param(organisation)
                    .param(seal(Secret.WEBHOOK, organisation, Secrets.randomToken(32)))
                    .update();
            return row(organisation).orElseThrow();
        });
        Opened webhook = open(Secret.WEBHOOK, organisation, row.webhookPlain(), row.webhookSealed());
        Opened dispatch = open(Secret.DISPATCH, organisation, row.dispatchPlain(), row.dispatchSealed());
        Settings settings = new Settings(
                organisation,
                row.emergencyNumber(),
                row.nonUrgentNumber(),
                row.dispatchUrl(),
                dispatch.value(),
                row.tipEmail(),
                webhook.value(),
                row.facebookPage(),
                webhook.unreadable(),
                dispatch.unreadable());
        cache.put(organisation, new Cached(settings, System.nanoTime()));
        return settings;
    }

    private Optional<Row> row(UUID organisation) {
        return jdbc.sql("SELECT * FROM inbox.organisation_settings WHERE organisation_id = ?")
                .param(organisation)
                .query((rs, n) -> new Row(
                        rs.getString("emergency_number"),
                        rs.getString("non_urgent_number"),
                        rs.getString("dispatch_webhook_url"),
                        rs.getString("dispatch_webhook_secret"),
                        rs.getBytes("dispatch_webhook_secret_sealed"),
                        rs.getString("tip_intake_email"),
                        rs.getString("webhook_secret"),
                        rs.getBytes("webhook_secret_sealed"),
                        rs.getString("facebook_page_id")))
                .optional();
    }

    private record Opened(@Nullable String value, boolean unreadable) {}

    /**
     * The open secret: a plain value (written by an older version, so newer than any sealed one) is sealed now and its
     * plain column cleared; a sealed value that does not open gives none, marked unreadable.
     */
    private Opened open(Secret secret, UUID organisation, @Nullable String plain, byte @Nullable [] sealed) {
        if (plain != null) {
            sealPlain(secret, organisation, plain);
            return new Opened(plain, false);
        }
        if (sealed == null) {
            return new Opened(null, secret == Secret.WEBHOOK);
        }
        try {
            return new Opened(
                    new String(secrets.open(sealed, secret.context(organisation)), StandardCharsets.UTF_8), false);
        } catch (Secrets.TamperedException e) {
            log.warn(
                    "The inbox {} secret of organisation {} does not open (changed in the database or another"
                            + " HERALD_SECRET_KEY): it must be renewed on the settings page",
                    secret.name().toLowerCase(java.util.Locale.ROOT),
                    organisation);
            return new Opened(null, true);
        }
    }

    /** Seals a plain secret and clears its column in one statement, unless another node changed it meanwhile. */
    private void sealPlain(Secret secret, UUID organisation, String plain) {
        jdbc.sql("UPDATE inbox.organisation_settings SET " + secret.column + "_sealed = ?, " + secret.column
                        + " = NULL WHERE organisation_id = ? AND " + secret.column + " = ?")
                .params(seal(secret, organisation, plain), organisation, plain)
                .update();
    }

    private byte[] seal(Secret secret, UUID organisation, String plain) {
        return secrets.seal(plain.getBytes(StandardCharsets.UTF_8), secret.context(organisation));
    }

    /** Seals every plain secret still in the table: once at start-up, then every ten minutes; returns how many. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5S")
    int sealAllPlain() {
        int sealed = 0;
        for (Secret secret : Secret.values()) {
            record Plain(UUID organisation, String value) {}
            List<Plain> rows = jdbc.sql("SELECT organisation_id, " + secret.column
                            + " FROM inbox.organisation_settings WHERE " + secret.column + " IS NOT NULL")
                    .query((rs, n) -> new Plain(rs.getObject(1, UUID.class), rs.getString(2)))
                    .list();
            for (Plain row : rows) {
                sealPlain(secret, row.organisation(), row.value());
                sealed++;
            }
        }
        if (sealed > 0) {
            log.info("Sealed {} plain inbox secrets", sealed);
        }
        return sealed;
    }

    Optional<UUID> byFacebookPage(String page) {
        return jdbc.sql("SELECT organisation_id FROM inbox.organisation_settings WHERE facebook_page_id = ?")
                .param(page)
                .query(UUID.class)
                .optional();
    }

    /**
     * Saves the settings with both secrets sealed and no plain one. A secret that is null because it does not open
     * keeps its sealed value (still unreadable) until a new one is given; a dispatch secret never given stays none.
     */
    void save(Settings settings) {
        UUID organisation = settings.organisation();
        of(organisation);
        String webhook = settings.webhookSecret();
        String dispatch = settings.dispatchSecret();
        jdbc.sql("""
                        UPDATE inbox.organisation_settings SET emergency_number = ?, non_urgent_number = ?,
                            dispatch_webhook_url = ?, dispatch_webhook_secret = NULL,
                            dispatch_webhook_secret_sealed = CASE WHEN ? THEN dispatch_webhook_secret_sealed
                                ELSE ?::bytea END,
                            tip_intake_email = ?, webhook_secret = NULL,
                            webhook_secret_sealed = COALESCE(?::bytea, webhook_secret_sealed), facebook_page_id = ?
                        WHERE organisation_id = ?""")
                .params(
                        settings.emergencyNumber(),
                        settings.nonUrgentNumber(),
                        settings.dispatchUrl(),
                        dispatch == null && settings.dispatchSecretUnreadable(),
                        dispatch == null ? null : seal(Secret.DISPATCH, organisation, dispatch),
                        settings.tipEmail(),
                        webhook == null ? null : seal(Secret.WEBHOOK, organisation, webhook),
                        settings.facebookPage(),
                        organisation)
                .update();
        cache.remove(organisation);
    }

    /** Marks the starter playbook as seeded; false if it already was. */
    boolean markSeeded(UUID organisation) {
        of(organisation);
        return jdbc.sql("UPDATE inbox.organisation_settings SET playbook_seeded = true"
                                + " WHERE organisation_id = ? AND NOT playbook_seeded")
                        .param(organisation)
                        .update()
                == 1;
    }
}
