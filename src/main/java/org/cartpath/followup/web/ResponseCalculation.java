package org.cartpath.followup.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.followup.outcomes.BAllResponse;
import org.cartpath.followup.outcomes.ImwgResponse;
import org.cartpath.followup.outcomes.LuganoCtResponse;
import org.cartpath.followup.outcomes.LuganoPetResponse;
import tools.jackson.databind.JsonNode;

/**
 * Reads a framework's inputs and derives its response category with the outcomes rules: one reading for the
 * stateless {@code response} calculator (docs/clinical/outcomes-calculators.md §4) and for the response assessments
 * recorded on a case (docs/clinical/response-assessment.md), so that both accept and refuse exactly the same inputs
 * (400 for a missing or malformed field, 422 {@code inconsistent-calculator-input} for inputs that contradict each
 * other, such as a nadir above its baseline). Fields are named with the reader's prefix.
 */
final class ResponseCalculation {

    /** The framework's fields, as the contract names them; the inputs stored are these and no others. */
    static final Map<ResponseFramework, List<String>> FIELDS = Map.of(
            ResponseFramework.B_ALL, List.of("marrowBlastsPercent", "circulatingBlasts", "extramedullaryDisease",
                    "ancPerMicrolitre", "plateletsPerMicrolitre", "mrdPercent"),
            ResponseFramework.LUGANO_2014_PET, List.of("deauvilleScore", "uptakeComparedWithBaseline", "newLesions"),
            ResponseFramework.LUGANO_2014_CT, List.of("baselineSpdMm2", "currentSpdMm2",
                    "allTargetNodesLongestDiameterAtMost15Mm", "extralymphaticDiseasePresent", "newLesions",
                    "individualLesionProgression"),
            ResponseFramework.IMWG_2016, List.of("baselineSerumMProteinGPerDl", "currentSerumMProteinGPerDl",
                    "nadirSerumMProteinGPerDl", "baselineUrineMProteinMgPer24h", "currentUrineMProteinMgPer24h",
                    "nadirUrineMProteinMgPer24h", "serumImmunofixationNegative", "urineImmunofixationNegative",
                    "mProteinDetectableOnlyByImmunofixation", "marrowPlasmaCellsPercent", "softTissuePlasmacytomas",
                    "flcRatioNormal", "clonalPlasmaCellsInMarrow", "newBoneLesionsOrPlasmacytomas"));

