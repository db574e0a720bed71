package org.cartpath.followup.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.followup.ResponseFramework;

/**
 * The response page's form of each framework (docs/clinical/response-assessment.md): its inputs, in the order the
 * consultant reads them off the report, with the labels the page and its errors use. One template and one controller
 * ({@link ResponseAssessmentPages}) serve every framework; the inputs are the API's ({@link ResponseCalculation#FIELDS},
 * plus NGS MRD on the B-ALL form), so the page derives and refuses exactly as the API does.
 */
final class ResponseForms {

    /** How an input is entered: a number, a yes/no, a yes/no that may be "not measured", or one of a few choices. */
    enum Type {
        NUMBER, YES_NO, YES_NO_OR_NOT_MEASURED, CHOICE
    }

    /** A choice of a {@link Type#CHOICE} input: the code the API takes and its words for people. */
    record Choice(String code, String label) {
    }

    /** One input of the form: its API field, its label, how it is entered, a hint (or null) and its choices. */
    record Input(String name, String label, Type type, String hint, List<Choice> choices) {

        static Input number(String name, String label, String hint) {
            return new Input(name, label, Type.NUMBER, hint, List.of());
        }

        static Input yesNo(String name, String label) {
            return new Input(name, label, Type.YES_NO, null, List.of());
        }

        static Input yesNoOrNotMeasured(String name, String label) {
            return new Input(name, label, Type.YES_NO_OR_NOT_MEASURED, null, List.of());
        }

        public boolean isRadios() {
            return type == Type.YES_NO || type == Type.YES_NO_OR_NOT_MEASURED || type == Type.CHOICE;
        }

        /** The radio buttons: value and label ("" is "not measured"). */
        public List<Choice> options() {
            return switch (type) {
                case YES_NO -> List.of(new Choice("true", "Yes"), new Choice("false", "No"));
                case YES_NO_OR_NOT_MEASURED -> List.of(new Choice("true", "Yes"), new Choice("false", "No"),
                        new Choice("", "Not measured"));
                case CHOICE -> choices;
                default -> List.of();
            };
        }
    }

    /** A framework's form: its heading, what the page says cartpath derives, and its inputs. */
    record Form(ResponseFramework framework, String heading, String explanation, List<Input> inputs) {

