package eu.herald.partners.web;

import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import eu.herald.partners.domain.EventDraft;
import eu.herald.partners.domain.EventKind;
import eu.herald.partners.domain.NeedToKnow;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A new partner event as a form (page) or JSON (API); start and end in Brussels time. */
public class EventForm {

    @NotNull(message = "{partners.group.organisationRequired}")
    private @Nullable UUID organisationId;

    @NotNull(message = "{partners.event.kindRequired}")
    private @Nullable EventKind kind = EventKind.TRAINING;

    @NotBlank(message = "{partners.event.titleRequired}")
    @Size(max = 200, message = "{form.tooLong}")
    private String title = "";

    @Size(max = 5000, message = "{form.tooLong}")
    private String description = "";

    @NotBlank(message = "{partners.event.placeRequired}")
    @Size(max = 300, message = "{form.tooLong}")
    private String place = "";

    @NotNull(message = "{partners.event.startRequired}")
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private @Nullable LocalDateTime start;

    @NotNull(message = "{partners.event.endRequired}")
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private @Nullable LocalDateTime end;

    @Min(value = 1, message = "{partners.event.capacityInvalid}")
    @Max(value = 10000, message = "{partners.event.capacityInvalid}")
    private int capacity = 20;

    @NotNull(message = "{partners.resource.languageRequired}")
    private @Nullable Language language;

    private NeedToKnow needToKnow = NeedToKnow.BASIC;

    private boolean allGroups;
    private List<UUID> groups = new ArrayList<>();

    EventDraft draft() {
        LocalDateTime from = start == null ? LocalDateTime.MIN : start;
        return new EventDraft(
                kind == null ? EventKind.TRAINING : kind,
                title,
                description,
                place,
                from,
                end == null ? from : end,
                capacity,
                language == null ? Language.EN : language,
                needToKnow);
    }

    public NeedToKnow getNeedToKnow() {
        return needToKnow;
    }

    public void setNeedToKnow(@Nullable NeedToKnow needToKnow) {
        this.needToKnow = needToKnow == null ? NeedToKnow.BASIC : needToKnow;
    }

    List<GroupId> groupIds() {
        return groups.stream().map(GroupId::new).toList();
    }

    public @Nullable UUID getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(@Nullable UUID organisationId) {
        this.organisationId = organisationId;
    }

    public @Nullable EventKind getKind() {
        return kind;
    }

    public void setKind(@Nullable EventKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title == null ? "" : title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description == null ? "" : description;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(@Nullable String place) {
        this.place = place == null ? "" : place;
    }

    public @Nullable LocalDateTime getStart() {
        return start;
    }

    public void setStart(@Nullable LocalDateTime start) {
        this.start = start;
    }

    public @Nullable LocalDateTime getEnd() {
        return end;
    }

    public void setEnd(@Nullable LocalDateTime end) {
        this.end = end;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public @Nullable Language getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable Language language) {
        this.language = language;
    }

    public boolean isAllGroups() {
        return allGroups;
    }

    public void setAllGroups(boolean allGroups) {
        this.allGroups = allGroups;
    }

    public List<UUID> getGroups() {
        return groups;
    }

    public void setGroups(@Nullable List<UUID> groups) {
        this.groups = groups == null ? new ArrayList<>() : groups;
    }
}
