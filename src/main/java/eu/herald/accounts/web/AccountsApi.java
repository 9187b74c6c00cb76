package eu.herald.accounts.web;

import eu.herald.accounts.Access;
import eu.herald.accounts.OrganisationSummary;
import eu.herald.accounts.Role;
import eu.herald.accounts.UserId;
import eu.herald.accounts.domain.TokenService;
import eu.herald.accounts.domain.User;
import eu.herald.accounts.domain.UserDirectory;
import eu.herald.common.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The accounts part of the REST API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "The caller, their organisations and service-account tokens")
class AccountsApi {

    record MembershipJson(UUID organisationId, String organisationName, Role role) {}

    record MeJson(
            UUID id,
            String email,
            String displayName,
            String language,
            List<Role> roles,
            List<MembershipJson> memberships) {}

    record OrganisationJson(
            UUID id,
            @Nullable UUID parentId,
            String kind,
            Map<String, String> names,
            List<String> officialLanguages,
            List<Role> roles) {}

    record TokenRequest(
            @NotBlank(message = "{form.required}") @Size(max = 100, message = "{form.tooLong}")
            String name,

            @Future(message = "{token.error.expiryInPast}") @Nullable
            Instant expiresAt) {}

    record TokenJson(
            UUID id, String name, String token, @Nullable Instant expiresAt) {}

    private final UserDirectory users;
    private final TokenService tokens;
    private final Access access;

    AccountsApi(UserDirectory users, TokenService tokens, Access access) {
        this.users = users;
        this.tokens = tokens;
        this.access = access;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller: who they are, their memberships and roles")
    MeJson me() {
        User me = users.current();
        Language language = Language.of(LocaleContextHolder.getLocale());
        List<MembershipJson> memberships = users.ownMemberships().stream()
                .map(m -> new MembershipJson(
                        m.organisation().value(),
                        access.organisation(m.organisation())
                                .map(o -> o.name(language))
                                .orElse(""),
                        m.role()))
                .toList();
        List<Role> roles = memberships.stream()
                .map(MembershipJson::role)
                .distinct()
                .sorted()
                .toList();
        return new MeJson(
                me.id().value(), me.email(), me.displayName(), me.language().code(), roles, memberships);
    }

    @GetMapping("/organisations")
    @Operation(summary = "The organisations the caller reaches, with the roles they hold in each")
    List<OrganisationJson> organisations() {
        Map<UUID, OrganisationJson> reached = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            for (OrganisationSummary o : access.reachable(role)) {
                OrganisationJson known = reached.get(o.id().value());
                List<Role> roles = known == null ? List.of(role) : concat(known.roles(), role);
                reached.put(o.id().value(), json(o, roles));
            }
        }
        return List.copyOf(reached.values());
    }

    @PostMapping("/admin/users/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mint a personal access token for a service account (ADMIN); the token is shown once")
    TokenJson mint(@PathVariable UserId id, @Valid @RequestBody TokenRequest request) {
        TokenService.NewToken created = tokens.mintForServiceAccount(id, request.name(), request.expiresAt());
        return new TokenJson(
                created.token().id(),
                created.token().name(),
                created.value(),
                created.token().expiresAt());
    }

    private static OrganisationJson json(OrganisationSummary o, List<Role> roles) {
        Map<String, String> names = new LinkedHashMap<>();
        o.names().forEach((language, name) -> names.put(language.code(), name));
        return new OrganisationJson(
                o.id().value(),
                o.parentId() == null ? null : o.parentId().value(),
                o.kind().name(),
                names,
                o.officialLanguages().stream().map(Language::code).toList(),
                roles);
    }

    private static List<Role> concat(List<Role> roles, Role role) {
        return Arrays.stream(Role.values())
                .filter(r -> r == role || roles.contains(r))
                .toList();
    }
}
