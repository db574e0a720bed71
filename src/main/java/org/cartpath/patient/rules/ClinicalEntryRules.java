package org.cartpath.patient.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.cartpath.patient.AntigenStatus;
import org.cartpath.patient.ClinicalDetails;
import org.cartpath.patient.CnsStatus;
import org.cartpath.patient.Consent;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PerformanceStatus;
import org.cartpath.patient.TherapyLine;
import org.cartpath.patient.Transplant;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * What makes an entry of a patient's clinical history acceptable. Ranges are wide on purpose: they catch
 * typing and unit errors (a creatinine in mg/dL, a weight in pounds), not clinical abnormality.
 * Plain Java; the patient's date of birth and {@code today} are given, never read.
 */
public final class ClinicalEntryRules {

    /**
     * Lansky play-performance scale for children under 16 (Lansky SB et al., Cancer 1987;60:1651-6);
     * Karnofsky or ECOG from 16 (Karnofsky DA, Burchenal JH 1949; Oken MM et al., Am J Clin Oncol
     * 1982;5:649-55). The age is taken on the date of the assessment.
     */
    public static final int LANSKY_BELOW_AGE = 16;

    private ClinicalEntryRules() {
    }

    /** Every problem with an entry, at most one per field. */
    public static List<FieldProblem> problemsIn(ClinicalDetails details, LocalDate dateOfBirth, LocalDate today) {
        Checks checks = new Checks();
        switch (details.kind()) {
            case MEASUREMENT -> measurement(checks, (Measurement) details, dateOfBirth, today);
            case DIAGNOSIS -> diagnosis(checks, (Diagnosis) details, dateOfBirth, today);
            case DISEASE_STATUS -> diseaseStatus(checks, (DiseaseStatus) details, dateOfBirth, today);
            case THERAPY_LINE -> therapyLine(checks, (TherapyLine) details, dateOfBirth, today);
            case TRANSPLANT -> {
                Transplant t = (Transplant) details;
                checks.required("type", t.type());
                checks.clinicalDate("transplantedOn", t.transplantedOn(), dateOfBirth, today);
            }
            case ANTIGEN_STATUS -> {
                AntigenStatus a = (AntigenStatus) details;
                checks.required("antigen", a.antigen());
                checks.required("result", a.result());
                checks.clinicalDate("testedOn", a.testedOn(), dateOfBirth, today);
                checks.maxLength("method", a.method(), 200);
            }
            case CNS_STATUS -> {
                CnsStatus c = (CnsStatus) details;
                checks.required("status", c.status());
                checks.clinicalDate("assessedOn", c.assessedOn(), dateOfBirth, today);
            }
            case PERFORMANCE_STATUS -> performanceStatus(checks, (PerformanceStatus) details, dateOfBirth, today);
            case ORGAN_FUNCTION -> organFunction(checks, (OrganFunction) details, dateOfBirth, today);
            case CONSENT -> {
                Consent c = (Consent) details;
                checks.required("type", c.type());
                checks.required("decision", c.decision());
                checks.clinicalDate("decidedOn", c.decidedOn(), dateOfBirth, today);
                checks.maxLength("note", c.note(), 1000);
            }
        }
        return checks.problems();
    }

    private static void measurement(Checks checks, Measurement m, LocalDate born, LocalDate today) {
        checks.clinicalDate("measuredOn", m.measuredOn(), born, today);
        if (m.weightKg() == null && m.heightCm() == null) {
            checks.add("weightKg", "is required when no height is given");
        }
        checks.decimal("weightKg", m.weightKg(), BigDecimal.ZERO, true, new BigDecimal("350"), 3,
                "must be more than 0 kg and at most 350 kg");
        checks.decimal("heightCm", m.heightCm(), new BigDecimal("30"), false, new BigDecimal("250"), 1,
                "must be between 30 cm and 250 cm");
    }

    private static void diagnosis(Checks checks, Diagnosis d, LocalDate born, LocalDate today) {
        checks.required("code", d.code());
        if (d.code() == DiagnosisCode.OTHER && (d.description() == null || d.description().isBlank())) {
            checks.add("description", "is required when the code is OTHER");
        }
        checks.maxLength("description", d.description(), 500);
        checks.clinicalDate("diagnosedOn", d.diagnosedOn(), born, today);
    }

