package org.cartpath.referral.eligibility;

import java.util.Locale;
import org.cartpath.catalogue.Indication;
import org.cartpath.patient.ClinicalSnapshot;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.referral.EligibilityCriterionResult;

/**
 * The check every pathway of a label takes for granted: the patient has the disease of the indication
 * assessed. Without it, a patient with myeloma would meet Kymriah's B-ALL pathway (age and relapse only).
 * Its source is the labelled indication's own source.
 */
final class DiagnosisMatchesIndication {

    static final String ID = "indication";
    static final String RULE = "DIAGNOSIS_MATCHES_INDICATION";

    private DiagnosisMatchesIndication() {
    }

    static EligibilityCriterionResult evaluate(Indication indication, String indicationSource, ClinicalSnapshot snapshot) {
        String description = "Diagnosis is " + indication.label().toLowerCase(Locale.ROOT);
        Finding finding = finding(indication, snapshot);
        return new EligibilityCriterionResult(ID, RULE, description, finding.outcome(), finding.dataUsed(), indicationSource);
    }

    private static Finding finding(Indication indication, ClinicalSnapshot snapshot) {
        if (snapshot.diagnosis() == null || snapshot.diagnosis().code() == null) {
            return Finding.unknown("no diagnosis recorded by " + snapshot.asOf());
        }
        String data = DiagnosisIn.describe(snapshot.diagnosis());
        if (snapshot.diagnosis().code() == DiagnosisCode.OTHER || snapshot.indicationCode() == null) {
            return Finding.unknown(data + ": not one the catalogue codes; the consultant decides");
        }
        return Finding.of(indication.name().equals(snapshot.indicationCode()), data);
    }
}
