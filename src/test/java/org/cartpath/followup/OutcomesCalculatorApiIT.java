package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.followup.outcomes.SurvivalDatasets.AML_MAINTAINED;
import static org.cartpath.followup.outcomes.SurvivalDatasets.AML_NONMAINTAINED;
import static org.cartpath.followup.outcomes.SurvivalDatasets.GEHAN_6MP;
import static org.cartpath.followup.outcomes.SurvivalDatasets.GEHAN_CONTROL;
import static org.cartpath.followup.outcomes.SurvivalDatasets.json;
import static org.cartpath.followup.outcomes.SurvivalDatasets.observations;
import static org.cartpath.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cartpath.followup.outcomes.ConfidenceInterval;
import org.cartpath.followup.outcomes.IcahtGradeCases;
import org.cartpath.followup.outcomes.KaplanMeier;
import org.cartpath.followup.outcomes.LogRank;
import org.cartpath.followup.outcomes.ResponseCases;
import org.cartpath.followup.outcomes.SurvivalDatasets;
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
 * The outcomes calculators over HTTP, with the same tables as the unit tests (docs/clinical/outcomes-calculators.md),
 * then every 400 and 422 of the contract, each naming its field, and callers who are not signed in.
 */
@CartpathIntegrationTest
class OutcomesCalculatorApiIT {

    static final String TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";
    static final String KM = "/api/v1/calculators/kaplan-meier";
    static final String LOG_RANK = "/api/v1/calculators/log-rank";
    static final String ICAHT = "/api/v1/calculators/icaht-grade";
    static final String RESPONSE = "/api/v1/calculators/response";

    @LocalServerPort
    int port;

    // Kaplan–Meier

    @ParameterizedTest(name = "{0}")
    @CsvSource({"LOG", "LOG_LOG", "PLAIN"})
    void answersTheKaplanMeierEstimateToFullPrecision(ConfidenceInterval interval) {
        for (String data : List.of(GEHAN_6MP, GEHAN_CONTROL, AML_MAINTAINED)) {
            JsonNode answer = ok(api().postJson(KM, Map.of("observations", json(data), "confidenceLevel", 0.9,
                    "confidenceInterval", interval.name())));
            KaplanMeier.Estimate expected = KaplanMeier.estimate(observations(data), 0.9, interval);
            assertThat(answer.get("confidenceLevel").doubleValue()).isEqualTo(0.9);
            assertThat(answer.get("confidenceInterval").asText()).isEqualTo(interval.name());
            assertThat(answer.get("steps")).hasSize(expected.steps().size());
            for (int i = 0; i < expected.steps().size(); i++) {
                KaplanMeier.Step step = expected.steps().get(i);
                JsonNode json = answer.get("steps").get(i);
                assertThat(json.get("time").doubleValue()).isEqualTo(step.time());
                assertThat(json.get("atRisk").intValue()).isEqualTo(step.atRisk());
                assertThat(json.get("events").intValue()).isEqualTo(step.events());
                assertThat(json.get("censored").intValue()).isEqualTo(step.censored());
                assertThat(json.get("survival").doubleValue()).isEqualTo(step.survival());
                assertThat(nullableDouble(json, "standardError")).isEqualTo(step.standardError());
                assertThat(nullableDouble(json, "lower")).isEqualTo(step.lower());
                assertThat(nullableDouble(json, "upper")).isEqualTo(step.upper());
            }
            assertThat(nullableDouble(answer, "medianSurvival")).isEqualTo(expected.medianSurvival());
        }
    }

