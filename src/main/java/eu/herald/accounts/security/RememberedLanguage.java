package eu.herald.accounts.security;

import eu.herald.accounts.domain.SignedInUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/** After signing in, Herald speaks the language the user last chose, on whatever device they use. */
final class RememberedLanguage extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LocaleResolver locales;

    RememberedLanguage(LocaleResolver locales) {
        this.locales = locales;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            locales.setLocale(request, response, user.language().locale());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