        /** Every label of the form, by the field the rules name (the inputs, the date and the signature). */
        Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("assessedOn", "Date of the assessment");
            inputs.forEach(i -> labels.put(i.name(), i.label()));
            labels.put("sourceDocument", "Source document");
            labels.put("category", "Category, if not the one derived");
            labels.put("categoryReason", "Reason for a different category");
            labels.put("password", "Your password");
            return labels;
        }
    }

    private static final Map<ResponseFramework, Form> FORMS = new EnumMap<>(ResponseFramework.class);

    static {
        FORMS.put(ResponseFramework.B_ALL, new Form(ResponseFramework.B_ALL,
                "Record a B-ALL response assessment",
                "cartpath derives the category from the marrow, the blood and MRD (complete remission: marrow blasts"
                        + " below 5 %, no circulating blasts, no extramedullary disease, ANC above 1,000/µL and"
                        + " platelets above 100,000/µL; MRD-negative below 0.01 %). NGS MRD is recorded with its"
                        + " assay's sensitivity.",
                List.of(Input.number("marrowBlastsPercent", "Marrow blasts (%)", null),
                        Input.yesNo("circulatingBlasts", "Circulating blasts"),
                        Input.yesNo("extramedullaryDisease", "Extramedullary disease"),
                        Input.number("ancPerMicrolitre", "Neutrophils (ANC, cells/µL)", null),
                        Input.number("plateletsPerMicrolitre", "Platelets (/µL)", null),
                        Input.number("mrdPercent", "Flow MRD (%)",
                                "Percentage of mononuclear cells; leave empty if not measured"),
                        Input.number("ngsMrdPercent", "NGS MRD (%)",
                                "Percentage of nucleated cells; leave empty if not measured"),
                        Input.number("ngsMrdSensitivityPercent", "NGS assay sensitivity (%)",
                                "For example 0.0001 for 1 in a million; required with an NGS result"))));
        FORMS.put(ResponseFramework.LUGANO_2014_PET, new Form(ResponseFramework.LUGANO_2014_PET,
                "Record a lymphoma response on PET-CT (Lugano 2014)",
                "cartpath derives the metabolic response (Cheson et al. 2014, Table 3): new FDG-avid lesions are"
                        + " progressive metabolic disease; a Deauville score of 1 to 3 is a complete metabolic"
                        + " response; a score of 4 or 5 is a partial metabolic response when uptake has fallen from"
                        + " baseline, no metabolic response when unchanged, progressive when it has risen.",
                List.of(new Input("deauvilleScore", "Deauville score", Type.CHOICE, null, List.of(
                                new Choice("1", "1: no uptake above background"),
                                new Choice("2", "2: uptake at or below the mediastinum"),
                                new Choice("3", "3: uptake above the mediastinum, at or below the liver"),
                                new Choice("4", "4: uptake moderately above the liver"),
                                new Choice("5", "5: uptake markedly above the liver, or new lesions"))),
                        new Input("uptakeComparedWithBaseline", "Uptake compared with baseline", Type.CHOICE, null,
                                List.of(new Choice("REDUCED", "Reduced"), new Choice("NO_CHANGE", "No change"),
                                        new Choice("INCREASED", "Increased"))),
                        Input.yesNo("newLesions", "New FDG-avid lesions consistent with lymphoma"))));
        FORMS.put(ResponseFramework.LUGANO_2014_CT, new Form(ResponseFramework.LUGANO_2014_CT,
                "Record a lymphoma response on CT (Lugano 2014)",
                "cartpath derives the radiological response (Cheson et al. 2014, Table 3): new lesions or a lesion"
                        + " progressing are progressive disease; every target node at most 15 mm and no"
                        + " extralymphatic disease is a complete response; the sum of the products of the diameters"
                        + " (SPD) fallen by 50 % or more from baseline is a partial response; otherwise stable.",
                List.of(Input.number("baselineSpdMm2", "Baseline SPD (mm²)",
                                "Sum of the products of the perpendicular diameters of up to six target lesions"),
                        Input.number("currentSpdMm2", "Current SPD (mm²)", null),
                        Input.yesNo("allTargetNodesLongestDiameterAtMost15Mm",
                                "Every target node 15 mm or less in longest diameter"),
                        Input.yesNo("extralymphaticDiseasePresent", "Extralymphatic disease present"),
                        Input.yesNo("newLesions", "New lesions"),
                        Input.yesNo("individualLesionProgression", "A single lesion meets the progression rule"))));
        FORMS.put(ResponseFramework.IMWG_2016, new Form(ResponseFramework.IMWG_2016,
                "Record a myeloma response (IMWG 2016)",
                "cartpath derives the category (Kumar et al. 2016): progression is measured from the nadir, the"
                        + " lowest value since baseline, which cartpath tracks from the earlier assessments when you"
                        + " leave it empty; reductions are measured from baseline. A category is confirmed by two"
                        + " consecutive assessments.",
                List.of(Input.number("baselineSerumMProteinGPerDl", "Baseline serum M-protein (g/dL)", null),
                        Input.number("currentSerumMProteinGPerDl", "Current serum M-protein (g/dL)", null),
                        Input.number("nadirSerumMProteinGPerDl", "Serum M-protein nadir (g/dL)",
                                "Leave empty to use the lowest value recorded since baseline"),
                        Input.number("baselineUrineMProteinMgPer24h", "Baseline urine M-protein (mg/24 h)", null),
                        Input.number("currentUrineMProteinMgPer24h", "Current urine M-protein (mg/24 h)", null),
                        Input.number("nadirUrineMProteinMgPer24h", "Urine M-protein nadir (mg/24 h)",
                                "Leave empty to use the lowest value recorded since baseline"),
                        Input.yesNo("serumImmunofixationNegative", "Serum immunofixation negative"),
                        Input.yesNo("urineImmunofixationNegative", "Urine immunofixation negative"),
                        Input.yesNo("mProteinDetectableOnlyByImmunofixation",
                                "M-protein detectable by immunofixation only"),
                        Input.yesNoOrNotMeasured("flcRatioNormal", "Free light chain ratio normal"),
                        Input.number("marrowPlasmaCellsPercent", "Marrow plasma cells (%)",
                                "Leave empty if no marrow was examined"),
                        Input.yesNoOrNotMeasured("clonalPlasmaCellsInMarrow", "Clonal plasma cells in the marrow"),
                        Input.yesNo("softTissuePlasmacytomas", "Soft-tissue plasmacytomas"),
                        Input.yesNo("newBoneLesionsOrPlasmacytomas", "New bone lesions or plasmacytomas"))));
    }

    private ResponseForms() {
    }

    static Form of(ResponseFramework framework) {
        return FORMS.get(framework);
    }

    /** The forms other than {@code framework}'s, for the links to them. */
    static List<Form> others(ResponseFramework framework) {
        List<Form> others = new ArrayList<>();
        for (ResponseFramework f : ResponseFramework.values()) {
            if (f != framework) {
                others.add(FORMS.get(f));
            }
        }
        return others;
    }
}
