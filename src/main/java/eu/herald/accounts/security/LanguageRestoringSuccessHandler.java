package eu.herald.accounts.security;

import eu.herald.accounts.domain.SignedInUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After signing in, the pages speak the language remembered in the user's profile (the last one they chose), on any
 * browser; then on to the page asked for before signing in, or the start page.
 */
final class LanguageRestoringSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final LocaleResolver locales;

    LanguageRestoringSuccessHandler(LocaleResolver locales) {
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
