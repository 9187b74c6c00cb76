package eu.herald.links.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The form creating a tracked link on the links page. */
public class LinkForm {

    @NotBlank(message = "{form.required}")
    @Size(max = 2000, message = "{form.tooLong}")
    private @Nullable String target;

    @NotNull(message = "{form.required}")
    private @Nullable String channel;

    @Size(max = 100, message = "{form.tooLong}")
    private @Nullable String location;

    public @Nullable String getTarget() {
        return target;
    }

    public void setTarget(@Nullable String target) {
        this.target = target;
    }

    public @Nullable String getChannel() {
        return channel;
    }

    public void setChannel(@Nullable String channel) {
        this.channel = channel;
    }

    public @Nullable String getLocation() {
        return location;
    }

    public void setLocation(@Nullable String location) {
        this.location = location;
    }
}
