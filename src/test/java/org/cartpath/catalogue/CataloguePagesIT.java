package org.cartpath.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartpath.catalogue.internal.BundledCatalogue;
import org.cartpath.catalogue.internal.LabelVersionDocuments;
import org.cartpath.identity.UserAccount;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.Reactions;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalogue pages: lists and details for anyone signed in; the add form for the operator's administrators. */
@CartpathIntegrationTest
class CataloguePagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Reactions reactions;

    @Autowired
    BundledCatalogue bundled;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsTheProductsWithTheirCurrentVersions() {
        HttpResponse<String> page = Http.signedIn(port, "admin", "cartpath-demo").get("/admin/catalogue");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kymriah", "tisagenlecleucel", "KYMRIAH-US-2025-06", "Carvykti",
                "Add a label version", "href=\"/admin/catalogue\"");
    }

    @Test
    void everyBundledProductAndVersionPageRenders() {
        Http reader = Http.signedIn(port, "coordinator", "cartpath-demo");
        for (Product product : bundled.products()) {
            HttpResponse<String> page = reader.get("/admin/catalogue/products/" + product.code());
            assertThat(page.statusCode()).as(product.code().name()).isEqualTo(200);
            assertThat(page.body()).contains(product.inn());
        }
        for (BundledCatalogue.BundledVersion v : bundled.versions()) {
            HttpResponse<String> page = reader.get("/admin/catalogue/label-versions/" + v.version().id());
            assertThat(page.statusCode()).as(v.version().id()).isEqualTo(200);
            assertThat(page.body()).contains(v.version().id(), "Eligibility", "Dose (CAR-positive viable T cells)",
                    v.version().monitoring().capdBelowAgeYears().source());
        }
        HttpResponse<String> kymriahUk = reader.get("/admin/catalogue/label-versions/KYMRIAH-UK-2026-11");
        assertThat(kymriahUk.body()).contains("RELAPSED_AFTER_TRANSPLANT", "NICE TA975 §1.1: 25 years and under",
                "Current");
    }

    @Test
    void unknownProductsAndVersionsAreNotFound() {
        Http reader = Http.signedIn(port, "coordinator", "cartpath-demo");
        assertThat(reader.get("/admin/catalogue/products/WONDERCEL").statusCode()).isEqualTo(404);
        assertThat(reader.get("/admin/catalogue/label-versions/KYMRIAH-US-1900-01").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheOperatorsAdministratorsMayAdd() {
        Http coordinator = Http.signedIn(port, "coordinator", "cartpath-demo");
        assertThat(coordinator.get("/admin/catalogue").body()).doesNotContain("Add a label version");
        assertThat(coordinator.get("/admin/catalogue/label-versions/new").statusCode()).isEqualTo(403);

        UserAccount otherAdmin = fixtures.user(fixtures.organisation(OrganisationKind.TREATMENT_CENTRE), Role.ADMINISTRATOR);
        Http asOtherAdmin = Http.signedIn(port, otherAdmin.username(), IdentityFixtures.PASSWORD);
        assertThat(asOtherAdmin.get("/admin/catalogue/label-versions/new").statusCode()).isEqualTo(403);
        HttpResponse<String> refused = asOtherAdmin.postForm("/admin/catalogue/label-versions",
                Map.of("document", LabelVersionDocuments.valid("KYMRIAH-US-2170-01", "2170-01-01")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from catalogue_label_version where id = 'KYMRIAH-US-2170-01'")).isZero();
    }

    @Test
    void anInvalidDocumentShowsTheErrorSummaryAndWritesNothing() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        assertThat(admin.get("/admin/catalogue/label-versions/new").statusCode()).isEqualTo(200);
        long rows = count("select count(*) from catalogue_label_version");
        reactions.settle(); // an earlier label version's pharmacy reviews are audited after its commit (ADR 0022)
        long audits = count("select count(*) from audit_event");
        String invalid = LabelVersionDocuments.valid("KYMRIAH-US-2171-01", "2171-01-01")
                .replace("maxCells: {value: 2.5e8, source: \"USPI §2: 0.1 to 2.5 × 10^8\"}", "maxCells: {value: -2.5e8}");

        HttpResponse<String> page = admin.postForm("/admin/catalogue/label-versions", Map.of("document", invalid));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("There is a problem", "href=\"#document\"",
                "indications[0].dose.bands[1].maxCells.value: must be greater than 0", "<title>Error: Add a label version");
        assertThat(page.body()).contains("KYMRIAH-US-2171-01");
        assertThat(count("select count(*) from catalogue_label_version")).isEqualTo(rows);
        assertThat(count("select count(*) from audit_event")).isEqualTo(audits);

        HttpResponse<String> empty = admin.postForm("/admin/catalogue/label-versions", Map.of("document", ""));
        assertThat(empty.body()).contains("There is a problem", "The document is empty");
    }

    @Test
    void aPastedDocumentIsAddedAndAudited() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        HttpResponse<String> added = admin.postForm("/admin/catalogue/label-versions",
                Map.of("document", LabelVersionDocuments.valid("YESCARTA", "US", "YESCARTA-US-2172-01", "2172-01-01")));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/admin/catalogue/label-versions/YESCARTA-US-2172-01"));
        assertThat(admin.get("/admin/catalogue/label-versions/YESCARTA-US-2172-01").body())
                .contains("Label version YESCARTA-US-2172-01 has been added.");
        assertThat(count("select count(*) from audit_event where action = 'LABEL_VERSION_ADDED' "
                + "and entity_id = 'YESCARTA-US-2172-01' and actor_name = 'Jo Turner'")).isEqualTo(1);
        assertThat(admin.get("/admin/catalogue/products/YESCARTA").body()).contains("YESCARTA-US-2172-01");
    }

    @Test
    void anUploadedFileIsAdded() {
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        String boundary = "cartpath-test-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"document\"\r\n\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"tecartus.yaml\"\r\n"
                + "Content-Type: application/yaml\r\n\r\n"
                + LabelVersionDocuments.valid("TECARTUS", "UK", "TECARTUS-UK-2173-01", "2173-01-01") + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> added = admin.send("POST", "/admin/catalogue/label-versions",
                "multipart/form-data; boundary=" + boundary, body);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(count("select count(*) from catalogue_label_version where id = 'TECARTUS-UK-2173-01'")).isEqualTo(1);
    }

    @Test
    void aBrowserUploadCarriesItsCsrfTokenInTheMultipartBody() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String signIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=cartpath-demo&_csrf="
                        + csrfOf(signIn))).build(), HttpResponse.BodyHandlers.ofString());
        String form = browser.send(HttpRequest.newBuilder(
                URI.create(base + "/admin/catalogue/label-versions/new")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String boundary = "browser-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfOf(form) + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.yaml\"\r\n"
                + "Content-Type: application/yaml\r\n\r\n"
                + LabelVersionDocuments.valid("BREYANZI", "EU", "BREYANZI-EU-2174-01", "2174-01-01") + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> added = browser.send(HttpRequest.newBuilder(
                URI.create(base + "/admin/catalogue/label-versions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(count("select count(*) from catalogue_label_version where id = 'BREYANZI-EU-2174-01'")).isEqualTo(1);
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field").isTrue();
        return m.group(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
