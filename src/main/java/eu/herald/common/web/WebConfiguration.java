package eu.herald.common.web;

import eu.herald.common.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Language resolution and the design system's assets. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "HERALD_LANG";

    /**
     * The chosen language lives in a cookie for a year (and in the user's profile once signed in); before any choice,
     * the browser's preferred language among nl, fr, de and en, else English.
     */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request ->
                Language.preferred(request.getHeader("Accept-Language")).locale());
        return resolver;
    }

    /**
     * Every module keeps its texts in {@code messages/<module>_<language>.properties}; English answers when a locale
     * outside nl, fr, de and en is asked for. There is no language-neutral file, so a missing translation shows up
     * (and MessageBundleTests fails) instead of silently falling back.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(bundles());
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Language.EN.locale());
        return messages;
    }

    /** Every {@code messages/<module>_en.properties} on the class path names a bundle: a new module needs no wiring. */
    static String[] bundles() {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver()
                            .getResources("classpath*:messages/*_en.properties"))
                    .map(resource -> "messages/" + resource.getFilename().replace("_en.properties", ""))
                    .distinct()
                    .sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the message bundles", e);
        }
    }

    /** GOV.UK Frontend's stylesheet refers to its fonts and images under /assets. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
    }
}
