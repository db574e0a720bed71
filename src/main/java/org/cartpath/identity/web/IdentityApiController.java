package org.cartpath.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.ApiTokenManagement.NewApiToken;
import org.cartpath.identity.ApiTokenSummary;
import org.cartpath.identity.IssuedApiToken;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.OrganisationManagement.NewOrganisation;
import org.cartpath.identity.OrganisationManagement.OrganisationChange;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.UserManagement;
import org.cartpath.identity.UserManagement.NewUser;
import org.cartpath.identity.UserManagement.UserChange;
import org.cartpath.identity.UserManagement.UserWithTemporaryPassword;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.TextLimits;
import org.cartpath.shared.UserId;
import org.cartpath.shared.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organisations, users, API tokens and the current actor over REST. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Organisations, users, API tokens and who is calling")
class IdentityApiController {

    record OrganisationRequest(
            @Size(max = TextLimits.SHORT) String name,
            @Size(max = TextLimits.SHORT) String kind,
            @Size(max = TextLimits.SHORT) String region,
            @Size(max = TextLimits.SHORT) String odsCode,
            @Size(max = TextLimits.SHORT) String fin,
            Boolean active) {
    }

    record UserRequest(
            @Size(max = TextLimits.SHORT) String organisationId,
            @Size(max = TextLimits.SHORT) String username,
            @Size(max = TextLimits.SHORT) String displayName,
            @Size(max = TextLimits.SHORT) String email,
            @Size(max = TextLimits.SHORT) String jobTitle,
            @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> roles,
            Boolean enabled) {
    }

    record TokenRequest(
            @Size(max = TextLimits.SHORT) String organisationId,
            @Size(max = TextLimits.SHORT) String name,
            @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> roles,
            @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SHORT) String> scopes) {
    }

    record RevocationRequest(@Size(max = TextLimits.LONG) String reason) {
    }

    record PasswordResetRequest(@Size(max = TextLimits.LONG) String reason) {
    }

    record CreatedUser(UserAccount user, String temporaryPassword) {
    }

    private final OrganisationManagement organisations;
    private final UserManagement users;
    private final ApiTokenManagement tokens;

    IdentityApiController(OrganisationManagement organisations, UserManagement users, ApiTokenManagement tokens) {
        this.organisations = organisations;
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping("/me")
    @Operation(summary = "Who is calling: the signed-in person or the API token's system, with organisation and roles")
    Actor me(Actor actor) {
        return actor;
    }

    @GetMapping("/organisations")
    Page<Organisation> organisations(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return page(organisations.list(actor), new Page.Request(page, size));
    }

    @GetMapping("/organisations/{id}")
    ResponseEntity<Organisation> organisation(Actor actor, @PathVariable String id) {
        Organisation organisation = organisations.get(actor, OrganisationId.of(id));
        return ResponseEntity.ok().eTag(Versions.etag(organisation.version())).body(organisation);
    }

    @PostMapping("/organisations")
    ResponseEntity<Organisation> createOrganisation(Actor actor, @RequestBody OrganisationRequest body) {
        Organisation created = organisations.create(actor, new NewOrganisation(body.name(), Choices.kind(body.kind()),
                body.region(), body.odsCode(), body.fin()));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(created.version())).body(created);
    }

    @PutMapping("/organisations/{id}")
    ResponseEntity<Organisation> changeOrganisation(Actor actor, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody OrganisationRequest body) {
        int version = Versions.fromIfMatch(ifMatch);
        if (body.active() == null) {
            throw ProblemException.invalid("active", "is required");
        }
        Organisation changed = organisations.change(actor, OrganisationId.of(id), new OrganisationChange(body.name(),
                body.region(), body.odsCode(), body.fin(), body.active()), version);
        return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed);
    }

    @GetMapping("/users")
    Page<UserAccount> users(Actor actor, @RequestParam(required = false) String organisationId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return page(users.list(actor, Choices.organisation(organisationId)), new Page.Request(page, size));
    }

    @GetMapping("/users/{id}")
    ResponseEntity<UserAccount> user(Actor actor, @PathVariable String id) {
        UserAccount user = users.get(actor, UserId.of(id));
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @PostMapping("/users")
    @Operation(summary = "Create a user; the answer carries a temporary password, shown only this once")
    ResponseEntity<CreatedUser> createUser(Actor actor, @RequestBody UserRequest body) {
        UserWithTemporaryPassword created = users.create(actor, new NewUser(Choices.organisation(body.organisationId()),
                body.username(), body.displayName(), body.email(), body.jobTitle(), Choices.roles(body.roles())));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(created.user().version()))
                .body(new CreatedUser(created.user(), created.temporaryPassword()));
    }

    @PutMapping("/users/{id}")
    ResponseEntity<UserAccount> changeUser(Actor actor, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody UserRequest body) {
        int version = Versions.fromIfMatch(ifMatch);
        if (body.enabled() == null) {
            throw ProblemException.invalid("enabled", "is required");
        }
        UserAccount changed = users.change(actor, UserId.of(id), new UserChange(body.displayName(), body.email(),
                body.jobTitle(), Choices.roles(body.roles()), body.enabled()), version);
        return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed);
    }

    @PostMapping("/users/{id}/password-reset")
    @Operation(summary = "Reset a user's password to a temporary one that must be changed at the next sign-in")
    CreatedUser resetPassword(Actor actor, @PathVariable String id,
            @RequestBody(required = false) PasswordResetRequest body) {
        UserWithTemporaryPassword reset = users.resetPassword(actor, UserId.of(id), body == null ? null : body.reason());
        return new CreatedUser(reset.user(), reset.temporaryPassword());
    }

    @GetMapping("/api-tokens")
    Page<ApiTokenSummary> tokens(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return page(tokens.list(actor), new Page.Request(page, size));
    }

    @PostMapping("/api-tokens")
    @Operation(summary = "Create an API token; the answer carries the token, shown only this once")
    ResponseEntity<IssuedApiToken> createToken(Actor actor, @RequestBody TokenRequest body) {
        IssuedApiToken issued = tokens.create(actor, new NewApiToken(Choices.organisation(body.organisationId()),
                body.name(), Choices.roles(body.roles()), body.scopes() == null ? null : Set.copyOf(body.scopes())));
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @PostMapping("/api-tokens/{id}/revocation")
    @Operation(summary = "Revoke an API token; it stops working at once")
    ApiTokenSummary revoke(Actor actor, @PathVariable String id, @RequestBody(required = false) RevocationRequest body) {
        UUID tokenId = Ids.parse(id, "API token");
        return tokens.revoke(actor, tokenId, body == null ? null : body.reason());
    }

    static <T> Page<T> page(List<T> all, Page.Request request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }
}
