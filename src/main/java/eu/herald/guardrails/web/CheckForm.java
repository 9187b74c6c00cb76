package eu.herald.guardrails.web;

import eu.herald.common.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The "check a text" form, also posted by other modules' editors to {@code /guardrails/check}. */
class CheckForm {

    static final int MAX_TEXT = 100_000;

    @Size(max = MAX_TEXT, message = "{form.tooLong}")
    private String text = "";

    @NotNull(message = "{guardrails.channel.required}")
    private @Nullable Channel channel = Channel.FACEBOOK;

    @Pattern(regexp = "(?i)^(nl|fr|de|en)?$", message = "{guardrails.language.invalid}")
    private String language = "";

    @Pattern(regexp = "^([0-9a-fA-F-]{36})?$", message = "{guardrails.language.invalid}")
    private String organisation = "";

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text;
    }

    public @Nullable Channel getChannel() {
        return channel;
    }

    public void setChannel(@Nullable Channel channel) {
        this.channel = channel;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null ? "" : language;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation == null ? "" : organisation;
    }
}
