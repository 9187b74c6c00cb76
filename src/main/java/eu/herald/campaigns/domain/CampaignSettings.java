package eu.herald.campaigns.domain;

import eu.herald.accounts.Access;
import eu.herald.accounts.Role;
import eu.herald.audiences.AudienceId;
import eu.herald.campaigns.CampaignSettingsChanged;
import eu.herald.common.Actor;
import eu.herald.common.Language;
import eu.herald.common.RefusedException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the federal admin sets for everyone: the campaign themes and the fatigue caps (a default, and per audience).
 * Caps apply across every level, so only an admin who reaches the whole tree may change them.
 */
@Service
public class CampaignSettings {

    /** A cap as the settings page lists it; no audience means the default. */
    public record CapSetting(UUID id, @Nullable AudienceId audience, int maxMessages, FatigueBudget.Period period) {}

    private final JdbcClient jdbc;
    private final Access access;
    private final ApplicationEventPublisher events;

    CampaignSettings(JdbcClient jdbc, Access access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    public List<CapSetting> caps() {
        return jdbc.sql("SELECT * FROM campaigns.fatigue_cap ORDER BY audience_id NULLS FIRST")
                .query((rs, n) -> {
                    UUID audience = rs.getObject("audience_id", UUID.class);
                    return new CapSetting(
                            rs.getObject("id", UUID.class),
                            audience == null ? null : new AudienceId(audience),
                            rs.getInt("max_messages"),
                            FatigueBudget.Period.valueOf(rs.getString("period")));
                })
                .list();
    }

    /** Sets the cap of an audience (or the default when {@code audience} is null). */
    @Transactional
    public void setCap(@Nullable AudienceId audience, int maxMessages, FatigueBudget.Period period) {
        requireFederalAdmin();
        if (maxMessages < 1 || maxMessages > 100) {
            throw new RefusedException("settings.error.cap");
        }
        UUID id = audience == null ? null : audience.value();
        int updated = jdbc.sql(
                        "UPDATE campaigns.fatigue_cap SET max_messages = ?, period = ? WHERE audience_id IS NOT DISTINCT FROM ?::uuid")
                .params(maxMessages, period.name(), id)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO campaigns.fatigue_cap (id, audience_id, max_messages, period) VALUES (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), id, maxMessages, period.name())
                    .update();
        }
        events.publishEvent(new CampaignSettingsChanged(
                Actor.current(),
                "fatigue_cap_set",
                audience == null ? "default" : audience.toString(),
                Map.of(),
                Map.of("maxMessages", maxMessages, "period", period.name())));
    }

    /** Removes an audience's own cap: the default applies again. The default itself stays. */
    @Transactional
    public void removeCap(AudienceId audience) {
        requireFederalAdmin();
        jdbc.sql("DELETE FROM campaigns.fatigue_cap WHERE audience_id = ?")
                .param(audience.value())
                .update();
        events.publishEvent(new CampaignSettingsChanged(
                Actor.current(),
                "fatigue_cap_removed",
                audience.toString(),
                Map.of("audience", audience.toString()),
                Map.of()));
    }

    @Transactional
    public void addTheme(String key, Map<Language, String> names) {
        requireFederalAdmin();
        if (!key.matches("[a-z0-9_]{2,40}")) {
            throw new RefusedException("settings.error.themeKey");
        }
        for (Language language : Language.values()) {
            String name = names.get(language);
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new RefusedException("settings.error.themeName");
            }
        }
        try {
            jdbc.sql(
                            "INSERT INTO campaigns.theme (id, key, name_nl, name_fr, name_de, name_en) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            UUID.randomUUID(),
                            key,
                            names.get(Language.NL).strip(),
                            names.get(Language.FR).strip(),
                            names.get(Language.DE).strip(),
                            names.get(Language.EN).strip())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RefusedException("settings.error.themeExists");
        }
        events.publishEvent(new CampaignSettingsChanged(
                Actor.current(), "theme_added", key, Map.of(), Map.of("key", key, "name_en", names.get(Language.EN))));
    }

    @Transactional
    public void setThemeActive(UUID theme, boolean active) {
        requireFederalAdmin();
        jdbc.sql("UPDATE campaigns.theme SET active = ? WHERE id = ?")
                .params(active, theme)
                .update();
        events.publishEvent(new CampaignSettingsChanged(
                Actor.current(),
                active ? "theme_reactivated" : "theme_deactivated",
                theme.toString(),
                Map.of("active", !active),
                Map.of("active", active)));
    }

    private void requireFederalAdmin() {
        if (!access.reachesEverything(Role.ADMIN)) {
            throw new AccessDeniedException("only an admin of the federal service sets what applies to everyone");
        }
    }
}
