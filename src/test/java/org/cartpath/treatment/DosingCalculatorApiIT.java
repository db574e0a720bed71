package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.treatment.dosing.BodySurfaceAreaCases;
import org.cartpath.treatment.dosing.CreatinineClearanceCases;
import org.cartpath.treatment.dosing.SerumCreatinine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The dosing calculators over HTTP, run with the same worked examples as the unit tests; then bad input and
 * callers who are not signed in.
 */
@CartpathIntegrationTest
class DosingCalculatorApiIT {

    static final String TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";
    static final String BSA = "/api/v1/calculators/body-surface-area";
    static final String CRCL = "/api/v1/calculators/creatinine-clearance";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} cm, {1} kg by {2} = {3} m²")
    @CsvSource(delimiter = '|', textBlock = BodySurfaceAreaCases.AREAS)
    void calculatesBodySurfaceAreaByTheSameTable(BigDecimal heightCm, BigDecimal weightKg, String formula,
            BigDecimal bsaM2) {
        JsonNode answer = ok(api().postJson(BSA, Map.of("heightCm", heightCm, "weightKg", weightKg, "formula", formula)));
        assertThat(answer.get("bsaM2").decimalValue()).isEqualByComparingTo(bsaM2);
    }

    @ParameterizedTest(name = "{0} cm, {1} kg: {2} is refused")
    @CsvSource(delimiter = '|', textBlock = BodySurfaceAreaCases.REFUSED)
    void refusesImplausibleMeasurements(BigDecimal heightCm, BigDecimal weightKg, String field) {
        assertProblem(api().postJson(BSA, Map.of("heightCm", heightCm, "weightKg", weightKg, "formula", "MOSTELLER")),
                400, "invalid-request", field);
    }

    @ParameterizedTest(name = "{0} y, {1} kg, {2}, creatinine {3} {4} = {5} mL/min")
    @CsvSource(delimiter = '|', textBlock = CreatinineClearanceCases.CLEARANCES)
    void calculatesCreatinineClearanceByTheSameTable(int ageYears, BigDecimal weightKg, String sex,
            BigDecimal creatinine, SerumCreatinine.Unit unit, BigDecimal mlPerMin) {
        JsonNode answer = ok(api().postJson(CRCL, Map.of("ageYears", ageYears, "weightKg", weightKg, "sex", sex,
                unit.field(), creatinine)));
        assertThat(answer.get("mlPerMin").decimalValue()).isEqualByComparingTo(mlPerMin);
    }

    @ParameterizedTest(name = "{0} y, {1} kg, creatinine {2} {3}: {4} is refused")
    @CsvSource(delimiter = '|', textBlock = CreatinineClearanceCases.REFUSED)
    void refusesImplausibleClearanceInputs(int ageYears, BigDecimal weightKg, BigDecimal creatinine,
            SerumCreatinine.Unit unit, String field) {
        assertProblem(api().postJson(CRCL, Map.of("ageYears", ageYears, "weightKg", weightKg, "sex", "FEMALE",
                unit.field(), creatinine)), 400, "invalid-request", field);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                argumentSet("BSA: a nonsense formula", BSA, with(validBsa(), "formula", "GUESS"), "invalid-request",
                        "formula"),
                argumentSet("BSA: no height", BSA, without(validBsa(), "heightCm"), "invalid-request", "heightCm"),
                argumentSet("BSA: a height in words", BSA, with(validBsa(), "heightCm", "tall"), "unreadable-body",
                        "heightCm"),
                argumentSet("BSA: a height in metres", BSA, with(validBsa(), "heightCm", 1.2), "invalid-request",
                        "heightCm"),
                argumentSet("BSA: an empty body", BSA, "", "invalid-request", "heightCm"),
                argumentSet("CrCl: a nonsense sex", CRCL, with(validCrcl(), "sex", "F"), "invalid-request", "sex"),
                argumentSet("CrCl: no weight", CRCL, without(validCrcl(), "weightKg"), "invalid-request", "weightKg"),
                argumentSet("CrCl: a fractional age", CRCL, with(validCrcl(), "ageYears", 60.5), "invalid-request",
                        "ageYears"),
                argumentSet("CrCl: a weight in words", CRCL, with(validCrcl(), "weightKg", "sixty"), "unreadable-body",
                        "weightKg"),
                argumentSet("CrCl: creatinine in both units", CRCL, with(validCrcl(), "serumCreatinineUmolPerL", 88.4),
                        "invalid-request", "serumCreatinineUmolPerL"),
                argumentSet("CrCl: no creatinine", CRCL, without(validCrcl(), "serumCreatinineMgPerDl"),
                        "invalid-request", "serumCreatinineMgPerDl"),
                argumentSet("CrCl: creatinine in µmol/L sent as mg/dL", CRCL,
                        with(validCrcl(), "serumCreatinineMgPerDl", 88.4), "invalid-request", "serumCreatinineMgPerDl"),
                argumentSet("CrCl: an empty body", CRCL, "", "invalid-request", "ageYears"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void refusesBadInputNamingTheField(String path, Object body, String type, String field) {
        assertProblem(api().postJson(path, body), 400, type, field);
    }

    @Test
    void answersTheIssuesExamples() {
        assertThat(ok(api().postJson(BSA, validBsa())).get("bsaM2").decimalValue())
                .isEqualByComparingTo(new BigDecimal("0.894"));
        assertThat(ok(api().postJson(CRCL, validCrcl())).get("mlPerMin").decimalValue())
                .isEqualByComparingTo(new BigDecimal("56.7"));
    }

    @Test
    void aSignedInPersonMayUseTheCalculators() {
        Http consultant = Http.signedIn(port, "consultant", "cartpath-demo");
        assertThat(consultant.postJson(BSA, validBsa()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesCallersWhoAreNotSignedIn() {
        for (String path : new String[] {BSA, CRCL}) {
            assertProblem(Http.browser(port).postJson(path, validBsa()), 401, "unauthenticated");
        }
    }

    private Http api() {
        return Http.token(port, TOKEN);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static Map<String, Object> validBsa() {
        return Map.of("heightCm", 120, "weightKg", 24, "formula", "MOSTELLER");
    }

    private static Map<String, Object> validCrcl() {
        return Map.of("ageYears", 60, "weightKg", 60, "sex", "FEMALE", "serumCreatinineMgPerDl", 1.0);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.remove(field);
        return changed;
    }
}
