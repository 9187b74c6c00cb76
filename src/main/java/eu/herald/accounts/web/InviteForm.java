package eu.herald.accounts.web;

import eu.herald.accounts.Role;
import eu.herald.common.Language;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The invitation form. */
class InviteForm {

    @NotBlank(message = "{user.email.required}")
    @Email(message = "{form.email.invalid}")
    @Size(max = 320, message = "{form.tooLong}")
    private String email = "";

    @NotBlank(message = "{user.displayName.required}")
    @Size(max = 200, message = "{form.tooLong}")
    private String displayName = "";

    @NotNull(message = "{user.language.required}")
    private @Nullable Language language;

    @NotBlank(message = "{membership.organisation.required}")
    private String organisationId = "";

    @NotNull(message = "{membership.role.required}")
    private @Nullable Role role;

    private boolean serviceAccount;

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

    public String getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(String organisationId) {
        this.organisationId = organisationId;
    }

    public @Nullable Role getRole() {
        return role;
    }

    public void setRole(@Nullable Role role) {
        this.role = role;
    }

    public boolean isServiceAccount() {
        return serviceAccount;
    }

    public void setServiceAccount(boolean serviceAccount) {
        this.serviceAccount = serviceAccount;
    }
}
