package org.cartpath.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.stream.Collectors;
import org.cartpath.shared.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description, its bearer-token scheme, and the list of problem types. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the Actor is resolved from the session or bearer token (ActorArgumentResolver), never sent as a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI cartpathOpenApi() {
        String problems = ProblemTypes.all().entrySet().stream()
                .map(e -> "- `/problems/" + e.getKey() + "`: " + e.getValue())
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info().title("cartpath API").version("v1")
                        .license(new License().name("Open source"))
                        .description("""
                                The treatment centre's hub for CAR-T cell therapy. Call it as a signed-in person \
                                (session cookie plus X-CSRF-TOKEN) or as a system with \
                                `Authorization: Bearer <token>` (tokens are issued by an administrator).

                                JSON is camelCase; dates ISO-8601; quantities carry their unit in the field name; \
                                lists take `?page=&size=` (size at most 200) and answer `{items, page, size, total}`; \
                                updates of versioned records need `If-Match` with the ETag.

                                Every error is `application/problem+json` (RFC 9457) with one of these types:

                                """ + problems))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
