package org.cartpath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Organisations, users and tokens over the API: scoping, bad input, duplicates, versions, revocation. */
@CartpathIntegrationTest
class IdentityApiIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Organisation hospitalA;
    Organisation hospitalB;
    UserAccount adminA;
    UserAccount adminB;
    UserAccount clerkB;
    Http asAdminA;

    @BeforeEach
    void twoHospitalsWithAdministrators() {
        hospitalA = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        hospitalB = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        adminA = fixtures.user(hospitalA, Role.ADMINISTRATOR);
        adminB = fixtures.user(hospitalB, Role.ADMINISTRATOR);
        clerkB = fixtures.user(hospitalB, Role.REFERRER);
        asAdminA = Http.signedIn(port, adminA.username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void unauthenticatedApiCallGets401ProblemJson() {
        HttpResponse<String> response = Http.browser(port).get("/api/v1/users");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Http.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/unauthenticated");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.has("requestId")).isTrue();
    }

    @Test
    void aGarbageBearerTokenIsRefusedWith401() {
        HttpResponse<String> response = Http.token(port, "cpt_nonsense_xxxxxxxx").get("/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/invalid-token");
    }

    @Test
    void anAdministratorSeesOnlyTheirOwnOrganisationsUsers() {
        JsonNode users = Http.json(asAdminA.get("/api/v1/users?size=200")).get("items");
        assertThat(users.valueStream().map(u -> u.get("organisationId").asText()))
                .isNotEmpty()
                .allMatch(id -> id.equals(hospitalA.id().toString()));
    }

    @Test
    void anotherOrganisationsAdminObjectsAreNotFound() {
        assertThat(asAdminA.get("/api/v1/users/" + clerkB.id()).statusCode()).isEqualTo(404);
        assertThat(asAdminA.get("/api/v1/organisations/" + hospitalB.id()).statusCode()).isEqualTo(404);
        HttpResponse<String> change = asAdminA.sendJson("PUT", "/api/v1/users/" + clerkB.id(),
                Map.of("displayName", "Hijacked", "roles", List.of("REFERRER"), "enabled", true), Map.of("If-Match", "\"0\""));
        assertThat(change.statusCode()).isEqualTo(404);
        assertThat(asAdminA.postJson("/api/v1/users/" + clerkB.id() + "/password-reset", Map.of()).statusCode())
                .isEqualTo(404);
        // and the pages say the same
        assertThat(asAdminA.get("/admin/users/" + clerkB.id()).statusCode()).isEqualTo(404);
        assertThat(asAdminA.get("/admin/organisations/" + hospitalB.id()).statusCode()).isEqualTo(404);
        assertThat(displayNameOf(clerkB)).isEqualTo(clerkB.displayName());
    }

    @Test
    void anAdministratorCannotCreateAUserInAnotherOrganisation() {
        HttpResponse<String> response = asAdminA.postJson("/api/v1/users", Map.of("organisationId", hospitalB.id().toString(),
                "username", "sneaky." + System.nanoTime(), "displayName", "Sneaky", "roles", List.of("REFERRER")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errors").get(0).get("field").asText()).isEqualTo("organisationId");
        assertThat(usersNamed("Sneaky")).isZero();
    }

    @Test
    void aNonAdministratorIsForbidden() {
        Http asClerk = Http.signedIn(port, clerkB.username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> response = asClerk.get("/api/v1/users");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(asClerk.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void createsAUserWithATemporaryPasswordThatMustBeChanged() {
        String username = "new.user." + System.nanoTime();
        HttpResponse<String> response = asAdminA.postJson("/api/v1/users", Map.of("organisationId",
                hospitalA.id().toString(), "username", username, "displayName", "Dr New User", "roles", List.of("REFERRER")));
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = Http.json(response);
        String temporary = created.get("temporaryPassword").asText();
        assertThat(created.get("user").get("mustChangePassword").asBoolean()).isTrue();

        Http newUser = Http.signedIn(port, username, temporary);
        HttpResponse<String> blocked = newUser.get("/");
        assertThat(blocked.statusCode()).isEqualTo(302);
        assertThat(blocked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
        assertThat(newUser.get("/api/v1/me").statusCode()).isEqualTo(403);

        HttpResponse<String> changed = newUser.postForm("/account/password", Map.of("currentPassword", temporary,
                "newPassword", "a-brand-new-passphrase", "confirmPassword", "a-brand-new-passphrase"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(newUser.get("/").statusCode()).isEqualTo(200);
        assertThat(auditActions("User", created.get("user").get("id").asText()))
                .containsExactly("USER_CREATED", "PASSWORD_CHANGED");
    }

    @Test
    void refusesBadUserInputAndWritesNothing() {
        long before = auditRows();
        assertProblem(asAdminA.postJson("/api/v1/users", Map.of()), 400, "invalid-request");
        assertProblem(asAdminA.postJson("/api/v1/users", Map.of("organisationId", hospitalA.id().toString(),
                "username", "Bad Name!", "displayName", "x", "roles", List.of())), 400, "invalid-request");
        assertProblem(asAdminA.postJson("/api/v1/users", Map.of("organisationId", hospitalA.id().toString(),
                "username", "ok.name." + System.nanoTime(), "displayName", "Someone", "roles", List.of("WIZARD"))),
                400, "invalid-request");
        assertProblem(asAdminA.postJson("/api/v1/users", Map.of("organisationId", "not-a-uuid",
                "username", "ok.name." + System.nanoTime(), "displayName", "Someone", "roles", List.of("REFERRER"))),
                400, "invalid-request");
        assertProblem(asAdminA.postJson("/api/v1/users", "{not json"), 400, "unreadable-body");
        // a consultant cannot work at a referring hospital
        assertProblem(asAdminA.postJson("/api/v1/users", Map.of("organisationId", hospitalA.id().toString(),
                "username", "ok.name." + System.nanoTime(), "displayName", "Someone", "roles", List.of("CONSULTANT"))),
                422, "role-not-allowed");
        assertProblem(asAdminA.get("/api/v1/users/not-a-uuid"), 404, "not-found");
        assertProblem(asAdminA.get("/api/v1/users?size=500"), 400, "invalid-request");
        assertThat(auditRows()).isEqualTo(before);
    }

    @Test
    void aDuplicateUsernameIsAConflict() {
        Map<String, Object> body = Map.of("organisationId", hospitalA.id().toString(), "username",
                clerkB.username().toUpperCase(), "displayName", "Copy", "roles", List.of("REFERRER"));
        assertProblem(asAdminA.postJson("/api/v1/users", body), 409, "duplicate-username");
        assertThat(usersNamed("Copy")).isZero();
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String path = "/api/v1/users/" + adminA.id();
        HttpResponse<String> current = asAdminA.get(path);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        Map<String, Object> change = Map.of("displayName", "Renamed Admin", "roles", List.of("ADMINISTRATOR"), "enabled", true);
        assertProblem(asAdminA.sendJson("PUT", path, change, Map.of()), 428, "precondition-required");
        HttpResponse<String> ok = asAdminA.sendJson("PUT", path, change, Map.of("If-Match", etag));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Http.json(ok).get("displayName").asText()).isEqualTo("Renamed Admin");
        // replaying the same update with the old ETag is stale
        assertProblem(asAdminA.sendJson("PUT", path, change, Map.of("If-Match", etag)), 409, "stale-version");
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        String path = "/api/v1/users/" + adminA.id();
        String etag = asAdminA.get(path).headers().firstValue("ETag").orElseThrow();
        assertProblem(asAdminA.sendJson("PUT", path, Map.of("displayName", adminA.displayName(), "roles",
                List.of("REFERRER"), "enabled", true), Map.of("If-Match", etag)), 422, "self-lockout");
    }

    @Test
    void onlyTheOperatorsAdministratorsCreateOrganisations() {
        HttpResponse<String> refused = asAdminA.postJson("/api/v1/organisations",
                Map.of("name", "Rogue Centre " + System.nanoTime(), "kind", "TREATMENT_CENTRE"));
        assertProblem(refused, 403, "forbidden");

        Http operatorAdmin = Http.signedIn(port, "admin", "cartpath-demo");
        String name = "New Centre " + System.nanoTime();
        HttpResponse<String> created = operatorAdmin.postJson("/api/v1/organisations",
                Map.of("name", name, "kind", "TREATMENT_CENTRE", "fin", "z1234"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Http.json(created).get("fin").asText()).isEqualTo("Z1234");
        assertProblem(operatorAdmin.postJson("/api/v1/organisations", Map.of("name", name.toLowerCase(), "kind",
                "TREATMENT_CENTRE")), 409, "duplicate-organisation");
        assertProblem(operatorAdmin.postJson("/api/v1/organisations", Map.of("name", "Other " + System.nanoTime(),
                "kind", "TREATMENT_CENTRE", "fin", "Z1234")), 409, "duplicate-fin");
        assertProblem(operatorAdmin.postJson("/api/v1/organisations", Map.of("name", "Bad FIN " + System.nanoTime(),
                "kind", "TREATMENT_CENTRE", "fin", "O1234")), 400, "invalid-request");
        assertProblem(operatorAdmin.postJson("/api/v1/organisations", Map.of("name", "Bad kind " + System.nanoTime(),
                "kind", "SPACESHIP")), 400, "invalid-request");
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        HttpResponse<String> issued = asAdminA.postJson("/api/v1/api-tokens", Map.of("organisationId",
                hospitalA.id().toString(), "name", "Record system", "roles", List.of("REFERRER")));
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = Http.json(issued).get("secret").asText();
        String id = Http.json(issued).get("token").get("id").asText();
        Http system = Http.token(port, token);
        JsonNode me = Http.json(system.get("/api/v1/me"));
        assertThat(me.get("type").asText()).isEqualTo("SYSTEM");
        assertThat(me.get("organisationId").asText()).isEqualTo(hospitalA.id().toString());

        assertThat(asAdminA.postJson("/api/v1/api-tokens/" + id + "/revocation", Map.of("reason", "leaked"))
                .statusCode()).isEqualTo(200);
        assertProblem(system.get("/api/v1/me"), 401, "invalid-token");
        // revoking twice is a conflict; another organisation's token is not found
        assertProblem(asAdminA.postJson("/api/v1/api-tokens/" + id + "/revocation", Map.of()), 409, "already-revoked");
        Http asAdminB = Http.signedIn(port, adminB.username(), IdentityFixtures.PASSWORD);
        assertProblem(asAdminB.postJson("/api/v1/api-tokens/" + id + "/revocation", Map.of()), 404, "not-found");
        assertThat(jdbc.sql("select token_hash from api_token where id = ?::uuid").param(id).query(String.class).single())
                .doesNotContain(token).hasSize(64);
    }

    @Test
    void aTokenCannotBeGivenARoleItsOrganisationCannotHold() {
        assertProblem(asAdminA.postJson("/api/v1/api-tokens", Map.of("organisationId", hospitalA.id().toString(),
                "name", "Bad", "roles", List.of("MANUFACTURER_OPERATOR"))), 422, "role-not-allowed");
        assertProblem(asAdminA.postJson("/api/v1/api-tokens", Map.of("organisationId", hospitalA.id().toString(),
                "name", "Admin token", "roles", List.of("ADMINISTRATOR"))), 422, "role-not-allowed");
    }

    @Test
    void aTokenCarriesTheFhirScopesChosenWhenIssuedReadOnlyByDefaultAndTheListShowsThem() {
        HttpResponse<String> chosen = asAdminA.postJson("/api/v1/api-tokens", Map.of("organisationId",
                hospitalA.id().toString(), "name", "Record system", "roles", List.of("REFERRER"),
                "scopes", List.of("system/Patient.read")));
        HttpResponse<String> unchosen = asAdminA.postJson("/api/v1/api-tokens", Map.of("organisationId",
                hospitalA.id().toString(), "name", "Other system", "roles", List.of("REFERRER")));

        assertThat(Http.json(chosen).get("token").get("scopes").toString()).isEqualTo("[\"system/Patient.read\"]");
        assertThat(Http.json(unchosen).get("token").get("scopes").toString()).isEqualTo("[\"system/*.read\"]");
        String id = Http.json(chosen).get("token").get("id").asText();
        JsonNode listed = null;
        for (JsonNode item : Http.json(asAdminA.get("/api/v1/api-tokens?size=200")).get("items")) {
            listed = item.get("id").asText().equals(id) ? item : listed;
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("scopes").toString()).isEqualTo("[\"system/Patient.read\"]");
        assertThat(asAdminA.get("/admin/api-tokens").body()).contains("system/Patient.read");
        assertThat(asAdminA.get("/admin/api-tokens/new").body()).contains("value=\"system/Observation.write\"");
        // a scope that does not exist, and the write scope for an organisation that is not a treatment centre
        assertProblem(asAdminA.postJson("/api/v1/api-tokens", Map.of("organisationId", hospitalA.id().toString(),
                "name", "Bad", "roles", List.of("REFERRER"), "scopes", List.of("system/*.write"))), 400,
                "invalid-request");
        assertProblem(asAdminA.postJson("/api/v1/api-tokens", Map.of("organisationId", hospitalA.id().toString(),
                "name", "Bad", "roles", List.of("REFERRER"), "scopes", List.of("system/Observation.write"))), 422,
                "scope-not-allowed");
    }

    @Test
    void theDemoManufacturerTokenWorks() {
        JsonNode me = Http.json(Http.token(port, "cpt_demonovartis_demo0novartis0manufacturing0token0a1").get("/api/v1/me"));
        assertThat(me.get("roles").get(0).asText()).isEqualTo("MANUFACTURER_OPERATOR");
        assertThat(me.get("organisationKind").asText()).isEqualTo("MANUFACTURER");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(Http.json(response).get("detail").asText()).isNotBlank();
    }

    private String displayNameOf(UserAccount user) {
        return jdbc.sql("select display_name from app_user where id = ?").param(user.id().value()).query(String.class).single();
    }

    private long usersNamed(String displayName) {
        return jdbc.sql("select count(*) from app_user where display_name = ?").param(displayName).query(Long.class).single();
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }

    private List<String> auditActions(String type, String id) {
        return jdbc.sql("select action from audit_event where entity_type = ? and entity_id = ? order by id")
                .params(type, id).query(String.class).list();
    }
}
