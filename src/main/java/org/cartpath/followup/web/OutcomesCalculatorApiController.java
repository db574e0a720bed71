package org.cartpath.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.followup.outcomes.ConfidenceInterval;
import org.cartpath.followup.outcomes.IcahtGrade;
import org.cartpath.followup.outcomes.KaplanMeier;
import org.cartpath.followup.outcomes.LogRank;
import org.cartpath.followup.outcomes.Observation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Stateless outcomes calculators: Kaplan–Meier, log-rank, ICAHT grade and disease-response category, with the
 * fields, defaults and errors of their published HTTP contract (docs/clinical/outcomes-calculators.md). Nothing is
 * stored. Bodies are read field by field ({@link JsonInput}) so that nothing is coerced: 1 or "yes" is not a boolean,
 * "6" is not a number.
 */
@RestController
@RequestMapping("/api/v1/calculators")
@Tag(name = "Outcomes calculators", description = "Kaplan–Meier and log-rank (as R survival's survfit and survdiff),"
        + " ICAHT grade (EHA/EBMT 2023), response categories for B-ALL, Lugano 2014 and IMWG 2016; decision support,"
        + " nothing is stored")
class OutcomesCalculatorApiController {

    /** More groups than this are refused: the test's variance matrix grows with the square of their number. */
    static final int MAX_GROUPS = 100;

    // Shapes of the request bodies, for the OpenAPI document only: the bodies are read strictly by JsonInput.

