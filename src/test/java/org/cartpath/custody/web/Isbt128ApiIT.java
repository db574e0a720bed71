package org.cartpath.custody.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The ISBT 128 endpoints: answers, validation results, 400 for bad data, 401 without credentials. */
@CartpathIntegrationTest
class Isbt128ApiIT {

    private static final String MANUFACTURER_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";
    private static final String COI = "&/CHG123426A1B2C3";

    @LocalServerPort
    int port;

    Http api;

    @BeforeEach
    void aManufacturersSystemClient() {
        api = Http.token(port, MANUFACTURER_TOKEN);
    }

    @Test
    void computesTheCheckCharacterOfTheRedBookExample() {
        HttpResponse<String> response = api.get("/api/v1/isbt128/check-character?data=G123498654321");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Http.json(response);
        assertThat(answer.get("data").asText()).isEqualTo("G123498654321");
        assertThat(answer.get("checkCharacter").asText()).isEqualTo("H");
    }

    @Test
    void acceptsTheAsteriskInData() {
        JsonNode answer = Http.json(api.get("/api/v1/isbt128/check-character?data=" + encode("*")));
        assertThat(answer.get("checkCharacter").asText()).isEqualTo("3");
    }

    @Test
    void refusesLowerCaseDataWith400NamingTheField() {
        HttpResponse<String> response = api.get("/api/v1/isbt128/check-character?data=g123498654321");
        assertInvalid(response, "data",
                "character 'g' not allowed at position 1: expected 0-9, A-Z or *; letters must be upper case");
    }

    @Test
    void refusesCharactersOutsideTheSetEachWithItsPosition() {
        HttpResponse<String> response = api.get("/api/v1/isbt128/check-character?data=" + encode("G1-3#"));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = Http.json(response).get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asText() + ": " + e.get("message").asText()).toList())
                .containsExactly("data: character '-' not allowed at position 3: expected 0-9, A-Z or *",
                        "data: character '#' not allowed at position 5: expected 0-9, A-Z or *");
    }

    @Test
    void refusesMissingOrEmptyData() {
        assertInvalid(api.get("/api/v1/isbt128/check-character"), "data", "is required");
        assertInvalid(api.get("/api/v1/isbt128/check-character?data="), "data", "is required");
    }

    @Test
    void aValidCoiIsValid() {
        JsonNode answer = validate("/api/v1/chain-of-identity/validate", Map.of("identifier", COI));
        assertThat(answer.get("valid").asBoolean()).isTrue();
        assertThat(answer.get("errors").isEmpty()).isTrue();
    }

    @Test
    void aCoiWithItsOwnCheckCharacterIsValid() {
        JsonNode answer = validate("/api/v1/chain-of-identity/validate", Map.of("identifier", COI, "checkCharacter", "4"));
        assertThat(answer.get("valid").asBoolean()).isTrue();
    }

    @Test
    void aWrongCheckCharacterIsAMismatch() {
        JsonNode answer = validate("/api/v1/chain-of-identity/validate", Map.of("identifier", COI, "checkCharacter", "5"));
        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(texts(answer.get("errors"))).containsExactly("check character does not match: re-scan the bar code, or re-key the identifier and its check character from the label");
    }

    @Test
    void anInvalidCoiListsEveryErrorWith200() {
        JsonNode answer = validate("/api/v1/chain-of-identity/validate",
                Map.of("identifier", "&/chO12342XA1B2c3", "checkCharacter", "x"));
        assertThat(answer.get("valid").asBoolean()).isFalse();
        assertThat(texts(answer.get("errors"))).containsExactly(
                "missing \"CH\" at positions 3-4, got \"ch\"",
                "invalid FIN first character 'O' at position 5: expected A-N, P-Z or 1-9",
                "character 'X' not allowed at position 11: expected 0-9",
                "character 'c' not allowed at position 16: expected A-Z or 0-9; letters must be upper case",
                "check character must be a single character 0-9, A-Z or *, got \"x\"; letters must be upper case");
    }

    @Test
    void aCoiWithoutItsDataIdentifierIsInvalid() {
        JsonNode answer = validate("/api/v1/chain-of-identity/validate", Map.of("identifier", "CHG123426A1B2C3"));
        assertThat(texts(answer.get("errors"))).containsExactly(
                "wrong data identifier: expected \"&/\", got \"CH\"",
                "wrong length: expected 17 characters (\"&/\" + 15), got 15");
    }

    @Test
    void aMissingOrBlankIdentifierIs400() {
        assertInvalid(api.postJson("/api/v1/chain-of-identity/validate", Map.of("checkCharacter", "4")),
                "identifier", "is required");
        assertInvalid(api.postJson("/api/v1/chain-of-identity/validate", Map.of("identifier", "  ")),
                "identifier", "is required");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("identifier", null);
        assertInvalid(api.postJson("/api/v1/chain-of-identity/validate", withNull), "identifier", "is required");
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        HttpResponse<String> response = api.postJson("/api/v1/chain-of-identity/validate", "{\"identifier\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/unreadable-body");
    }

    @Test
    void validatesDinsKeyedOrScanned() {
        assertThat(validate("/api/v1/din/validate", Map.of("identifier", "G123498654321", "checkCharacter", "H"))
                .get("valid").asBoolean()).isTrue();
        assertThat(validate("/api/v1/din/validate", Map.of("identifier", "=G12349865432177"))
                .get("valid").asBoolean()).isTrue();
        JsonNode wrongFlags = validate("/api/v1/din/validate", Map.of("identifier", "=G12349865432176"));
        assertThat(texts(wrongFlags.get("errors"))).containsExactly(
                "flag characters \"76\" do not match the DIN's check value: re-scan the bar code");
        JsonNode mismatch = validate("/api/v1/din/validate", Map.of("identifier", "G123498654321", "checkCharacter", "Y"));
        assertThat(texts(mismatch.get("errors"))).containsExactly("check character does not match: re-scan the bar code, or re-key the identifier and its check character from the label");
    }

    @Test
    void withoutCredentialsEveryEndpointIs401() {
        Http anonymous = Http.browser(port);
        assertThat(anonymous.get("/api/v1/isbt128/check-character?data=G123498654321").statusCode()).isEqualTo(401);
        for (String path : List.of("/api/v1/chain-of-identity/validate", "/api/v1/din/validate")) {
            HttpResponse<String> response = Http.browser(port).postJson(path, Map.of("identifier", COI));
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/unauthenticated");
        }
    }

    @Test
    void anUnknownTokenIs401() {
        HttpResponse<String> response = Http.token(port, "cpt_nonsense_xxxxxxxx")
                .postJson("/api/v1/chain-of-identity/validate", Map.of("identifier", COI));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        JsonNode paths = Http.json(Http.browser(port).get("/api/v1/openapi")).get("paths");
        assertThat(paths.has("/api/v1/isbt128/check-character")).isTrue();
        assertThat(paths.has("/api/v1/chain-of-identity/validate")).isTrue();
        assertThat(paths.has("/api/v1/din/validate")).isTrue();
    }

    private JsonNode validate(String path, Map<String, String> body) {
        HttpResponse<String> response = api.postJson(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static void assertInvalid(HttpResponse<String> response, String field, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Http.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(message);
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
