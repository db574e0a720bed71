package org.cartpath.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shell, error pages, security headers, operations endpoints and the admin pages, over real HTTP. */
@CartpathIntegrationTest
class PagesIT {

    @LocalServerPort
    int port;

    @Test
    void anonymousVisitorsAreSentToTheNhsStyledSignInPage() {
        Http http = Http.browser(port);
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/sign-in");
        HttpResponse<String> signIn = http.get("/sign-in");
        assertThat(signIn.body()).contains("nhsuk-frontend.min.css", "Sign in to cartpath", "name=\"_csrf\"");
        assertThat(http.get("/assets/nhsuk/nhsuk-frontend.min.css").statusCode()).isEqualTo(200);
        assertThat(http.get("/assets/htmx/htmx.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void pagesCarryStrictSecurityHeadersAndARequestId() {
        HttpResponse<String> page = Http.browser(port).get("/sign-in");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Request-Id").orElse("")).hasSizeGreaterThan(8);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("HSTS only over TLS").isEmpty();
        HttpResponse<String> echoed = Http.browser(port).get("/sign-in", Map.of("X-Request-Id", "ticket-12345678"));
        assertThat(echoed.headers().firstValue("X-Request-Id")).contains("ticket-12345678");
    }

    @Test
    void theHomePageShowsTheUserTheirOrganisationAndRolePanels() {
        HttpResponse<String> home = Http.signedIn(port, "coordinator", "cartpath-demo").get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Sam Okafor", "Great Ormond Street Hospital for Children", "Worklist",
                "Sign out").doesNotContain("API tokens");
        HttpResponse<String> admin = Http.signedIn(port, "admin", "cartpath-demo").get("/");
        assertThat(admin.body()).contains("Organisations", "Users", "API tokens", "Audit trail");
    }

    @Test
    void unknownPagesAndRecordsGetTheFriendly404() {
        Http http = Http.signedIn(port, "coordinator", "cartpath-demo");
        HttpResponse<String> missing = http.get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").doesNotContain("Exception");
        HttpResponse<String> api = http.get("/api/v1/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(Http.json(api).get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(http.get("/admin/users").statusCode()).as("a coordinator is not an administrator").isEqualTo(403);
        assertThat(http.get("/admin/users").body()).contains("You cannot do this");
    }

    @Test
    void healthIsPublicAndReadinessIncludesTheDatabase() {
        Http http = Http.browser(port);
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(Http.json(readiness).get("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").statusCode()).as("metrics are not public").isEqualTo(401);
        HttpResponse<String> metrics = Http.signedIn(port, "admin", "cartpath-demo").get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
    }

    @Test
    void theOpenApiDocumentAndItsBrowsableUiAreServed() {
        Http http = Http.browser(port);
        HttpResponse<String> openapi = http.get("/api/v1/openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(Http.json(openapi).get("paths").has("/api/v1/users")).isTrue();
        assertThat(Http.json(openapi).get("info").get("title").asText()).isEqualTo("cartpath API");
        HttpResponse<String> docs = http.get("/api/v1/docs");
        assertThat(docs.statusCode()).isEqualTo(302);
        String ui = docs.headers().firstValue("Location").orElseThrow();
        assertThat(http.get(ui.replaceFirst("^https?://[^/]+", "")).statusCode()).isEqualTo(200);
        assertThat(http.get("/problems/not-found").body()).contains("No such record");
    }

    @Test
    void theOperatorAdministratorAddsAnOrganisationThroughTheForm() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        admin.get("/admin/organisations/new");
        HttpResponse<String> invalid = admin.postForm("/admin/organisations", Map.of("name", "", "kind", ""));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("There is a problem", "Name enter a name", "Kind choose the kind");
        String name = "Birmingham Children's " + System.nanoTime();
        HttpResponse<String> created = admin.postForm("/admin/organisations", Map.of("name", name, "kind",
                "TREATMENT_CENTRE", "region", "West Midlands"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/organisations").body()).contains(name.replace("'", "&#39;"));
    }

    @Test
    void theAuditPageSearchesAndVerifies() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        HttpResponse<String> page = admin.get("/admin/audit?entityType=Organisation");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ORGANISATION_CREATED");
        HttpResponse<String> bad = admin.get("/admin/audit?from=yesterday");
        assertThat(bad.body()).contains("Enter the date as YYYY-MM-DD");
        HttpResponse<String> verified = admin.postForm("/admin/audit/verification", Map.of());
        assertThat(verified.body()).contains("The audit trail is intact");
        HttpResponse<String> api = admin.get("/api/v1/audit-events/verification");
        assertThat(Http.json(api).get("intact").asBoolean()).isTrue();
        assertThat(Http.signedIn(port, "auditor", "cartpath-demo").get("/admin/audit").statusCode()).isEqualTo(200);
        assertThat(Http.signedIn(port, "coordinator", "cartpath-demo").get("/api/v1/audit-events").statusCode())
                .isEqualTo(403);
    }
}