    @Test
    void theKaplanMeierDefaultsAreLogLimitsAt95PercentAsInR() {
        JsonNode answer = ok(api().postJson(KM, Map.of("observations", json(GEHAN_6MP), "comment", "ignored")));
        assertThat(answer.get("confidenceLevel").doubleValue()).isEqualTo(0.95);
        assertThat(answer.get("confidenceInterval").asText()).isEqualTo("LOG");
        JsonNode week13 = answer.get("steps").get(5);
        // R: 13 12 1 0.690 0.1068 0.510 0.935
        assertThat(week13.get("time").doubleValue()).isEqualTo(13.0);
        assertThat(week13.get("atRisk").intValue()).isEqualTo(12);
        assertThat(week13.get("survival").doubleValue()).isBetween(0.6895, 0.6905);
        assertThat(week13.get("standardError").doubleValue()).isBetween(0.10675, 0.10685);
        assertThat(week13.get("lower").doubleValue()).isBetween(0.5095, 0.5105);
        assertThat(week13.get("upper").doubleValue()).isBetween(0.9345, 0.9355);
        assertThat(answer.get("medianSurvival").doubleValue()).isEqualTo(23.0);
    }

    @Test
    void nullIsWrittenOutWhereTheContractSaysNull() {
        JsonNode control = ok(api().postJson(KM, Map.of("observations", json(GEHAN_CONTROL))));
        JsonNode last = control.get("steps").get(control.get("steps").size() - 1);
        assertThat(last.get("survival").doubleValue()).isZero();
        for (String field : List.of("standardError", "lower", "upper")) {
            assertThat(last.has(field)).isTrue();
            assertThat(last.get(field).isNull()).isTrue();
        }
        JsonNode neverHalf = ok(api().postJson(KM, Map.of("observations", json("1 2+ 3+"),
                "confidenceInterval", "LOG_LOG")));
        assertThat(neverHalf.has("medianSurvival")).isTrue();
        assertThat(neverHalf.get("medianSurvival").isNull()).isTrue();
        JsonNode first = neverHalf.get("steps").get(0);
        assertThat(first.get("survival").doubleValue()).isEqualTo(2.0 / 3.0);
        JsonNode beforeEvents = ok(api().postJson(KM, Map.of("observations", json("1+ 2 3"),
                "confidenceInterval", "LOG_LOG"))).get("steps").get(0);
        assertThat(beforeEvents.get("standardError").doubleValue()).isZero();
        assertThat(beforeEvents.get("lower").isNull()).isTrue();
        assertThat(beforeEvents.get("upper").isNull()).isTrue();
    }

    // log-rank

    @Test
    void answersTheLogRankTestOfTheGehanAndAmlDataAsR() {
        JsonNode gehan = ok(api().postJson(LOG_RANK, Map.of("groups",
                Map.of("control", json(GEHAN_CONTROL), "6-MP", json(GEHAN_6MP)))));
        // R: Chisq = 16.8 on 1 degrees of freedom, p = 4.17e-05; observed 21 and 9, expected 10.7 and 19.3
        assertThat(gehan.get("chiSquare").doubleValue()).isBetween(16.785, 16.795);
        assertThat(gehan.get("degreesOfFreedom").intValue()).isEqualTo(1);
        assertThat(gehan.get("pValue").doubleValue()).isBetween(4.165e-05, 4.175e-05);
        assertThat(gehan.get("groups").get("control").get("observed").intValue()).isEqualTo(21);
        assertThat(gehan.get("groups").get("6-MP").get("observed").intValue()).isEqualTo(9);
        assertThat(gehan.get("groups").get("control").get("expected").doubleValue()).isBetween(10.745, 10.755);
        JsonNode aml = ok(api().postJson(LOG_RANK, Map.of("groups",
                Map.of("Maintained", json(AML_MAINTAINED), "Nonmaintained", json(AML_NONMAINTAINED)))));
        // R: Maintained 7 observed 10.69 expected, Nonmaintained 11 and 7.31; Chisq = 3.4, p = 0.0653
        assertThat(aml.get("groups").get("Maintained").get("expected").doubleValue()).isBetween(10.685, 10.695);
        assertThat(aml.get("groups").get("Nonmaintained").get("observed").intValue()).isEqualTo(11);
        assertThat(aml.get("pValue").doubleValue()).isBetween(0.06525, 0.06535);
    }

