package eu.herald.inbox.domain;

import eu.herald.common.Secrets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Organisations' inbox settings, made with the defaults (emergency 112, no non-urgent number until the zone enters its
 * own, a new webhook secret) on first use.
 */
@Repository
class SettingsStore {

    private static final long CACHE_NANOS = Duration.ofSeconds(5).toNanos();

    private record Cached(Settings settings, long at) {}

    private final JdbcClient jdbc;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Settings of(UUID organisation) {
        Cached cached = cache.get(organisation);
        if (cached != null && System.nanoTime() - cached.at() < CACHE_NANOS) {
            return cached.settings();
        }
        jdbc.sql("INSERT INTO inbox.organisation_settings (organisation_id, webhook_secret) VALUES (?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .param(organisation)
                .param(Secrets.randomToken(32))
                .update();
        Settings settings = jdbc.sql("SELECT * FROM inbox.organisation_settings WHERE organisation_id = ?")
                .param(organisation)
                .query((rs, n) -> new Settings(
                        organisation,
                        rs.getString("emergency_number"),
                        rs.getString("non_urgent_number"),
                        rs.getString("dispatch_webhook_url"),
                        rs.getString("dispatch_webhook_secret"),
                        rs.getString("tip_intake_email"),
                        rs.getString("webhook_secret"),
                        rs.getString("facebook_page_id")))
                .single();
        cache.put(organisation, new Cached(settings, System.nanoTime()));
        return settings;
    }

    Optional<UUID> byFacebookPage(String page) {
        return jdbc.sql("SELECT organisation_id FROM inbox.organisation_settings WHERE facebook_page_id = ?")
                .param(page)
                .query(UUID.class)
                .optional();
    }

    void save(Settings settings) {
        of(settings.organisation());
        jdbc.sql("""
                        UPDATE inbox.organisation_settings SET emergency_number = ?, non_urgent_number = ?,
                            dispatch_webhook_url = ?, dispatch_webhook_secret = ?, tip_intake_email = ?,
                            webhook_secret = ?, facebook_page_id = ?
                        WHERE organisation_id = ?""")
                .params(
                        settings.emergencyNumber(),
                        settings.nonUrgentNumber(),
                        settings.dispatchUrl(),
                        settings.dispatchSecret(),
                        settings.tipEmail(),
                        settings.webhookSecret(),
                        settings.facebookPage(),
                        settings.organisation())
                .update();
        cache.remove(settings.organisation());
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