    /**
     * The calculator's answer ({@code category} and, for B-ALL, {@code marrowStatus} and {@code mrdNegative}), the
     * category cartpath records (for B-ALL, a complete remission with negative MRD is an MRD-negative complete
     * remission) and the inputs given, restricted to the framework's fields.
     */
    record Derived(ResponseFramework framework, Map<String, Object> answer, String recordedCategory,
            Map<String, Object> inputs) {
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ResponseCalculation() {
    }

    static Derived derive(ResponseFramework framework, JsonInput in) {
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (framework) {
            case B_ALL -> bAll(in, answer);
            case LUGANO_2014_PET -> {
                in.require("deauvilleScore", "uptakeComparedWithBaseline", "newLesions");
                answer.put("category", LuganoPetResponse.assess(in.requiredWholeNumber("deauvilleScore", 1, 5),
                        in.requiredChoice("uptakeComparedWithBaseline", LuganoPetResponse.Uptake.class),
                        in.requiredBoolean("newLesions")));
            }
            case LUGANO_2014_CT -> luganoCt(in, answer);
            case IMWG_2016 -> imwg(in, answer);
        }
        String category = answer.get("category").toString();
        if (framework == ResponseFramework.B_ALL && BAllResponse.Category.COMPLETE_REMISSION.name().equals(category)
                && Boolean.TRUE.equals(answer.get("mrdNegative"))) {
            category = "MRD_NEGATIVE_COMPLETE_REMISSION";
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String field : FIELDS.get(framework)) {
            JsonNode value = in.value(field);
            if (value != null) {
                inputs.put(field, value.isNumber() ? value.numberValue() : value.isBoolean() ? value.booleanValue()
                        : value.asString());
            }
        }
        return new Derived(framework, answer, category, inputs);
    }

    private static void bAll(JsonInput in, Map<String, Object> answer) {
        in.require("marrowBlastsPercent", "circulatingBlasts", "extramedullaryDisease", "ancPerMicrolitre",
                "plateletsPerMicrolitre");
        BAllResponse.Assessment assessment = BAllResponse.assess(
                in.requiredNumber("marrowBlastsPercent", ZERO, HUNDRED), in.requiredBoolean("circulatingBlasts"),
                in.requiredBoolean("extramedullaryDisease"), in.requiredNumber("ancPerMicrolitre", ZERO, null),
                in.requiredNumber("plateletsPerMicrolitre", ZERO, null),
                in.optionalNumber("mrdPercent", ZERO, HUNDRED));
        answer.put("category", assessment.category());
        answer.put("marrowStatus", assessment.marrowStatus());
        answer.put("mrdNegative", assessment.mrdNegative());
    }

    private static void luganoCt(JsonInput in, Map<String, Object> answer) {
        in.require("baselineSpdMm2", "currentSpdMm2", "allTargetNodesLongestDiameterAtMost15Mm",
                "extralymphaticDiseasePresent", "newLesions");
        BigDecimal baseline = in.requiredNumber("baselineSpdMm2", ZERO, null);
        BigDecimal current = in.requiredNumber("currentSpdMm2", ZERO, null);
        boolean allNodesSmall = in.requiredBoolean("allTargetNodesLongestDiameterAtMost15Mm");
        boolean extralymphatic = in.requiredBoolean("extralymphaticDiseasePresent");
        boolean newLesions = in.requiredBoolean("newLesions");
        boolean lesionProgression = in.booleanOrDefault("individualLesionProgression", false);
        if (baseline.signum() == 0) {
            throw JsonInput.inconsistent(in.path("baselineSpdMm2"),
                    "must be greater than 0: a response is measured from it");
        }
        answer.put("category", LuganoCtResponse.assess(baseline, current, allNodesSmall, extralymphatic, newLesions,
                lesionProgression));
    }

    private static void imwg(JsonInput in, Map<String, Object> answer) {
        in.require("baselineSerumMProteinGPerDl", "currentSerumMProteinGPerDl", "baselineUrineMProteinMgPer24h",
                "currentUrineMProteinMgPer24h", "serumImmunofixationNegative", "urineImmunofixationNegative");
        BigDecimal serumBaseline = in.requiredNumber("baselineSerumMProteinGPerDl", ZERO, null);
        BigDecimal serum = in.requiredNumber("currentSerumMProteinGPerDl", ZERO, null);
        BigDecimal serumNadir = in.optionalNumber("nadirSerumMProteinGPerDl", ZERO, null);
        BigDecimal urineBaseline = in.requiredNumber("baselineUrineMProteinMgPer24h", ZERO, null);
        BigDecimal urine = in.requiredNumber("currentUrineMProteinMgPer24h", ZERO, null);
        BigDecimal urineNadir = in.optionalNumber("nadirUrineMProteinMgPer24h", ZERO, null);
        boolean serumIfeNegative = in.requiredBoolean("serumImmunofixationNegative");
        boolean urineIfeNegative = in.requiredBoolean("urineImmunofixationNegative");
        boolean onlyByIfe = in.booleanOrDefault("mProteinDetectableOnlyByImmunofixation", false);
        BigDecimal marrow = in.optionalNumber("marrowPlasmaCellsPercent", ZERO, HUNDRED);
        boolean plasmacytomas = in.booleanOrDefault("softTissuePlasmacytomas", false);
        Boolean flcNormal = in.optionalBoolean("flcRatioNormal");
        Boolean clonal = in.optionalBoolean("clonalPlasmaCellsInMarrow");
        boolean newLesions = in.booleanOrDefault("newBoneLesionsOrPlasmacytomas", false);
        if (serumBaseline.signum() == 0) {
            throw JsonInput.inconsistent(in.path("baselineSerumMProteinGPerDl"),
                    "must be greater than 0: a serum M-protein of 0 is not measurable disease");
        }
        if (serumNadir != null && serumNadir.compareTo(serumBaseline) > 0) {
            throw JsonInput.inconsistent(in.path("nadirSerumMProteinGPerDl"),
                    "cannot be above baselineSerumMProteinGPerDl: the nadir is the lowest value since baseline");
        }
        if (urineNadir != null && urineNadir.compareTo(urineBaseline) > 0) {
            throw JsonInput.inconsistent(in.path("nadirUrineMProteinMgPer24h"),
                    "cannot be above baselineUrineMProteinMgPer24h: the nadir is the lowest value since baseline");
        }
        answer.put("category", ImwgResponse.assess(new ImwgResponse.Assessment(serumBaseline, serum, serumNadir,
                urineBaseline, urine, urineNadir, serumIfeNegative, urineIfeNegative, onlyByIfe, marrow,
                plasmacytomas, flcNormal, clonal, newLesions)));
    }
}
