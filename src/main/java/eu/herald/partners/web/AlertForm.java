package eu.herald.partners.web;

import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An urgent alert as a form (page) or JSON (API): pinned for a number of days. */
public class AlertForm {

    @NotNull(message = "{partners.group.organisationRequired}")
    private @Nullable UUID organisationId;

    @NotBlank(message = "{partners.alert.titleRequired}")
    @Size(max = 200, message = "{form.tooLong}")
    private String title = "";

    @NotBlank(message = "{partners.alert.bodyRequired}")
    @Size(max = 5000, message = "{form.tooLong}")
    private String body = "";

    @NotNull(message = "{partners.resource.languageRequired}")
    private @Nullable Language language;

    @Min(value = 1, message = "{partners.alert.expiryInvalid}")
    @Max(value = 90, message = "{partners.alert.expiryInvalid}")
    private int days = 7;

    @NotEmpty(message = "{partners.alert.groupsRequired}")
    private List<UUID> groups = new ArrayList<>();

    List<GroupId> groupIds() {
        return groups.stream().map(GroupId::new).toList();
    }

    public @Nullable UUID getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(@Nullable UUID organisationId) {
        this.organisationId = organisationId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title == null ? "" : title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(@Nullable String body) {
        this.body = body == null ? "" : body;
    }

    public @Nullable Language getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable Language language) {
        this.language = language;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }

    public List<UUID> getGroups() {
        return groups;
    }

    public void setGroups(@Nullable List<UUID> groups) {
        this.groups = groups == null ? new ArrayList<>() : groups;
    }
}
