package org.cartpath.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cartpath.monitoring.grading.AssessmentTool;
import org.cartpath.monitoring.grading.CapdScoreCases;
import org.cartpath.monitoring.grading.CrsCase;
import org.cartpath.monitoring.grading.CrsDriver;
import org.cartpath.monitoring.grading.CrsGrade;
import org.cartpath.monitoring.grading.CrsGrader;
import org.cartpath.monitoring.grading.IcansCase;
import org.cartpath.monitoring.grading.IcansDriver;
import org.cartpath.monitoring.grading.IcansGrade;
import org.cartpath.monitoring.grading.IcansGrader;
import org.cartpath.monitoring.grading.IcansParameters;
import org.cartpath.monitoring.grading.IceScoreCases;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.TocilizumabDoseCases;
import org.cartpath.monitoring.grading.Vasopressor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The toxicity calculators over HTTP, run with the same case tables as the graders' unit tests so that the
 * API and the domain cannot drift; then bad input, the wrong ICANS tool and callers who are not signed in.
 */
@CartpathIntegrationTest
class ToxicityCalculatorApiIT {

    static final String TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";
    static final String CRS = "/api/v1/calculators/crs-grade";
    static final String ICE = "/api/v1/calculators/ice-score";
    static final String CAPD = "/api/v1/calculators/capd-score";
    static final String ICANS = "/api/v1/calculators/icans-grade";
    static final String TOCILIZUMAB = "/api/v1/calculators/tocilizumab-dose";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.CrsGradeCases#grades")
    void gradesCrsByTheSameTable(CrsCase findings, int grade, Set<CrsDriver> drivers) {
        JsonNode answer = ok(api().postJson(CRS, findings.json()));

        CrsGrade domain = CrsGrader.grade(findings.assessment());
        assertThat(answer.get("grade").isInt()).isTrue();
        assertThat(answer.get("grade").asInt()).isEqualTo(grade);
        assertThat(texts(answer.get("drivers"))).containsExactlyElementsOf(drivers.stream().map(Enum::name).toList());
        assertThat(answer.get("explanation").asText()).isEqualTo(domain.explanation());
    }

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.CrsGradeCases#refused")
    void refusesImplausibleCrsFindings(CrsCase findings, String field) {
        assertProblem(api().postJson(CRS, findings.json()), 400, "invalid-request", field);
    }

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.IcansGradeCases#grades")
    void gradesIcansByTheSameTable(IcansCase findings, int grade, AssessmentTool tool, Set<IcansDriver> drivers) {
        JsonNode answer = ok(api().postJson(ICANS, findings.json()));

        IcansGrade domain = new IcansGrader(IcansParameters.DEFAULT).grade(findings.assessment());
        assertThat(answer.get("grade").isInt()).isTrue();
        assertThat(answer.get("grade").asInt()).isEqualTo(grade);
        assertThat(answer.get("tool").asText()).isEqualTo(tool.name());
        assertThat(texts(answer.get("drivers"))).containsExactlyElementsOf(drivers.stream().map(Enum::name).toList());
        assertThat(answer.get("explanation").asText()).isEqualTo(domain.explanation());
    }

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.IcansGradeCases#wrongTool")
    void refusesTheWrongIcansToolWith422(IcansCase findings, AssessmentTool needed) {
        JsonNode problem = assertProblem(api().postJson(ICANS, findings.json()), 422, "wrong-assessment-tool",
                needed.field());
        assertThat(problem.get("tool").asText()).isEqualTo(needed.name());
        assertThat(problem.get("detail").asText()).contains("send " + needed.field());
    }

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.IcansGradeCases#refused")
    void refusesContradictoryIcansFindings(IcansCase findings, String field) {
        assertProblem(api().postJson(ICANS, findings.json()), 400, "invalid-request", field);
    }

