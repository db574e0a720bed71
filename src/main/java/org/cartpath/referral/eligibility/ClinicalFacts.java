package org.cartpath.referral.eligibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cartpath.patient.AntigenStatus;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.Dated;
import org.cartpath.patient.TherapyLine;
import org.cartpath.referral.EligibilityFact;

/**
 * The clinical snapshot as it is shown beside the criteria and stored with the assessment: every value the
 * rules may read, "not recorded" where the record holds nothing. It carries no identity (no name, date of
 * birth, NHS number or address), so the national panel may see it as it is.
 */
final class ClinicalFacts {

    static final String NOT_RECORDED = "not recorded";

    private ClinicalFacts() {
    }

    static List<EligibilityFact> of(ClinicalSnapshot s) {
        List<EligibilityFact> facts = new ArrayList<>();
        facts.add(new EligibilityFact("Age", s.ageYears() == null ? "not known" : s.ageYears() + " years on " + s.asOf()));
        facts.add(new EligibilityFact("Sex", s.sex() == null ? NOT_RECORDED : s.sex().label()));
        facts.add(new EligibilityFact("Weight", dated(s.weightKg(), " kg")));
        facts.add(new EligibilityFact("Diagnosis", s.diagnosis() == null ? NOT_RECORDED : DiagnosisIn.describe(s.diagnosis())));
        facts.add(new EligibilityFact("Disease status", diseaseStatus(s)));
        facts.add(new EligibilityFact("Months from end of first-line therapy to relapse",
                s.monthsFromFirstLineEndToRelapse() == null ? NOT_RECORDED : s.monthsFromFirstLineEndToRelapse().toString()));
        facts.add(new EligibilityFact("Prior lines of therapy",
                s.priorLinesOfTherapy() == null ? NOT_RECORDED : s.priorLinesOfTherapy().toString()));
        facts.add(new EligibilityFact("Prior therapy", s.priorTherapyExposures() == null ? NOT_RECORDED
                : s.priorTherapyExposures().isEmpty() ? "no drug class recorded"
                        : s.priorTherapyExposures().stream().map(TherapyLine.Tag::label).collect(Collectors.joining(", "))));
        facts.add(new EligibilityFact("Transplant", s.priorTransplant() == null ? "none recorded" : "recorded"));
        facts.add(new EligibilityFact("CD19", antigen(s.cd19())));
        facts.add(new EligibilityFact("BCMA", antigen(s.bcma())));
        facts.add(new EligibilityFact("CNS status", s.cnsStatus() == null ? NOT_RECORDED
                : s.cnsStatus().status() + " on " + s.cnsStatus().assessedOn()));
        facts.add(new EligibilityFact("Performance status", s.performanceStatus() == null ? NOT_RECORDED
                : s.performanceStatus().scale().label() + " " + s.performanceStatus().score() + " on "
                        + s.performanceStatus().assessedOn()));
        return facts;
    }

    private static String diseaseStatus(ClinicalSnapshot s) {
        if (s.diseaseStatus() == null) {
            return NOT_RECORDED;
        }
        String relapsedOn = s.diseaseStatus().relapsedOn() == null ? "" : ", last relapse " + s.diseaseStatus().relapsedOn();
        return "assessed " + s.diseaseStatus().assessedOn() + ": refractory " + Words.yesNo(s.refractory())
                + ", relapse number " + (s.relapseNumber() == null ? NOT_RECORDED : s.relapseNumber())
                + ", relapsed after transplant " + Words.yesNo(s.relapseAfterTransplant()) + relapsedOn;
    }

    private static String antigen(AntigenStatus status) {
        return status == null ? NOT_RECORDED : status.result().label() + " on " + status.testedOn();
    }

    private static String dated(Dated<BigDecimal> value, String unit) {
        return value == null || value.value() == null ? NOT_RECORDED
                : value.value().stripTrailingZeros().toPlainString() + unit + " on " + value.on();
    }
}