    private static void diseaseStatus(Checks checks, DiseaseStatus s, LocalDate born, LocalDate today) {
        checks.clinicalDate("assessedOn", s.assessedOn(), born, today);
        checks.required("refractory", s.refractory());
        checks.required("relapseNumber", s.relapseNumber());
        if (s.relapseNumber() != null && (s.relapseNumber() < 0 || s.relapseNumber() > 20)) {
            checks.add("relapseNumber", "must be 0 (never relapsed) to 20");
        }
        checks.required("relapseAfterTransplant", s.relapseAfterTransplant());
        boolean neverRelapsed = Integer.valueOf(0).equals(s.relapseNumber());
        if (neverRelapsed && Boolean.TRUE.equals(s.relapseAfterTransplant())) {
            checks.add("relapseAfterTransplant", "cannot be true when the relapse number is 0");
        }
        if (neverRelapsed && s.relapsedOn() != null) {
            checks.add("relapsedOn", "must be empty when the relapse number is 0");
        }
        checks.optionalDate("relapsedOn", s.relapsedOn(), born, today);
        if (s.relapsedOn() != null && s.assessedOn() != null && s.relapsedOn().isAfter(s.assessedOn())) {
            checks.add("relapsedOn", "must not be after the assessment date");
        }
        Integer months = s.monthsFromFirstLineEndToRelapse();
        if (months != null && neverRelapsed) {
            checks.add("monthsFromFirstLineEndToRelapse", "must be empty when the relapse number is 0");
        }
        if (months != null && (months < 0 || months > 600)) {
            checks.add("monthsFromFirstLineEndToRelapse", "must be 0 to 600");
        }
    }

    private static void therapyLine(Checks checks, TherapyLine l, LocalDate born, LocalDate today) {
        checks.required("lineNumber", l.lineNumber());
        if (l.lineNumber() != null && (l.lineNumber() < 1 || l.lineNumber() > 20)) {
            checks.add("lineNumber", "must be 1 to 20");
        }
        if (l.regimen() == null || l.regimen().isBlank()) {
            checks.add("regimen", "is required");
        }
        checks.maxLength("regimen", l.regimen(), 200);
        checks.clinicalDate("startedOn", l.startedOn(), born, today);
        checks.optionalDate("endedOn", l.endedOn(), born, today);
        if (l.endedOn() != null && l.startedOn() != null && l.endedOn().isBefore(l.startedOn())) {
            checks.add("endedOn", "must not be before the start date");
        }
    }

    private static void performanceStatus(Checks checks, PerformanceStatus p, LocalDate born, LocalDate today) {
        checks.required("scale", p.scale());
        checks.required("score", p.score());
        checks.clinicalDate("assessedOn", p.assessedOn(), born, today);
        if (p.scale() == null) {
            return;
        }
        if (!checks.has("assessedOn") && born != null) {
            int age = Period.between(born, p.assessedOn()).getYears();
            if (age < LANSKY_BELOW_AGE && p.scale() != PerformanceStatus.Scale.LANSKY) {
                checks.add("scale", "must be LANSKY for a patient under " + LANSKY_BELOW_AGE
                        + " on the assessment date (aged " + age + ")");
            } else if (age >= LANSKY_BELOW_AGE && p.scale() == PerformanceStatus.Scale.LANSKY) {
                checks.add("scale", "must be KARNOFSKY or ECOG for a patient aged " + LANSKY_BELOW_AGE
                        + " or over on the assessment date (aged " + age + ")");
            }
        }
        Integer score = p.score();
        if (score != null) {
            switch (p.scale()) {
                case ECOG -> {
                    if (score < 0 || score > 5) {
                        checks.add("score", "must be 0 to 5 on the ECOG scale");
                    }
                }
                case LANSKY, KARNOFSKY -> {
                    if (score < 0 || score > 100 || score % 10 != 0) {
                        checks.add("score", "must be 0 to 100 in steps of 10 on the " + p.scale().label() + " scale");
                    }
                }
            }
        }
    }

    private static void organFunction(Checks checks, OrganFunction o, LocalDate born, LocalDate today) {
        checks.clinicalDate("testedOn", o.testedOn(), born, today);
        if (o.creatinineMicromolPerLitre() == null && o.bilirubinMicromolPerLitre() == null
                && o.altUnitsPerLitre() == null && o.lvefPercent() == null && o.spo2Percent() == null) {
            checks.add("creatinineMicromolPerLitre", "or another result is required");
        }
        // 1 mg/dL creatinine = 88.4 µmol/L; 1 mg/dL bilirubin = 17.1 µmol/L
        checks.decimal("creatinineMicromolPerLitre", o.creatinineMicromolPerLitre(), new BigDecimal("5"), false,
                new BigDecimal("3000"), 1, "must be 5 to 3000 µmol/L (from mg/dL, multiply by 88.4)");
        checks.decimal("bilirubinMicromolPerLitre", o.bilirubinMicromolPerLitre(), BigDecimal.ZERO, false,
                new BigDecimal("1000"), 1, "must be 0 to 1000 µmol/L (from mg/dL, multiply by 17.1)");
        checks.decimal("altUnitsPerLitre", o.altUnitsPerLitre(), BigDecimal.ZERO, false, new BigDecimal("10000"), 1,
                "must be 0 to 10000 U/L");
        checks.decimal("lvefPercent", o.lvefPercent(), new BigDecimal("5"), false, new BigDecimal("95"), 1,
                "must be 5 to 95 %");
        checks.decimal("spo2Percent", o.spo2Percent(), new BigDecimal("50"), false, new BigDecimal("100"), 1,
                "must be 50 to 100 %");
    }
}
