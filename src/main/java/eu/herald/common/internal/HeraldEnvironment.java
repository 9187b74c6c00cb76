package eu.herald.common.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps Herald's documented environment variables onto the Spring settings they drive, only when they are set: a
 * mail host that is present but empty would still switch mail on.
 */
class HeraldEnvironment implements EnvironmentPostProcessor {

    private static final Map<String, String> MAPPED = Map.of(
            "HERALD_SMTP_HOST", "spring.mail.host",
            "HERALD_SMTP_PORT", "spring.mail.port",
            "HERALD_SMTP_USER", "spring.mail.username",
            "HERALD_SMTP_PASSWORD", "spring.mail.password",
            "HERALD_MANAGEMENT_PORT", "management.server.port");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = new HashMap<>();
        MAPPED.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                settings.put(property, value);
            }
        });
        if ("true".equalsIgnoreCase(environment.getProperty("HERALD_SMTP_STARTTLS"))) {
            settings.put("spring.mail.properties.mail.smtp.starttls.enable", "true");
            settings.put("spring.mail.properties.mail.smtp.starttls.required", "true");
        }
        if ("true".equalsIgnoreCase(environment.getProperty("HERALD_LOG_JSON"))) {
            settings.put("logging.structured.format.console", "ecs");
        }
        if (!settings.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("heraldEnvironment", settings));
        }
    }
}