    record ObservationBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") Double time,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean event) {
    }

    record KaplanMeierBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ObservationBody> observations,
            @Schema(defaultValue = "0.95", exclusiveMinimumValue = 0, exclusiveMaximumValue = 1) Double confidenceLevel,
            @Schema(allowableValues = {"LOG", "LOG_LOG", "PLAIN"}, defaultValue = "LOG") String confidenceInterval) {
    }

    record LogRankBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            description = "group name → its observations; at least two groups") Map<String, List<ObservationBody>> groups) {
    }

    record IcahtBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"EARLY", "LATE"}) String phase,
            @Schema(description = "EARLY: days 0–30 with ANC ≤ 500/µL, 0–31") Integer daysAncAtOrBelow500,
            @Schema(description = "EARLY: days with ANC ≤ 100/µL, 0–31") Integer daysAncAtOrBelow100,
            @Schema(description = "EARLY", defaultValue = "false") Boolean ancNeverAbove500,
            @Schema(description = "LATE: ANC results after day +30, cells/µL") List<Double> ancValuesPerMicrolitre) {
    }

    record ResponseBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"B_ALL", "LUGANO_2014_PET", "LUGANO_2014_CT", "IMWG_2016"}) String framework,
            Double marrowBlastsPercent, Boolean circulatingBlasts, Boolean extramedullaryDisease,
            Double ancPerMicrolitre, Double plateletsPerMicrolitre, Double mrdPercent,
            Integer deauvilleScore, String uptakeComparedWithBaseline, Boolean newLesions,
            Double baselineSpdMm2, Double currentSpdMm2, Boolean allTargetNodesLongestDiameterAtMost15Mm,
            Boolean extralymphaticDiseasePresent, Boolean individualLesionProgression,
            Double baselineSerumMProteinGPerDl, Double currentSerumMProteinGPerDl, Double nadirSerumMProteinGPerDl,
            Double baselineUrineMProteinMgPer24h, Double currentUrineMProteinMgPer24h,
            Double nadirUrineMProteinMgPer24h, Boolean serumImmunofixationNegative,
            Boolean urineImmunofixationNegative, Boolean mProteinDetectableOnlyByImmunofixation,
            Double marrowPlasmaCellsPercent, Boolean softTissuePlasmacytomas, Boolean flcRatioNormal,
            Boolean clonalPlasmaCellsInMarrow, Boolean newBoneLesionsOrPlasmacytomas) {
    }

    record LogRankGroup(int observed, double expected) {
    }

    record LogRankResponse(double chiSquare, int degreesOfFreedom, double pValue, Map<String, LogRankGroup> groups) {
    }

    record IcahtResponse(String phase, int grade) {
    }

    enum Phase {
        EARLY, LATE
    }

    enum Framework {
        B_ALL, LUGANO_2014_PET, LUGANO_2014_CT, IMWG_2016
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    @PostMapping("/kaplan-meier")
    @Operation(summary = "Kaplan–Meier estimate with Greenwood standard errors and LOG, LOG_LOG or PLAIN confidence"
            + " limits, as R survival::survfit; median = the smallest event time with S ≤ 0.5",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = KaplanMeierBody.class))))
    KaplanMeier.Estimate kaplanMeier(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.body(body);
        List<Observation> observations = observations("observations", in.required("observations"));
        BigDecimal level = in.optionalNumber("confidenceLevel", null, null);
        // compared as the double it is used as: 0.99999999999999999 is 1.0 there
        if (level != null && !(level.doubleValue() > 0 && level.doubleValue() < 1)) {
            throw JsonInput.invalid("confidenceLevel", "must be greater than 0 and less than 1");
        }
        ConfidenceInterval interval = in.choiceOrDefault("confidenceInterval", ConfidenceInterval.class,
                ConfidenceInterval.LOG);
        return KaplanMeier.estimate(observations, level == null ? 0.95 : level.doubleValue(), interval);
    }

    @PostMapping("/log-rank")
    @Operation(summary = "Log-rank (Mantel–Haenszel) test of two or more groups, as R survival::survdiff (rho = 0),"
            + " with the full hypergeometric variance",
            description = "422 inconsistent-calculator-input when there is no event in any group, or when fewer than"
                    + " two groups have anyone at risk at an event time.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = LogRankBody.class))))
    LogRankResponse logRank(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.body(body);
        JsonNode groups = in.required("groups");
        if (!groups.isObject()) {
            throw JsonInput.invalid("groups", "must be an object of group name to observations");
        }
        if (groups.size() < 2) {
            throw JsonInput.invalid("groups", "must hold at least two groups");
        }
        if (groups.size() > MAX_GROUPS) {
            throw JsonInput.invalid("groups", "must hold at most " + MAX_GROUPS + " groups");
        }
        Map<String, List<Observation>> byName = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            byName.put(group.getKey(), observations("groups." + group.getKey(), group.getValue()));
        }
        LogRank.Result result;
        try {
            result = LogRank.test(byName);
        } catch (LogRank.NoTestPossible e) {
            throw JsonInput.inconsistent("groups", e.getMessage());
        }
        Map<String, LogRankGroup> answer = new LinkedHashMap<>();
        result.groups().forEach((name, events) -> answer.put(name,
                new LogRankGroup(events.observed(), events.expected())));
        return new LogRankResponse(result.chiSquare(), result.degreesOfFreedom(), result.pValue(), answer);
    }

    @PostMapping("/icaht-grade")
    @Operation(summary = "ICAHT grade 0–4 (EHA/EBMT 2023): EARLY from the days with ANC ≤ 500/µL and ≤ 100/µL in"
            + " days 0–30; LATE from ANC results after day +30, a grade counting when two or more are at or below"
            + " its threshold",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = IcahtBody.class))))
    IcahtResponse icahtGrade(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.body(body);
        Phase phase = in.requiredChoice("phase", Phase.class);
        if (phase == Phase.EARLY) {
            in.require("daysAncAtOrBelow500", "daysAncAtOrBelow100");
            int at500 = in.requiredWholeNumber("daysAncAtOrBelow500", 0, 31);
            int at100 = in.requiredWholeNumber("daysAncAtOrBelow100", 0, 31);
            boolean neverAbove = in.booleanOrDefault("ancNeverAbove500", false);
            if (at100 > at500) {
                throw JsonInput.inconsistent("daysAncAtOrBelow100",
                        "cannot be more than daysAncAtOrBelow500: a day at or below 100/µL is also at or below 500/µL");
            }
            if (neverAbove && at500 == 0) {
                throw JsonInput.inconsistent("ancNeverAbove500",
                        "cannot be true when daysAncAtOrBelow500 is 0");
            }
            return new IcahtResponse(phase.name(), IcahtGrade.early(at500, at100, neverAbove));
        }
        JsonNode values = in.required("ancValuesPerMicrolitre");
        if (!values.isArray() || values.isEmpty()) {
            throw JsonInput.invalid("ancValuesPerMicrolitre", "must be a non-empty array of numbers");
        }
        List<Double> anc = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            anc.add(JsonInput.number("ancValuesPerMicrolitre[" + i + "]", values.get(i), ZERO, null).doubleValue());
        }
        return new IcahtResponse(phase.name(), IcahtGrade.late(anc));
    }

    @PostMapping("/response")
    @Operation(summary = "Disease-response category of one assessment, by framework: B_ALL (after CAR-T),"
            + " LUGANO_2014_PET, LUGANO_2014_CT or IMWG_2016",
            description = "The fields each framework needs are listed in docs/clinical/outcomes-calculators.md. 422"
                    + " inconsistent-calculator-input for a baseline SPD or serum M-protein of 0, or a nadir above its"
                    + " baseline.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ResponseBody.class))))
    Map<String, Object> response(@RequestBody(required = false) JsonNode body) {
        JsonInput in = JsonInput.body(body);
        Framework framework = in.requiredChoice("framework", Framework.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("framework", framework.name());
        answer.putAll(ResponseCalculation.derive(ResponseFramework.valueOf(framework.name()), in).answer());
        return answer;
    }

    private static List<Observation> observations(String field, JsonNode array) {
        if (!array.isArray()) {
            throw JsonInput.invalid(field, "must be an array of {time, event}");
        }
        if (array.isEmpty()) {
            throw JsonInput.invalid(field, "must hold at least one observation");
        }
        List<Observation> observations = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String item = field + "[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                throw JsonInput.invalid(item, "must be an object {time, event}");
            }
            double time = JsonInput.number(item + ".time", nullToMissing(node.get("time")), ZERO, null).doubleValue();
            if (!Double.isFinite(time)) {
                throw JsonInput.invalid(item + ".time", "must be a finite number");
            }
            JsonNode event = nullToMissing(node.get("event"));
            if (event == null) {
                throw JsonInput.invalid(item + ".event", "is required");
            }
            observations.add(new Observation(time, JsonInput.bool(item + ".event", event)));
        }
        return observations;
    }

    private static JsonNode nullToMissing(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