    @Test
    void answersTheLogRankTestOfThreeGroupsToFullPrecisionWhateverTheirOrder() {
        Map<String, Object> groups = new LinkedHashMap<>();
        groups.put("C", json(AML_NONMAINTAINED));
        groups.put("A", json(GEHAN_6MP));
        groups.put("B b", json(GEHAN_CONTROL));
        JsonNode answer = ok(api().postJson(LOG_RANK, Map.of("groups", groups)));
        LogRank.Result expected = LogRank.test(SurvivalDatasets.groups("A", GEHAN_6MP, "B b", GEHAN_CONTROL, "C",
                AML_NONMAINTAINED));
        assertThat(answer.get("chiSquare").doubleValue()).isEqualTo(expected.chiSquare());
        assertThat(answer.get("degreesOfFreedom").intValue()).isEqualTo(2);
        assertThat(answer.get("pValue").doubleValue()).isEqualTo(expected.pValue());
        assertThat(answer.get("groups").propertyNames()).containsExactly("C", "A", "B b");
        for (String name : List.of("A", "B b", "C")) {
            assertThat(answer.get("groups").get(name).get("observed").intValue())
                    .isEqualTo(expected.groups().get(name).observed());
            assertThat(answer.get("groups").get(name).get("expected").doubleValue())
                    .isEqualTo(expected.groups().get(name).expected());
        }
    }

    // ICAHT

    @ParameterizedTest(name = "{0} days ≤ 500, {1} days ≤ 100, never above 500: {2} → grade {3}")
    @CsvSource(delimiter = '|', textBlock = IcahtGradeCases.EARLY)
    void gradesEarlyIcahtByTheSameTable(int days500, int days100, boolean neverAbove, int grade) {
        JsonNode answer = ok(api().postJson(ICAHT, Map.of("phase", "EARLY", "daysAncAtOrBelow500", days500,
                "daysAncAtOrBelow100", days100, "ancNeverAbove500", neverAbove)));
        assertThat(answer.get("phase").asText()).isEqualTo("EARLY");
        assertThat(answer.get("grade").intValue()).isEqualTo(grade);
    }

    @Test
    void neverAbove500DefaultsToFalse() {
        assertThat(ok(api().postJson(ICAHT, Map.of("phase", "EARLY", "daysAncAtOrBelow500", 3,
                "daysAncAtOrBelow100", 0))).get("grade").intValue()).isEqualTo(1);
        assertThat(ok(api().postJson(ICAHT, Map.of("phase", "EARLY", "daysAncAtOrBelow500", 3,
                "daysAncAtOrBelow100", 0, "ancNeverAbove500", true))).get("grade").intValue()).isEqualTo(4);
    }

    @ParameterizedTest(name = "ANC {0} → grade {1}")
    @CsvSource(delimiter = '|', textBlock = IcahtGradeCases.LATE)
    void gradesLateIcahtByTheSameTable(String results, int grade) {
        List<Double> anc = Arrays.stream(results.trim().split("\\s+")).map(Double::valueOf).toList();
        JsonNode answer = ok(api().postJson(ICAHT, Map.of("phase", "LATE", "ancValuesPerMicrolitre", anc)));
        assertThat(answer.get("phase").asText()).isEqualTo("LATE");
        assertThat(answer.get("grade").intValue()).isEqualTo(grade);
    }

    // response

