package eu.herald.audiences.web;

import eu.herald.accounts.Role;
import eu.herald.common.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audiences module's entries in the main navigation. */
@Configuration(proxyBeanMethods = false)
class AudiencesNavigation {

    @Bean
    NavigationItem audiencesPageNavigation() {
        return new NavigationItem("audiences.nav.audiences", "/audiences", Set.of(AudiencesRoutes.READERS), 300);
    }

    @Bean
    NavigationItem areasNavigation() {
        return new NavigationItem("audiences.nav.areas", "/admin/areas", Set.of(Role.ADMIN.name()), 820);
    }

    @Bean
    NavigationItem languageRulesNavigation() {
        return new NavigationItem(
                "audiences.nav.languageRules", "/admin/language-rules", Set.of(Role.ADMIN.name()), 830);
    }
}
