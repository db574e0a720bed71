package org.cartpath.interop.fhir;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What cartpath measures, with its code: LOINC (https://loinc.org) where LOINC has one, and the UCUM unit
 * (https://ucum.org); the ASTCT grades and the encephalopathy scores, which have no LOINC code, under cartpath's
 * toxicity code system. Vital signs carry the codes of the FHIR R4 vital signs profile
 * (http://hl7.org/fhir/R4/observation-vitalsigns.html).
 */
enum Measure {
    // from toxicity assessments (monitoring)
    TEMPERATURE("temp", true, Category.VITAL_SIGNS, FhirCodes.LOINC, "8310-5", "Body temperature", "Cel"),
    HEART_RATE("hr", true, Category.VITAL_SIGNS, FhirCodes.LOINC, "8867-4", "Heart rate", "/min"),
    RESPIRATORY_RATE("rr", true, Category.VITAL_SIGNS, FhirCodes.LOINC, "9279-1", "Respiratory rate", "/min"),
    OXYGEN_SATURATION("spo2", true, Category.VITAL_SIGNS, FhirCodes.LOINC, "2708-6",
            "Oxygen saturation in Arterial blood", "%"),
    BLOOD_PRESSURE("bp", true, Category.VITAL_SIGNS, FhirCodes.LOINC, "85354-9",
            "Blood pressure panel with all children optional", null),
    CRS_GRADE("crs", true, Category.EXAM, FhirCodes.TOXICITY, "crs-grade",
            "Cytokine release syndrome grade (ASTCT 2019)", null),
    ICANS_GRADE("icans", true, Category.EXAM, FhirCodes.TOXICITY, "icans-grade",
            "Immune effector cell-associated neurotoxicity syndrome grade (ASTCT 2019)", null),
    ICE_SCORE("ice", true, Category.SURVEY, FhirCodes.TOXICITY, "ice-score",
            "Immune effector Cell-associated Encephalopathy (ICE) score", null),
    CAPD_SCORE("capd", true, Category.SURVEY, FhirCodes.TOXICITY, "capd-score",
            "Cornell Assessment of Pediatric Delirium (CAPD) score", null),
    // from the patient's history (patient)
    BODY_WEIGHT("wt", false, Category.VITAL_SIGNS, FhirCodes.LOINC, "29463-7", "Body weight", "kg"),
    BODY_HEIGHT("ht", false, Category.VITAL_SIGNS, FhirCodes.LOINC, "8302-2", "Body height", "cm"),
    CREATININE("creat", false, Category.LABORATORY, FhirCodes.LOINC, "14682-9",
            "Creatinine [Moles/volume] in Serum or Plasma", "umol/L"),
    BILIRUBIN("bili", false, Category.LABORATORY, FhirCodes.LOINC, "14631-6",
            "Bilirubin.total [Moles/volume] in Serum or Plasma", "umol/L"),
    ALT("alt", false, Category.LABORATORY, FhirCodes.LOINC, "1742-6",
            "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L"),
    LVEF("lvef", false, Category.IMAGING, FhirCodes.LOINC, "10230-1", "Left ventricular Ejection fraction", "%"),
    RECORDED_OXYGEN_SATURATION("spo2e", false, Category.VITAL_SIGNS, FhirCodes.LOINC, "2708-6",
            "Oxygen saturation in Arterial blood", "%");

    /** The observation-category codes (http://terminology.hl7.org/CodeSystem/observation-category). */
    enum Category {
        VITAL_SIGNS("vital-signs", "Vital Signs"), LABORATORY("laboratory", "Laboratory"), IMAGING("imaging", "Imaging"),
        EXAM("exam", "Exam"), SURVEY("survey", "Survey");

        final String code;
        final String display;

        Category(String code, String display) {
            this.code = code;
            this.display = display;
        }
    }

    /** LOINC's pulse-oximetry code, which the R4 oxygen saturation profile asks for beside 2708-6. */
    static final String PULSE_OXIMETRY = "59408-5";
    static final String SYSTOLIC = "8480-6";
    static final String DIASTOLIC = "8462-4";

    private final String idPrefix;
    private final boolean fromAssessment;
    final Category category;
    final String system;
    final String code;
    final String display;
    /** The UCUM unit of the value; null for a grade or score (an integer) or a panel. */
    final String unit;

    Measure(String idPrefix, boolean fromAssessment, Category category, String system, String code, String display,
            String unit) {
        this.idPrefix = idPrefix;
        this.fromAssessment = fromAssessment;
        this.category = category;
        this.system = system;
        this.code = code;
        this.display = display;
        this.unit = unit;
    }

    String idPrefix() {
        return idPrefix;
    }

    boolean fromAssessment() {
        return fromAssessment;
    }

    /** Every (system, code) the Observation carries, for searching by code. */
    List<String[]> codings() {
        if (this == OXYGEN_SATURATION || this == RECORDED_OXYGEN_SATURATION) {
            return List.of(new String[] {system, code}, new String[] {FhirCodes.LOINC, PULSE_OXIMETRY});
        }
        return List.<String[]>of(new String[] {system, code});
    }

    static Optional<Measure> byIdPrefix(String prefix) {
        return Arrays.stream(values()).filter(m -> m.idPrefix.equals(prefix)).findFirst();
    }
}
