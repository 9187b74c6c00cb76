package eu.herald.channels.web;

import eu.herald.channels.ChannelType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The connect and reconnect forms: a name and the type's settings (bound as {@code settings[key]}). */
public class AccountForm {

    private @Nullable UUID organisationId;
    private @Nullable ChannelType type;
    private String name = "";
    private int version;
    private Map<String, String> settings = new LinkedHashMap<>();

    public @Nullable UUID getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(@Nullable UUID organisationId) {
        this.organisationId = organisationId;
    }

    public @Nullable ChannelType getType() {
        return type;
    }

    public void setType(@Nullable ChannelType type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public Map<String, String> getSettings() {
        return settings;
    }

    public void setSettings(Map<String, String> settings) {
        this.settings = settings;
    }
}
