package eu.herald.campaigns.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.audiences.AudienceId;
import eu.herald.campaigns.domain.Campaign;
import eu.herald.campaigns.domain.CampaignDraft;
import eu.herald.common.Channel;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The campaign form as typed. Areas are NIS codes separated by spaces or commas. */
class CampaignForm {

    @NotBlank(message = "{form.required}")
    private String organisationId = "";

    @NotBlank(message = "{form.required}")
    @Size(max = 200, message = "{form.tooLong}")
    private String title = "";

    @NotBlank(message = "{form.required}")
    private String themeId = "";

    @Size(max = 2000, message = "{form.tooLong}")
    private String objective = "";

    @Size(max = 200, message = "{form.tooLong}")
    private String targetMetric = "";

    @DecimalMin(value = "0", message = "{campaign.targetValue.invalid}")
    @Digits(integer = 12, fraction = 2, message = "{campaign.targetValue.invalid}")
    private @Nullable BigDecimal targetValue;

    @NotNull(message = "{form.date.invalid}")
    private @Nullable LocalDate startsOn;

    @NotNull(message = "{form.date.invalid}")
    private @Nullable LocalDate endsOn;

    @DecimalMin(value = "0", message = "{campaign.budget.invalid}")
    @Digits(integer = 10, fraction = 2, message = "{campaign.budget.invalid}")
    private @Nullable BigDecimal budget;

    @Pattern(regexp = "^\\s*(\\d{5}([\\s,;]+\\d{5})*)?\\s*$", message = "{campaign.areas.invalid}")
    private String areas = "";

    private List<String> audiences = new ArrayList<>();

    private List<Channel> channels = new ArrayList<>();

    private int version;

    static CampaignForm of(Campaign c) {
        CampaignForm form = new CampaignForm();
        form.organisationId = c.organisation().toString();
        form.title = c.title();
        form.themeId = c.themeId().toString();
        form.objective = c.objective();
        form.targetMetric = c.targetMetric() == null ? "" : c.targetMetric();
        form.targetValue = c.targetValue();
        form.startsOn = c.startsOn();
        form.endsOn = c.endsOn();
        form.budget = BigDecimal.valueOf(c.budgetCents()).movePointLeft(2);
        form.areas = String.join(" ", c.areas());
        form.audiences =
                new ArrayList<>(c.audiences().stream().map(AudienceId::toString).toList());
        form.channels = new ArrayList<>(c.channels());
        form.version = c.version();
        return form;
    }

    /** The draft, or null when an id in the form is malformed (the caller reports it on the field). */
    @Nullable
    CampaignDraft draft() {
        try {
            return new CampaignDraft(
                    OrganisationId.of(organisationId),
                    title,
                    UUID.fromString(themeId),
                    objective == null ? "" : objective,
                    targetMetric,
                    targetValue,
                    startsOn,
                    endsOn,
                    budget == null
                            ? 0
                            : budget.setScale(2, RoundingMode.HALF_UP)
                                    .movePointRight(2)
                                    .longValueExact(),
                    areaCodes(),
                    audiences.stream().map(AudienceId::of).distinct().toList(),
                    channels.stream().distinct().toList());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    List<String> areaCodes() {
        return areas == null || areas.isBlank()
                ? List.of()
                : Arrays.stream(areas.trim().split("[\\s,;]+")).distinct().toList();
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(String organisationId) {
        this.organisationId = organisationId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getThemeId() {
        return themeId;
    }

    public void setThemeId(String themeId) {
        this.themeId = themeId;
    }

    public String getObjective() {
        return objective;
    }

    public void setObjective(String objective) {
        this.objective = objective;
    }

    public String getTargetMetric() {
        return targetMetric;
    }

    public void setTargetMetric(String targetMetric) {
        this.targetMetric = targetMetric;
    }

    public @Nullable BigDecimal getTargetValue() {
        return targetValue;
    }

    public void setTargetValue(@Nullable BigDecimal targetValue) {
        this.targetValue = targetValue;
    }

    public @Nullable LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(@Nullable LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public @Nullable LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(@Nullable LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public @Nullable BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(@Nullable BigDecimal budget) {
        this.budget = budget;
    }

    public String getAreas() {
        return areas;
    }

    public void setAreas(String areas) {
        this.areas = areas;
    }

    public List<String> getAudiences() {
        return audiences;
    }

    public void setAudiences(List<String> audiences) {
        this.audiences = audiences;
    }

    public List<Channel> getChannels() {
        return channels;
    }

    public void setChannels(List<Channel> channels) {
        this.channels = channels;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
