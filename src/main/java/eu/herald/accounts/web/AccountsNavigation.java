package eu.herald.accounts.web;

import eu.herald.accounts.Role;
import eu.herald.common.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The accounts module's entries in the main navigation. */
@Configuration(proxyBeanMethods = false)
class AccountsNavigation {

    @Bean
    NavigationItem homeNavigation() {
        return new NavigationItem("nav.home", "/", Set.of(), 0);
    }

    @Bean
    NavigationItem organisationsNavigation() {
        return new NavigationItem("nav.organisations", "/admin/organisations", Set.of(Role.ADMIN.name()), 800);
    }

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem("nav.users", "/admin/users", Set.of(Role.ADMIN.name()), 810);
    }
}
