package eu.herald.links.web;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The form printing a poster run: one or two variants, the paper, the locations (one a line). */
public class PosterForm {

    @NotEmpty(message = "{links.poster.variants}")
    private List<String> variants = new ArrayList<>();

    @NotNull(message = "{form.required}")
    private @Nullable String paper = "A4";

    @NotEmpty(message = "{links.poster.locations}")
    @Size(max = 6000, message = "{form.tooLong}")
    private @Nullable String locations;

    @Size(max = 2000, message = "{form.tooLong}")
    private @Nullable String target;

    @Size(max = 200, message = "{links.poster.contactTooLong}")
    private @Nullable String contact;

    public List<String> getVariants() {
        return variants;
    }

    public void setVariants(List<String> variants) {
        this.variants = variants;
    }

    public @Nullable String getPaper() {
        return paper;
    }

    public void setPaper(@Nullable String paper) {
        this.paper = paper;
    }

    public @Nullable String getLocations() {
        return locations;
    }

    public void setLocations(@Nullable String locations) {
        this.locations = locations;
    }

    public @Nullable String getTarget() {
        return target;
    }

    public void setTarget(@Nullable String target) {
        this.target = target;
    }

    public @Nullable String getContact() {
        return contact;
    }

    public void setContact(@Nullable String contact) {
        this.contact = contact;
    }
}
