package eu.herald.accounts.web;

import jakarta.validation.constraints.NotBlank;

/** Choosing a password: typed twice; the current one too when changing it from the profile. */
class PasswordForm {

    private String current = "";

    @NotBlank(message = "{password.password.required}")
    private String password = "";

    @NotBlank(message = "{password.confirmation.required}")
    private String confirmation = "";

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    boolean confirmed() {
        return password.equals(confirmation);
    }
}
