package org.cartpath.patient.web;

import java.util.List;
import java.util.Map;
import org.cartpath.patient.EntryKind;

/**
 * The page of each clinical fact: where its form lives, what it is called, and the labels of its fields, which
 * name every error on it. One place, so that the record page links to the same forms the controller serves.
 */
enum ClinicalFactPages {

    DISEASE_STATUS(EntryKind.DISEASE_STATUS, "disease-statuses", "Record disease status", "Disease status recorded.",
            Map.of("assessedOn", "Date assessed", "refractory", "Refractory disease",
                    "relapseNumber", "Number of relapses", "relapseAfterTransplant", "Relapse after a transplant",
                    "relapsedOn", "Date of the latest relapse",
                    "monthsFromFirstLineEndToRelapse", "Months from the end of first-line therapy to relapse")),
    THERAPY_LINE(EntryKind.THERAPY_LINE, "therapy-lines", "Record a line of therapy", "Line of therapy recorded.",
            Map.of("lineNumber", "Line number", "regimen", "Regimen", "startedOn", "Date started",
                    "endedOn", "Date ended", "bestResponse", "Best response", "tags", "Drug classes included")),
    TRANSPLANT(EntryKind.TRANSPLANT, "transplants", "Record a transplant", "Transplant recorded.",
            Map.of("type", "Type of transplant", "transplantedOn", "Date of transplant")),
    PERFORMANCE_STATUS(EntryKind.PERFORMANCE_STATUS, "performance-statuses", "Record performance status",
            "Performance status recorded.",
            Map.of("scale", "Scale", "score", "Score", "assessedOn", "Date assessed")),
    ORGAN_FUNCTION(EntryKind.ORGAN_FUNCTION, "organ-functions", "Record organ function and laboratory results",
            "Organ function recorded.",
            Map.of("testedOn", "Date of the tests", "creatinine", "Creatinine", "creatinineUnit", "Creatinine unit",
                    "creatinineMicromolPerLitre", "Creatinine", "bilirubinMicromolPerLitre", "Bilirubin",
                    "altUnitsPerLitre", "ALT", "lvefPercent", "LVEF", "spo2Percent", "SpO2")),
    CNS_STATUS(EntryKind.CNS_STATUS, "cns-statuses", "Record CNS status", "CNS status recorded.",
            Map.of("status", "CNS status", "assessedOn", "Date assessed")),
    ANTIGEN_STATUS(EntryKind.ANTIGEN_STATUS, "antigen-statuses", "Record target antigen status",
            "Target antigen status recorded.",
            Map.of("antigen", "Antigen", "result", "Result", "testedOn", "Date tested", "method", "Method")),
    CONSENT(EntryKind.CONSENT, "consents", "Record consent", "Consent recorded.",
            Map.of("type", "Consent to", "decision", "Decision", "decidedOn", "Date of the decision", "note", "Note",
                    "signedForm", "Signed consent form"));

    private final EntryKind kind;
    private final String path;
    private final String title;
    private final String success;
    private final Map<String, String> labels;

    ClinicalFactPages(EntryKind kind, String path, String title, String success, Map<String, String> labels) {
        this.kind = kind;
        this.path = path;
        this.title = title;
        this.success = success;
        this.labels = labels;
    }

    EntryKind kind() {
        return kind;
    }

    /** The path segment under the patient, also the id of the record page's section. */
    String path() {
        return path;
    }

    public String title() {
        return title;
    }

    String success() {
        return success;
    }

    Map<String, String> labels() {
        return labels;
    }

    /** One template holds every fact's form, so that they look and behave alike. */
    String view() {
        return "patient/fact-form";
    }

    static ClinicalFactPages of(EntryKind kind) {
        return List.of(values()).stream().filter(p -> p.kind == kind).findFirst().orElse(null);
    }
}
