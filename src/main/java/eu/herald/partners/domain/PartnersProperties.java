package eu.herald.partners.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The partner portal's settings.
 *
 * @param maxUpload the largest file a toolbox resource may carry ({@code HERALD_PARTNERS_MAX_UPLOAD}); the servlet's
 *     multipart limit in application.yml sits just above the default
 */
@ConfigurationProperties("herald.partners")
public record PartnersProperties(@DefaultValue("10MB") DataSize maxUpload) {}