    @ParameterizedTest(name = "blasts {0} %, circulating {1}, EMD {2}, ANC {3}, platelets {4}, MRD {5} → {6}")
    @CsvSource(delimiter = '|', textBlock = ResponseCases.B_ALL)
    void categorisesBAllByTheSameTable(BigDecimal blasts, boolean circulating, boolean extramedullary, BigDecimal anc,
            BigDecimal platelets, BigDecimal mrd, String category, String marrow, Boolean mrdNegative) {
        Map<String, Object> body = body("framework", "B_ALL", "marrowBlastsPercent", blasts, "circulatingBlasts",
                circulating, "extramedullaryDisease", extramedullary, "ancPerMicrolitre", anc,
                "plateletsPerMicrolitre", platelets, "mrdPercent", mrd);
        JsonNode answer = ok(api().postJson(RESPONSE, body));
        assertThat(answer.get("framework").asText()).isEqualTo("B_ALL");
        assertThat(answer.get("category").asText()).isEqualTo(category);
        assertThat(answer.get("marrowStatus").asText()).isEqualTo(marrow);
        assertThat(answer.has("mrdNegative")).isTrue();
        if (mrdNegative == null) {
            assertThat(answer.get("mrdNegative").isNull()).isTrue();
        } else {
            assertThat(answer.get("mrdNegative").isBoolean()).isTrue();
            assertThat(answer.get("mrdNegative").booleanValue()).isEqualTo(mrdNegative);
        }
    }

