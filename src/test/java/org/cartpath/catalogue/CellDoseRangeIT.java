package org.cartpath.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.catalogue.CatalogueApiIT.assertProblem;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/calculators/cell-dose-range: the table of DoseRangeTest over HTTP, and bad input. */
@CartpathIntegrationTest
class CellDoseRangeIT {

    static final String PATH = "/api/v1/calculators/cell-dose-range";

    @LocalServerPort
    int port;

    @Test
    void answersTheExampleOfTheIssue() {
        HttpResponse<String> response = post(Map.of("product", "KYMRIAH", "indication", "B_ALL", "jurisdiction", "US",
                "weightKg", 24));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode range = Http.json(response);
        assertThat(range.get("minCells").isNumber()).isTrue();
        assertThat(range.get("minCells").decimalValue()).isEqualByComparingTo("4.8e6");
        assertThat(range.get("maxCells").decimalValue()).isEqualByComparingTo("1.2e8");
        assertThat(range.get("targetCells").isNull()).isTrue();
        assertThat(range.get("basis").asText()).contains("KYMRIAH-US-2025-06").contains("weight up to 50 kg");
        assertThat(range.propertyNames()).containsExactlyInAnyOrder("minCells", "maxCells", "targetCells", "basis");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} kg")
    @MethodSource("org.cartpath.catalogue.DoseRangeTest#table")
    void givesTheLabelsRange(ProductCode product, Indication indication, Jurisdiction jurisdiction, String weightKg,
            String min, String max, String target, String basis) {
        HttpResponse<String> response = post(Map.of("product", product.name(), "indication", indication.name(),
                "jurisdiction", jurisdiction.name(), "weightKg", new BigDecimal(weightKg)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode range = Http.json(response);
        assertCells(range.get("minCells"), min);
        assertCells(range.get("maxCells"), max);
        assertCells(range.get("targetCells"), target);
        assertThat(range.get("basis").asText()).contains(basis);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown product      | WONDERCEL | B_ALL    | US | 24    | product
            an unknown indication   | KYMRIAH   | CLL      | US | 24    | indication
            an unknown jurisdiction | KYMRIAH   | B_ALL    | JP | 24    | jurisdiction
            a lower-case code       | kymriah   | B_ALL    | US | 24    | product
            a missing product       |           | B_ALL    | US | 24    | product
            a missing weight        | KYMRIAH   | B_ALL    | US |       | weightKg
            a weight too low        | KYMRIAH   | B_ALL    | US | 0.49  | weightKg
            a weight too high       | KYMRIAH   | B_ALL    | US | 350.1 | weightKg
            a negative weight       | KYMRIAH   | B_ALL    | US | -70   | weightKg
            """)
    void refusesBadInputNamingTheField(String kind, String product, String indication, String jurisdiction,
            String weightKg, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("product", product);
        body.put("indication", indication);
        body.put("jurisdiction", jurisdiction);
        body.put("weightKg", weightKg == null ? null : new BigDecimal(weightKg));
        HttpResponse<String> response = post(body);
        assertProblem(response, 400, "invalid-request");
        assertThat(Http.json(response).get("errors").valueStream().map(e -> e.get("field").asText())).contains(field);
    }

    @Test
    void refusesAWeightThatIsNotANumberNamingIt() {
        HttpResponse<String> response = Http.token(port, CatalogueApiIT.NOVARTIS_TOKEN).postJson(PATH,
                "{\"product\": \"KYMRIAH\", \"indication\": \"B_ALL\", \"jurisdiction\": \"US\", \"weightKg\": \"heavy\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("errors").get(0).get("field").asText()).isEqualTo("weightKg");
        assertThat(Http.token(port, CatalogueApiIT.NOVARTIS_TOKEN).postJson(PATH, "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void acceptsTheBoundaryWeights() {
        assertThat(post(Map.of("product", "KYMRIAH", "indication", "B_ALL", "jurisdiction", "US", "weightKg", 0.5))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> heaviest = post(Map.of("product", "CARVYKTI", "indication", "MULTIPLE_MYELOMA",
                "jurisdiction", "US", "weightKg", 350));
        assertThat(heaviest.statusCode()).isEqualTo(200);
        // at 350 kg the per-kg minimum (1.75 × 10^8) is capped at the label's maximum of 1 × 10^8
        assertThat(Http.json(heaviest).get("minCells").decimalValue()).isEqualByComparingTo("1e8");
    }

    @Test
    void aLabelTheCatalogueDoesNotHoldIsUnprocessable() {
        HttpResponse<String> noUkMyeloma = post(Map.of("product", "ABECMA", "indication", "MULTIPLE_MYELOMA",
                "jurisdiction", "UK", "weightKg", 70));
        assertProblem(noUkMyeloma, 422, "not-in-catalogue");
        assertThat(Http.json(noUkMyeloma).get("detail").asText()).isEqualTo("The catalogue holds no current UK label of Abecma");

        HttpResponse<String> noMcl = post(Map.of("product", "KYMRIAH", "indication", "MCL", "jurisdiction", "US",
                "weightKg", 70));
        assertProblem(noMcl, 422, "not-in-catalogue");
        assertThat(Http.json(noMcl).get("detail").asText()).contains("KYMRIAH-US-2025-06").contains("has no indication MCL");
    }

    @Test
    void needsASignedInUserOrAToken() {
        assertProblem(Http.browser(port).postJson(PATH, Map.of("product", "KYMRIAH", "indication", "B_ALL",
                "jurisdiction", "US", "weightKg", 24)), 401, "unauthenticated");
        assertThat(Http.signedIn(port, "pharmacist", "cartpath-demo").postJson(PATH, Map.of("product", "KYMRIAH",
                "indication", "B_ALL", "jurisdiction", "US", "weightKg", 24)).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(Map<String, Object> body) {
        return Http.token(port, CatalogueApiIT.NOVARTIS_TOKEN).postJson(PATH, body);
    }

    private static void assertCells(JsonNode actual, String expected) {
        if (expected.equals("-")) {
            assertThat(actual.isNull()).as("no bound").isTrue();
        } else {
            assertThat(actual.isNumber()).isTrue();
            assertThat(actual.decimalValue()).isEqualByComparingTo(new BigDecimal(expected));
        }
    }
}
