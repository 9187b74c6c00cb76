package eu.herald.accounts.web;

import eu.herald.accounts.OrganisationId;
import eu.herald.accounts.UserId;
import eu.herald.common.NotFoundException;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Typed ids in paths; a malformed id is a page that does not exist. */
@Configuration(proxyBeanMethods = false)
class IdConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, OrganisationId.class, value -> {
            try {
                return OrganisationId.of(value);
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("organisation");
            }
        });
        registry.addConverter(String.class, UserId.class, value -> {
            try {
                return UserId.of(value);
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("user");
            }
        });
    }
}
