package eu.herald.partners.web;

import eu.herald.common.Language;
import eu.herald.partners.GroupId;
import eu.herald.partners.domain.NeedToKnow;
import eu.herald.partners.domain.ResourceDraft;
import eu.herald.partners.domain.ResourceKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A toolbox resource as a form (page and multipart API): a new resource or a new version of one. */
public class ResourceForm {

    private @Nullable UUID organisationId;

    @NotBlank(message = "{partners.resource.titleRequired}")
    @Size(max = 300, message = "{form.tooLong}")
    private String title = "";

    @Size(max = 2000, message = "{form.tooLong}")
    private String description = "";

    @Size(max = 50000, message = "{form.tooLong}")
    private String body = "";

    @NotBlank(message = "{partners.resource.categoryRequired}")
    @Size(max = 100, message = "{form.tooLong}")
    private String category = "";

    @Size(max = 500, message = "{form.tooLong}")
    private String tags = "";

    @NotNull(message = "{partners.resource.languageRequired}")
    private @Nullable Language language;

    @NotNull(message = "{partners.resource.kindRequired}")
    private @Nullable ResourceKind kind;

    @Size(max = 2000, message = "{form.tooLong}")
    private String url = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate reviewDate;

    private NeedToKnow needToKnow = NeedToKnow.BASIC;
    private boolean allGroups;
    private List<UUID> groups = new ArrayList<>();
    private int version;

    @Size(max = 500, message = "{form.tooLong}")
    private String note = "";

    /** The resource's current state, to edit into its next version. */
    static ResourceForm of(eu.herald.partners.domain.Resource resource) {
        ResourceForm form = new ResourceForm();
        form.setTitle(resource.title());
        form.setDescription(resource.description());
        form.setBody(resource.body());
        form.setCategory(resource.category());
        form.setTags(String.join(", ", resource.tags()));
        form.setLanguage(resource.language());
        form.setKind(resource.kind());
        form.setUrl(resource.url());
        form.setReviewDate(resource.reviewDate());
        form.setNeedToKnow(resource.needToKnow());
        form.setAllGroups(resource.allGroups());
        form.setGroups(
                new ArrayList<>(resource.groups().stream().map(GroupId::value).toList()));
        form.setVersion(resource.currentVersion());
        return form;
    }

    ResourceDraft draft() {
        return new ResourceDraft(
                title,
                description,
                body,
                category,
                Arrays.stream(tags.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList(),
                language == null ? Language.EN : language,
                kind == null ? ResourceKind.DOCUMENT : kind,
                url,
                reviewDate,
                needToKnow);
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

    public String getBody() {
        return body;
    }

    public void setBody(@Nullable String body) {
        this.body = body == null ? "" : body;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(@Nullable String category) {
        this.category = category == null ? "" : category;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(@Nullable String tags) {
        this.tags = tags == null ? "" : tags;
    }

    public @Nullable Language getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable Language language) {
        this.language = language;
    }

    public @Nullable ResourceKind getKind() {
        return kind;
    }

    public void setKind(@Nullable ResourceKind kind) {
        this.kind = kind;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url == null ? "" : url;
    }

    public @Nullable LocalDate getReviewDate() {
        return reviewDate;
    }

    public void setReviewDate(@Nullable LocalDate reviewDate) {
        this.reviewDate = reviewDate;
    }

    public NeedToKnow getNeedToKnow() {
        return needToKnow;
    }

    public void setNeedToKnow(@Nullable NeedToKnow needToKnow) {
        this.needToKnow = needToKnow == null ? NeedToKnow.BASIC : needToKnow;
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

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note == null ? "" : note;
    }
}
