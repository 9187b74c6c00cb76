package eu.herald.accounts.web;

import eu.herald.accounts.domain.User;
import eu.herald.common.Language;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The form editing a user's details. */
class UserForm {

    @NotBlank(message = "{user.email.required}")
    @Email(message = "{form.email.invalid}")
    @Size(max = 320, message = "{form.tooLong}")
    private String email = "";

    @NotBlank(message = "{user.displayName.required}")
    @Size(max = 200, message = "{form.tooLong}")
    private String displayName = "";

    @NotNull(message = "{user.language.required}")
    private @Nullable Language language;

    private int version;

    static UserForm of(User user) {
        UserForm form = new UserForm();
        form.email = user.email();
        form.displayName = user.displayName();
        form.language = user.language();
        form.version = user.version();
        return form;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public @Nullable Language getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable Language language) {
        this.language = language;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