    @ParameterizedTest(name = "{0}+{1}+{2}+{3}+{4} = {5}")
    @CsvSource(delimiter = '|', textBlock = IceScoreCases.SCORES)
    void scoresIceByTheSameTable(int orientation, int naming, int followsCommands, int writing, int attention,
            int score) {
        JsonNode answer = ok(api().postJson(ICE, Map.of("orientation", orientation, "naming", naming,
                "followsCommands", followsCommands, "writing", writing, "attention", attention)));
        assertThat(answer.get("score").isInt()).isTrue();
        assertThat(answer.get("score").asInt()).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', textBlock = IceScoreCases.REFUSED)
    void refusesAnIceItemOutsideItsRange(String field, int value) {
        assertProblem(api().postJson(ICE, with(validIce(), field, value)), 400, "invalid-request", field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = CapdScoreCases.SCORES)
    void scoresCapdByTheSameTable(String answers, int score, boolean positive) {
        JsonNode answer = ok(api().postJson(CAPD, Map.of("answers", Arrays.asList(answers.trim().split("\\s+")))));
        assertThat(answer.get("score").asInt()).isEqualTo(score);
        assertThat(answer.get("positive").asBoolean()).isEqualTo(positive);
    }

    @ParameterizedTest(name = "{0} kg → {1} mg at {2} mg/kg, capped {3}")
    @CsvSource(delimiter = '|', textBlock = TocilizumabDoseCases.DOSES)
    void dosesTocilizumabByTheSameTable(BigDecimal weightKg, BigDecimal doseMg, int mgPerKg, boolean capped) {
        JsonNode answer = ok(api().postJson(TOCILIZUMAB, Map.of("weightKg", weightKg)));
        assertThat(answer.get("doseMg").toString()).as("288, not 288.0").isEqualTo(doseMg.toPlainString());
        assertThat(answer.get("mgPerKg").isInt()).isTrue();
        assertThat(answer.get("mgPerKg").asInt()).isEqualTo(mgPerKg);
        assertThat(answer.get("capped").asBoolean()).isEqualTo(capped);
    }

    @ParameterizedTest(name = "{0} kg is refused")
    @CsvSource(textBlock = TocilizumabDoseCases.REFUSED)
    void refusesAnImplausibleWeight(BigDecimal weightKg) {
        assertProblem(api().postJson(TOCILIZUMAB, Map.of("weightKg", weightKg)), 400, "invalid-request", "weightKg");
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                argumentSet("CRS: a nonsense oxygen device", CRS, with(validCrs(), "oxygenDevice", "OXYGEN_TENT"),
                        "invalid-request", "oxygenDevice"),
                argumentSet("CRS: a nonsense vasopressor", CRS, with(validCrs(), "vasopressors", List.of("ADRENALINE")),
                        "invalid-request", "vasopressors[0]"),
                argumentSet("CRS: no temperature", CRS, without(validCrs(), "temperatureCelsius"), "invalid-request",
                        "temperatureCelsius"),
                argumentSet("CRS: no answer on hypotension", CRS, without(validCrs(), "hypotension"), "invalid-request",
                        "hypotension"),
                argumentSet("CRS: 50 °C", CRS, with(validCrs(), "temperatureCelsius", 50), "invalid-request",
                        "temperatureCelsius"),
                argumentSet("CRS: a temperature in words", CRS, with(validCrs(), "temperatureCelsius", "hot"),
                        "unreadable-body", "temperatureCelsius"),
                argumentSet("CRS: vasopressors as text, not a list", CRS, with(validCrs(), "vasopressors", "DOPAMINE"),
                        "unreadable-body", "vasopressors"),
                argumentSet("CRS: an empty body", CRS, "", "invalid-request", "temperatureCelsius"),
                argumentSet("CRS: an empty object", CRS, Map.of(), "invalid-request", "oxygenDevice"),
                argumentSet("ICE: a fraction of a point", ICE, with(validIce(), "orientation", 2.5), "invalid-request",
                        "orientation"),
                argumentSet("ICE: a point in words", ICE, with(validIce(), "naming", "three"), "unreadable-body",
                        "naming"),
                argumentSet("ICE: no attention item", ICE, without(validIce(), "attention"), "invalid-request",
                        "attention"),
                argumentSet("ICE: an empty body", ICE, "", "invalid-request", "orientation"),
                argumentSet("CAPD: seven answers", CAPD, Map.of("answers", Collections.nCopies(7, "NEVER")),
                        "invalid-request", "answers"),
                argumentSet("CAPD: a nonsense answer", CAPD, Map.of("answers", eightAnswersEndingIn("MAYBE")),
                        "invalid-request", "answers[7]"),
                argumentSet("CAPD: answers as text, not a list", CAPD, Map.of("answers", "NEVER"), "unreadable-body",
                        "answers"),
                argumentSet("CAPD: an empty body", CAPD, "", "invalid-request", "answers"),
                argumentSet("ICANS: a nonsense consciousness", ICANS, with(validIcans(), "consciousness", "ASLEEP"),
                        "invalid-request", "consciousness"),
                argumentSet("ICANS: a nonsense seizure", ICANS, with(validIcans(), "seizure", "SHAKING"),
                        "invalid-request", "seizure"),
                argumentSet("ICANS: a nonsense oedema", ICANS, with(validIcans(), "cerebralEdema", "SOME"),
                        "invalid-request", "cerebralEdema"),
                argumentSet("ICANS: a fractional age", ICANS, with(validIcans(), "ageYears", 8.5), "invalid-request",
                        "ageYears"),
                argumentSet("ICANS: age 130", ICANS, with(validIcans(), "ageYears", 130), "invalid-request", "ageYears"),
                argumentSet("ICANS: an age in words", ICANS, with(validIcans(), "ageYears", "eight"), "unreadable-body",
                        "ageYears"),
                argumentSet("ICANS: no seizure answer", ICANS, without(validIcans(), "seizure"), "invalid-request",
                        "seizure"),
                argumentSet("ICANS: an empty body", ICANS, "", "invalid-request", "ageYears"),
                argumentSet("tocilizumab: a weight in words", TOCILIZUMAB, Map.of("weightKg", "heavy"),
                        "unreadable-body", "weightKg"),
                argumentSet("tocilizumab: 400 kg", TOCILIZUMAB, Map.of("weightKg", 400), "invalid-request", "weightKg"),
                argumentSet("tocilizumab: no weight", TOCILIZUMAB, Map.of(), "invalid-request", "weightKg"),
                argumentSet("tocilizumab: an empty body", TOCILIZUMAB, "", "invalid-request", "weightKg"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void refusesBadInputNamingTheField(String path, Object body, String type, String field) {
        assertProblem(api().postJson(path, body), 400, type, field);
    }

    @Test
    void anEmptyBodyNamesEveryMissingField() {
        JsonNode problem = assertProblem(api().postJson(CRS, ""), 400, "invalid-request");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asText())).containsExactly(
                "temperatureCelsius", "feverAttributableToOtherCause", "antipyreticOrAnticytokineGiven", "hypotension",
                "vasopressors", "oxygenDevice", "deathFromCrs");
    }

    @Test
    void answersTheIssuesExamples() {
        JsonNode crs = ok(api().postJson(CRS, validCrs()));
        assertThat(crs.get("grade").asInt()).isEqualTo(3);
        assertThat(texts(crs.get("drivers"))).containsExactly("HYPOTENSION");
        JsonNode icans = ok(api().postJson(ICANS, validIcans()));
        assertThat(icans.get("grade").asInt()).isEqualTo(3);
        assertThat(icans.get("tool").asText()).isEqualTo("CAPD");
        assertThat(texts(icans.get("drivers"))).containsExactly("CAPD");
        assertThat(Http.json(api().postJson(TOCILIZUMAB, Map.of("weightKg", 24))).toString())
                .isEqualTo("{\"doseMg\":288,\"mgPerKg\":12,\"capped\":false}");
    }

    @Test
    void aSignedInPersonMayUseTheCalculators() {
        Http nurse = Http.signedIn(port, "ward.nurse", "cartpath-demo");
        assertThat(ok(nurse.postJson(ICE, validIce())).get("score").asInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("paths")
    void refusesCallersWhoAreNotSignedIn(String path) {
        assertProblem(Http.browser(port).postJson(path, Map.of()), 401, "unauthenticated");
        assertProblem(Http.token(port, "cpt_nonsense_xxxxxxxx").postJson(path, Map.of()), 401, "invalid-token");
    }

    static Stream<String> paths() {
        return Stream.of(CRS, ICE, CAPD, ICANS, TOCILIZUMAB);
    }

    private Http api() {
        return Http.token(port, TOKEN);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }

    /** A worked CRS example: 39.1 °C on norepinephrine and 4 L/min by nasal cannula. */
    private static Map<String, Object> validCrs() {
        return CrsCase.fever("39.1").on(Vasopressor.NOREPINEPHRINE)
                .oxygen(OxygenDevice.NASAL_CANNULA, "4").json();
    }

    private static Map<String, Object> validIce() {
        return Map.of("orientation", 4, "naming", 3, "followsCommands", 1, "writing", 1, "attention", 1);
    }

    /** A worked ICANS example: an 8-year-old with CAPD 9. */
    private static Map<String, Object> validIcans() {
        return IcansCase.agedWithCapd(8, 9).json();
    }

    private static List<String> eightAnswersEndingIn(String last) {
        List<String> answers = new ArrayList<>(Collections.nCopies(7, "NEVER"));
        answers.add(last);
        return answers;
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