    @ParameterizedTest(name = "Deauville {0}, uptake {1}, new lesions {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = ResponseCases.LUGANO_PET)
    void categorisesLuganoPetByTheSameTable(int deauville, String uptake, boolean newLesions, String category) {
        JsonNode answer = ok(api().postJson(RESPONSE, body("framework", "LUGANO_2014_PET", "deauvilleScore", deauville,
                "uptakeComparedWithBaseline", uptake, "newLesions", newLesions)));
        assertThat(answer.get("framework").asText()).isEqualTo("LUGANO_2014_PET");
        assertThat(answer.get("category").asText()).isEqualTo(category);
    }

    @ParameterizedTest(name = "SPD {0} → {1} mm², nodes ≤ 15 mm {2}, extralymphatic {3}, new {4}, lesion PD {5} → {6}")
    @CsvSource(delimiter = '|', textBlock = ResponseCases.LUGANO_CT)
    void categorisesLuganoCtByTheSameTable(BigDecimal baseline, BigDecimal current, boolean allNodesSmall,
            boolean extralymphatic, boolean newLesions, Boolean lesionProgression, String category) {
        JsonNode answer = ok(api().postJson(RESPONSE, body("framework", "LUGANO_2014_CT", "baselineSpdMm2", baseline,
                "currentSpdMm2", current, "allTargetNodesLongestDiameterAtMost15Mm", allNodesSmall,
                "extralymphaticDiseasePresent", extralymphatic, "newLesions", newLesions,
                "individualLesionProgression", lesionProgression)));
        assertThat(answer.get("category").asText()).isEqualTo(category);
    }

    @ParameterizedTest(name = "[{index}] serum {0}/{1}/{2}, urine {3}/{4}/{5} … → {14}")
    @CsvSource(delimiter = '|', textBlock = ResponseCases.IMWG)
    void categorisesMyelomaByTheSameTable(BigDecimal baselineSerum, BigDecimal serum, BigDecimal nadirSerum,
            BigDecimal baselineUrine, BigDecimal urine, BigDecimal nadirUrine, boolean serumIfeNegative,
            boolean urineIfeNegative, Boolean onlyByIfe, BigDecimal marrow, Boolean plasmacytomas, Boolean flcNormal,
            Boolean clonal, Boolean newLesions, String category) {
        JsonNode answer = ok(api().postJson(RESPONSE, body("framework", "IMWG_2016",
                "baselineSerumMProteinGPerDl", baselineSerum, "currentSerumMProteinGPerDl", serum,
                "nadirSerumMProteinGPerDl", nadirSerum, "baselineUrineMProteinMgPer24h", baselineUrine,
                "currentUrineMProteinMgPer24h", urine, "nadirUrineMProteinMgPer24h", nadirUrine,
                "serumImmunofixationNegative", serumIfeNegative, "urineImmunofixationNegative", urineIfeNegative,
                "mProteinDetectableOnlyByImmunofixation", onlyByIfe, "marrowPlasmaCellsPercent", marrow,
                "softTissuePlasmacytomas", plasmacytomas, "flcRatioNormal", flcNormal, "clonalPlasmaCellsInMarrow",
                clonal, "newBoneLesionsOrPlasmacytomas", newLesions)));
        assertThat(answer.get("framework").asText()).isEqualTo("IMWG_2016");
        assertThat(answer.get("category").asText()).isEqualTo(category);
    }

    // refusals

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("KM: no observations", KM, Map.of(), "observations"),
                bad("KM: an empty body", KM, "", "observations"),
                bad("KM: a body that is not an object", KM, "[1, 2]", "observations"),
                bad("KM: observations empty", KM, Map.of("observations", List.of()), "observations"),
                bad("KM: observations not an array", KM, Map.of("observations", "6,7"), "observations"),
                bad("KM: an item not an object", KM, Map.of("observations", List.of(6)), "observations[0]"),
                bad("KM: a negative time", KM, km(-1, true), "observations[0].time"),
                bad("KM: a time in a string", KM, km("6", true), "observations[0].time"),
                bad("KM: no time", KM, Map.of("observations", List.of(Map.of("event", true))),
                        "observations[0].time"),
                bad("KM: an infinite time", KM, "{\"observations\": [{\"time\": 1e999, \"event\": true}]}",
                        "observations[0].time"),
                bad("KM: event 1", KM, km(6, 1), "observations[0].event"),
                bad("KM: event \"yes\"", KM, km(6, "yes"), "observations[0].event"),
                bad("KM: event \"true\"", KM, km(6, "true"), "observations[0].event"),
                bad("KM: no event", KM, Map.of("observations", List.of(Map.of("time", 6))), "observations[0].event"),
                bad("KM: confidence level 0", KM, with(km(6, true), "confidenceLevel", 0), "confidenceLevel"),
                bad("KM: confidence level 1", KM, with(km(6, true), "confidenceLevel", 1), "confidenceLevel"),
                bad("KM: confidence level 95", KM, with(km(6, true), "confidenceLevel", 95), "confidenceLevel"),
                bad("KM: confidence level negative", KM, with(km(6, true), "confidenceLevel", -0.5),
                        "confidenceLevel"),
                bad("KM: confidence level 1 in all but the 17th digit", KM,
                        "{\"observations\": [{\"time\": 1, \"event\": true}], \"confidenceLevel\": 0.99999999999999999}",
                        "confidenceLevel"),
                bad("KM: confidence level 1e-400", KM,
                        "{\"observations\": [{\"time\": 1, \"event\": true}], \"confidenceLevel\": 1e-400}",
                        "confidenceLevel"),
                bad("IMWG: an infinite serum M-protein", RESPONSE, "{\"framework\": \"IMWG_2016\","
                        + " \"baselineSerumMProteinGPerDl\": 3, \"currentSerumMProteinGPerDl\": 1e999,"
                        + " \"baselineUrineMProteinMgPer24h\": 0, \"currentUrineMProteinMgPer24h\": 0,"
                        + " \"serumImmunofixationNegative\": false, \"urineImmunofixationNegative\": false}",
                        "currentSerumMProteinGPerDl"),
                bad("KM: confidence level in a string", KM, with(km(6, true), "confidenceLevel", "0.9"),
                        "confidenceLevel"),
                bad("KM: interval in R's spelling", KM, with(km(6, true), "confidenceInterval", "log-log"),
                        "confidenceInterval"),
                bad("KM: interval in lower case", KM, with(km(6, true), "confidenceInterval", "log"),
                        "confidenceInterval"),
                bad("log-rank: no groups", LOG_RANK, Map.of(), "groups"),
                bad("log-rank: groups an array", LOG_RANK, Map.of("groups", List.of(json("1 2"), json("3"))),
                        "groups"),
                bad("log-rank: one group", LOG_RANK, Map.of("groups", Map.of("a", json("1 2"))), "groups"),
                bad("log-rank: an empty group", LOG_RANK, Map.of("groups", Map.of("a", json("1 2"), "b", List.of())),
                        "groups.b"),
                bad("log-rank: a group not an array", LOG_RANK, Map.of("groups", Map.of("a", json("1 2"), "b", 3)),
                        "groups.b"),
                bad("log-rank: an event 1", LOG_RANK, Map.of("groups", Map.of("a", json("1 2"),
                        "b", List.of(Map.of("time", 3, "event", 1)))), "groups.b[0].event"),
                bad("log-rank: a negative time", LOG_RANK, Map.of("groups", Map.of("a", json("1 2"),
                        "b", List.of(Map.of("time", -3, "event", true)))), "groups.b[0].time"),
                bad("ICAHT: no phase", ICAHT, Map.of("daysAncAtOrBelow500", 3, "daysAncAtOrBelow100", 0), "phase"),
                bad("ICAHT: a phase in lower case", ICAHT, early("early", 3, 0), "phase"),
                bad("ICAHT: an unknown phase", ICAHT, early("MIDDLE", 3, 0), "phase"),
                bad("ICAHT: fractional days", ICAHT, early("EARLY", 3.5, 0), "daysAncAtOrBelow500"),
                bad("ICAHT: 32 days", ICAHT, early("EARLY", 32, 0), "daysAncAtOrBelow500"),
                bad("ICAHT: negative days", ICAHT, early("EARLY", 3, -1), "daysAncAtOrBelow100"),
                bad("ICAHT: days in a string", ICAHT, early("EARLY", "3", 0), "daysAncAtOrBelow500"),
                bad("ICAHT: days missing", ICAHT, Map.of("phase", "EARLY", "daysAncAtOrBelow500", 3),
                        "daysAncAtOrBelow100"),
                bad("ICAHT: never above 500 as \"yes\"", ICAHT, with(early("EARLY", 3, 0), "ancNeverAbove500", "yes"),
                        "ancNeverAbove500"),
                bad("ICAHT: never above 500 as 1", ICAHT, with(early("EARLY", 3, 0), "ancNeverAbove500", 1),
                        "ancNeverAbove500"),
                bad("ICAHT: no ANC list", ICAHT, Map.of("phase", "LATE"), "ancValuesPerMicrolitre"),
                bad("ICAHT: an empty ANC list", ICAHT, late(List.of()), "ancValuesPerMicrolitre"),
                bad("ICAHT: an ANC list that is a number", ICAHT, late(400), "ancValuesPerMicrolitre"),
                bad("ICAHT: an ANC in a string", ICAHT, late(List.of(400, "300")), "ancValuesPerMicrolitre[1]"),
                bad("ICAHT: a negative ANC", ICAHT, late(List.of(400, -1)), "ancValuesPerMicrolitre[1]"),
                bad("response: no framework", RESPONSE, without(bAll(), "framework"), "framework"),
                bad("response: an unknown framework", RESPONSE, with(bAll(), "framework", "RECIST"), "framework"),
                bad("B-ALL: blasts missing", RESPONSE, without(bAll(), "marrowBlastsPercent"), "marrowBlastsPercent"),
                bad("B-ALL: blasts above 100 %", RESPONSE, with(bAll(), "marrowBlastsPercent", 100.5),
                        "marrowBlastsPercent"),
                bad("B-ALL: negative blasts", RESPONSE, with(bAll(), "marrowBlastsPercent", -1), "marrowBlastsPercent"),
                bad("B-ALL: circulating blasts 1", RESPONSE, with(bAll(), "circulatingBlasts", 1), "circulatingBlasts"),
                bad("B-ALL: EMD \"no\"", RESPONSE, with(bAll(), "extramedullaryDisease", "no"),
                        "extramedullaryDisease"),
                bad("B-ALL: a negative ANC", RESPONSE, with(bAll(), "ancPerMicrolitre", -5), "ancPerMicrolitre"),
                bad("B-ALL: platelets in a string", RESPONSE, with(bAll(), "plateletsPerMicrolitre", "150000"),
                        "plateletsPerMicrolitre"),
                bad("B-ALL: MRD above 100 %", RESPONSE, with(bAll(), "mrdPercent", 101), "mrdPercent"),
                bad("PET: Deauville 0", RESPONSE, with(pet(), "deauvilleScore", 0), "deauvilleScore"),
                bad("PET: Deauville 6", RESPONSE, with(pet(), "deauvilleScore", 6), "deauvilleScore"),
                bad("PET: Deauville 2.5", RESPONSE, with(pet(), "deauvilleScore", 2.5), "deauvilleScore"),
                bad("PET: an unknown uptake", RESPONSE, with(pet(), "uptakeComparedWithBaseline", "reduced"),
                        "uptakeComparedWithBaseline"),
                bad("PET: new lesions missing", RESPONSE, without(pet(), "newLesions"), "newLesions"),
                bad("CT: a negative current SPD", RESPONSE, with(ct(), "currentSpdMm2", -1), "currentSpdMm2"),
                bad("CT: a negative baseline SPD", RESPONSE, with(ct(), "baselineSpdMm2", -5), "baselineSpdMm2"),
                bad("CT: lesion progression \"false\"", RESPONSE, with(ct(), "individualLesionProgression", "false"),
                        "individualLesionProgression"),
                bad("IMWG: a negative urine M-protein", RESPONSE, with(imwg(), "currentUrineMProteinMgPer24h", -1),
                        "currentUrineMProteinMgPer24h"),
                bad("IMWG: marrow plasma cells above 100 %", RESPONSE, with(imwg(), "marrowPlasmaCellsPercent", 101),
                        "marrowPlasmaCellsPercent"),
                bad("IMWG: FLC ratio \"true\"", RESPONSE, with(imwg(), "flcRatioNormal", "true"), "flcRatioNormal"),
                bad("IMWG: serum IFE missing", RESPONSE, without(imwg(), "serumImmunofixationNegative"),
                        "serumImmunofixationNegative"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void refusesBadInputWith400NamingTheField(String path, Object body, String field) {
        JsonNode problem = assertProblem(api().postJson(path, body), 400, "invalid-request", field);
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(field);
    }

    static Stream<Arguments> inconsistentInput() {
        return Stream.of(
                bad("log-rank: no events in any group", LOG_RANK, Map.of("groups", Map.of("a", json("1+ 2+"),
                        "b", json("3+"))), "groups"),
                bad("ICAHT: more days ≤ 100 than ≤ 500", ICAHT, early("EARLY", 5, 6), "daysAncAtOrBelow100"),
                bad("ICAHT: never above 500 with 0 days ≤ 500", ICAHT,
                        with(early("EARLY", 0, 0), "ancNeverAbove500", true), "ancNeverAbove500"),
                bad("CT: a baseline SPD of 0", RESPONSE, with(ct(), "baselineSpdMm2", 0), "baselineSpdMm2"),
                bad("IMWG: a baseline serum M-protein of 0", RESPONSE, with(imwg(), "baselineSerumMProteinGPerDl", 0),
                        "baselineSerumMProteinGPerDl"),
                bad("IMWG: a serum nadir above baseline", RESPONSE, with(imwg(), "nadirSerumMProteinGPerDl", 3.1),
                        "nadirSerumMProteinGPerDl"),
                bad("IMWG: a urine nadir above baseline", RESPONSE, with(imwg(), "nadirUrineMProteinMgPer24h", 501),
                        "nadirUrineMProteinMgPer24h"));
    }

    @ParameterizedTest
    @MethodSource("inconsistentInput")
    void refusesInconsistentInputWith422NamingTheField(String path, Object body, String field) {
        JsonNode problem = assertProblem(api().postJson(path, body), 422, "inconsistent-calculator-input", field);
        assertThat(problem.get("status").intValue()).isEqualTo(422);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).startsWith(field + ":");
    }

    @Test
    void refusesMalformedJsonWith400() {
        for (String path : List.of(KM, LOG_RANK, ICAHT, RESPONSE)) {
            assertProblem(api().postJson(path, "{\"observations\": [ {\"time\": 1, "), 400, "unreadable-body");
        }
    }

    @Test
    void aNadirEqualToItsBaselineIsAccepted() {
        assertThat(ok(api().postJson(RESPONSE, with(with(imwg(), "nadirSerumMProteinGPerDl", 3.0),
                "nadirUrineMProteinMgPer24h", 500))).get("category").asText()).isEqualTo("STABLE_DISEASE");
    }

    @Test
    void theCalculatorsAndTheirProblemTypeAreDocumented() {
        String openapi = openApiDocument();
        assertThat(openapi).contains(KM, LOG_RANK, ICAHT, RESPONSE, "Outcomes calculators", "confidenceInterval",
                "daysAncAtOrBelow500", "baselineSerumMProteinGPerDl");
        assertThat(Http.browser(port).get("/problems").body()).contains("inconsistent-calculator-input");
    }

    @Test
    void aSignedInPersonMayUseTheCalculators() {
        Http consultant = Http.signedIn(port, "consultant", "cartpath-demo");
        assertThat(consultant.postJson(ICAHT, early("EARLY", 3, 0)).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesCallersWhoAreNotSignedIn() {
        for (String path : List.of(KM, LOG_RANK, ICAHT, RESPONSE)) {
            assertProblem(Http.browser(port).postJson(path, Map.of()), 401, "unauthenticated");
        }
    }

    /** springdoc builds the document on the first request, which can outlast a client's timeout on a busy machine. */
    private String openApiDocument() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return ok(Http.browser(port).get("/api/v1/openapi")).toString();
            } catch (IllegalStateException timedOut) {
                last = timedOut;
            }
        }
        throw last;
    }

