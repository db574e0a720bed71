package org.cartpath.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.cartpath.catalogue.internal.LabelVersionDocuments;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.Reactions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The catalogue API: reading products and versions, adding a version (valid, invalid, duplicate, not allowed). */
@CartpathIntegrationTest
class CatalogueApiIT {

    static final String NOVARTIS_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";
    static final String YAML = "application/yaml";

    @LocalServerPort
    int port;

    @Autowired
    Reactions reactions;

    @Autowired
    Catalogue catalogue;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anySignedInUserOrSystemReadsTheProducts() {
        HttpResponse<String> response = Http.token(port, NOVARTIS_TOKEN).get("/api/v1/catalogue/products");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = Http.json(response);
        assertThat(page.get("total").asInt()).isEqualTo(7);
        JsonNode kymriah = page.get("items").valueStream().filter(p -> p.get("code").asText().equals("KYMRIAH"))
                .findFirst().orElseThrow();
        assertThat(kymriah.get("inn").asText()).isEqualTo("tisagenlecleucel");
        assertThat(kymriah.get("currentLabelVersions").get("US").asText()).isEqualTo("KYMRIAH-US-2025-06");
        assertThat(kymriah.get("labelVersions").size()).isGreaterThanOrEqualTo(3);

        Http coordinator = Http.signedIn(port, "coordinator", "cartpath-demo");
        assertThat(coordinator.get("/api/v1/catalogue/products/BREYANZI").statusCode()).isEqualTo(200);
        assertThat(Http.json(coordinator.get("/api/v1/catalogue/products/breyanzi")).get("targetAntigen").asText())
                .isEqualTo("CD19");
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        HttpResponse<String> openApi = Http.browser(port).get("/api/v1/openapi");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/v1/catalogue/products/{code}", "/api/v1/catalogue/label-versions",
                "/api/v1/calculators/cell-dose-range", "DoseRange");
    }

    @Test
    void readsALabelVersionById() {
        HttpResponse<String> response = Http.token(port, NOVARTIS_TOKEN).get("/api/v1/catalogue/label-versions/KYMRIAH-UK-2026-11");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode version = Http.json(response);
        assertThat(version.get("jurisdiction").asText()).isEqualTo("UK");
        JsonNode criteria = version.get("indications").get(0).get("eligibility").get(0).get("criteria");
        assertThat(criteria.get(0).get("rule").asText()).isEqualTo("AGE_AT_MOST");
        assertThat(criteria.get(0).get("years").get("value").decimalValue()).isEqualByComparingTo("25");
        assertThat(criteria.get(0).get("years").get("source").asText()).contains("TA975");
        assertThat(version.get("release").get("criteria").get(0).get("minimum").get("check").asBoolean()).isTrue();
    }

    @Test
    void unknownProductsAndVersionsAreNotFound() {
        Http system = Http.token(port, NOVARTIS_TOKEN);
        assertProblem(system.get("/api/v1/catalogue/products/WONDERCEL"), 404, "not-found");
        assertProblem(system.get("/api/v1/catalogue/label-versions/KYMRIAH-US-1999-01"), 404, "not-found");
    }

    @Test
    void theCatalogueIsNotPublic() {
        assertProblem(Http.browser(port).get("/api/v1/catalogue/products"), 401, "unauthenticated");
        assertProblem(Http.browser(port).send("POST", "/api/v1/catalogue/label-versions", YAML,
                LabelVersionDocuments.valid("KYMRIAH-US-2101-01", "2101-01-01")), 401, "unauthenticated");
        assertThat(catalogue.labelVersion("KYMRIAH-US-2101-01")).isEmpty();
    }

    @Test
    void anOperatorAdministratorAddsAVersionThatBecomesCurrentOnItsDateWhileTheOldOneStaysReadable() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        HttpResponse<String> response = admin.send("POST", "/api/v1/catalogue/label-versions", YAML,
                LabelVersionDocuments.valid("KYMRIAH-US-2150-01", "2150-01-01"));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/catalogue/label-versions/KYMRIAH-US-2150-01");
        assertThat(Http.json(response).get("effectiveFrom").asText()).isEqualTo("2150-01-01");

        assertThat(catalogue.currentLabelVersion(ProductCode.KYMRIAH, Jurisdiction.US, LocalDate.of(2150, 1, 1)))
                .map(LabelVersion::id).hasValue("KYMRIAH-US-2150-01");
        assertThat(catalogue.currentLabelVersion(ProductCode.KYMRIAH, Jurisdiction.US, LocalDate.of(2149, 12, 31)))
                .map(LabelVersion::id).hasValue("KYMRIAH-US-2025-06");
        assertThat(catalogue.currentLabelVersion(ProductCode.KYMRIAH, Jurisdiction.US)).map(LabelVersion::id)
                .hasValue("KYMRIAH-US-2025-06");
        Http system = Http.token(port, NOVARTIS_TOKEN);
        assertThat(system.get("/api/v1/catalogue/label-versions/KYMRIAH-US-2025-06").statusCode()).isEqualTo(200);
        assertThat(system.get("/api/v1/catalogue/label-versions/KYMRIAH-US-2150-01").statusCode()).isEqualTo(200);

        Map<String, Object> audit = jdbc.sql("""
                select actor_name, after_state from audit_event
                where action = 'LABEL_VERSION_ADDED' and entity_id = 'KYMRIAH-US-2150-01'""").query().singleRow();
        assertThat(audit.get("actor_name")).isEqualTo("Jo Turner");
        assertThat((String) audit.get("after_state")).contains("\"origin\":\"ADDED\"").contains("documentDigest");
        assertThat(jdbc.sql("select source_text from catalogue_label_version where id = 'KYMRIAH-US-2150-01'")
                .query(String.class).single()).isEqualTo(LabelVersionDocuments.valid("KYMRIAH-US-2150-01", "2150-01-01"));
    }

    @Test
    void aVersionMayBeSentAsJson() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        Object tree = org.cartpath.catalogue.internal.CatalogueYaml.parse(
                LabelVersionDocuments.valid("ABECMA", "EU", "ABECMA-EU-2151-01", "2151-01-01"));
        HttpResponse<String> response = admin.postJson("/api/v1/catalogue/label-versions", Http.JSON.writeValueAsString(tree));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(catalogue.labelVersion("ABECMA-EU-2151-01")).isPresent();
    }

    @Test
    void anInvalidDocumentIsRefusedNamingTheFieldAndWritesNothing() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        long rows = count("select count(*) from catalogue_label_version");
        reactions.settle(); // a new label version's pharmacy reviews are audited after its commit (ADR 0022)
        long audits = count("select count(*) from audit_event");
        String unsourced = LabelVersionDocuments.valid("KYMRIAH-US-2152-01", "2152-01-01")
                .replace("maxCells: {value: 2.5e8, source: \"USPI §2: 0.1 to 2.5 × 10^8\"}", "maxCells: {value: 2.5e8}");
        HttpResponse<String> response = admin.send("POST", "/api/v1/catalogue/label-versions", YAML, unsourced);
        assertProblem(response, 400, "invalid-request");
        JsonNode error = Http.json(response).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("indications[0].dose.bands[1].maxCells.source");
        assertThat(error.get("message").asText()).isEqualTo("is required: every number needs its source");

        assertProblem(admin.send("POST", "/api/v1/catalogue/label-versions", YAML, "id: [unclosed"), 400, "invalid-request");
        assertProblem(admin.send("POST", "/api/v1/catalogue/label-versions", YAML,
                LabelVersionDocuments.valid("KYMRIAH-US-2152-01", "2152-01-01").replace("rule: AGE_AT_MOST", "rule: AGE_ISH")),
                400, "invalid-request");
        assertThat(count("select count(*) from catalogue_label_version")).isEqualTo(rows);
        assertThat(count("select count(*) from audit_event")).isEqualTo(audits);
    }

    @Test
    void aDuplicateIdOrEffectiveDayIsAConflict() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        assertThat(admin.send("POST", "/api/v1/catalogue/label-versions", YAML,
                LabelVersionDocuments.valid("KYMRIAH-US-2153-01", "2153-01-01")).statusCode()).isEqualTo(201);
        reactions.settle(); // a new label version's pharmacy reviews are audited after its commit (ADR 0022)
        long audits = count("select count(*) from audit_event");

        HttpResponse<String> sameId = admin.send("POST", "/api/v1/catalogue/label-versions", YAML,
                LabelVersionDocuments.valid("KYMRIAH-US-2153-01", "2153-06-01"));
        assertProblem(sameId, 409, "duplicate-label-version");
        assertThat(Http.json(sameId).get("detail").asText()).contains("KYMRIAH-US-2153-01 already exists");

        HttpResponse<String> sameDay = admin.send("POST", "/api/v1/catalogue/label-versions", YAML,
                LabelVersionDocuments.valid("KYMRIAH-US-2153-02", "2153-01-01"));
        assertProblem(sameDay, 409, "duplicate-label-version");
        assertThat(Http.json(sameDay).get("detail").asText()).contains("already takes effect on 2153-01-01");

        assertProblem(admin.send("POST", "/api/v1/catalogue/label-versions", YAML,
                LabelVersionDocuments.valid("KYMRIAH-US-2025-06", "2153-03-01")), 409, "duplicate-label-version");
        assertThat(count("select count(*) from audit_event")).isEqualTo(audits);
        assertThat(catalogue.labelVersion("KYMRIAH-US-2153-02")).isEmpty();
    }

    @Test
    void onlyTheOperatorsAdministratorsAddVersions() {
        Organisation centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        UserAccount otherAdmin = fixtures.user(centre, Role.ADMINISTRATOR);
        String document = LabelVersionDocuments.valid("KYMRIAH-US-2154-01", "2154-01-01");

        Http asOtherAdmin = Http.signedIn(port, otherAdmin.username(), IdentityFixtures.PASSWORD);
        assertProblem(asOtherAdmin.send("POST", "/api/v1/catalogue/label-versions", YAML, document), 403, "forbidden");
        assertProblem(Http.signedIn(port, "coordinator", "cartpath-demo").send("POST", "/api/v1/catalogue/label-versions",
                YAML, document), 403, "forbidden");
        assertProblem(Http.token(port, NOVARTIS_TOKEN).send("POST", "/api/v1/catalogue/label-versions", YAML, document),
                403, "forbidden");
        assertThat(catalogue.labelVersion("KYMRIAH-US-2154-01")).isEmpty();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/" + type);
    }
}
