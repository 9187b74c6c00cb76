package eu.herald.common.web;

import eu.herald.common.Language;
import eu.herald.common.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page layout needs on every page: the navigation for the user's roles and the language switch. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

    /** A navigation entry as the layout shows it. */
    record Link(String messageKey, String path, boolean current) {}

    private final List<NavigationItem> items;

    LayoutAdvice(List<NavigationItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @ModelAttribute("navigation")
    List<Link> navigation(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getPrincipal())) {
            return List.of();
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
        String path = request.getRequestURI();
        return items.stream()
                .filter(item -> item.roles().isEmpty() || item.roles().stream().anyMatch(roles::contains))
                .map(item -> new Link(item.messageKey(), item.path(), isCurrent(item.path(), path)))
                .toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @ModelAttribute("languages")
    List<Language> languages() {
        return List.of(Language.values());
    }

    @ModelAttribute("currentLanguage")
    Language currentLanguage() {
        return Language.of(LocaleContextHolder.getLocale());
    }

    private static boolean isCurrent(String itemPath, String path) {
        return itemPath.equals("/") ? path.equals("/") : path.startsWith(itemPath);
    }
}
