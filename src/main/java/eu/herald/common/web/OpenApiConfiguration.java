package eu.herald.common.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/docs: every call takes a personal access token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI heraldOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Herald API")
                        .version("v1")
                        .description("Crime-prevention communication. Authenticate with a personal access token"
                                + " (Authorization: Bearer hrld_…), created on your profile page. Errors are"
                                + " Problem Details (RFC 9457) in the language of Accept-Language (nl, fr, de, en)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal access token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