    private Http api() {
        return Http.token(port, TOKEN);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static Double nullableDouble(JsonNode node, String field) {
        assertThat(node.has(field)).as(field + " is written out, null or not").isTrue();
        return node.get(field).isNull() ? null : node.get(field).doubleValue();
    }

    private static Arguments bad(String name, String path, Object body, String field) {
        return argumentSet(name, path, body, field);
    }

    /** A body from name, value pairs, leaving out the null values (fields not sent). */
    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    private static Map<String, Object> km(Object time, Object event) {
        return Map.of("observations", List.of(Map.of("time", time, "event", event)));
    }

    private static Map<String, Object> early(String phase, Object days500, Object days100) {
        return body("phase", phase, "daysAncAtOrBelow500", days500, "daysAncAtOrBelow100", days100);
    }

    private static Map<String, Object> late(Object values) {
        return body("phase", "LATE", "ancValuesPerMicrolitre", values);
    }

    private static Map<String, Object> bAll() {
        return body("framework", "B_ALL", "marrowBlastsPercent", 0, "circulatingBlasts", false,
                "extramedullaryDisease", false, "ancPerMicrolitre", 1500, "plateletsPerMicrolitre", 150000);
    }

    private static Map<String, Object> pet() {
        return body("framework", "LUGANO_2014_PET", "deauvilleScore", 4, "uptakeComparedWithBaseline", "REDUCED",
                "newLesions", false);
    }

    private static Map<String, Object> ct() {
        return body("framework", "LUGANO_2014_CT", "baselineSpdMm2", 2500, "currentSpdMm2", 1000,
                "allTargetNodesLongestDiameterAtMost15Mm", false, "extralymphaticDiseasePresent", false,
                "newLesions", false);
    }

    private static Map<String, Object> imwg() {
        return body("framework", "IMWG_2016", "baselineSerumMProteinGPerDl", 3.0, "currentSerumMProteinGPerDl", 2.9,
                "baselineUrineMProteinMgPer24h", 500, "currentUrineMProteinMgPer24h", 480,
                "serumImmunofixationNegative", false, "urineImmunofixationNegative", false);
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
