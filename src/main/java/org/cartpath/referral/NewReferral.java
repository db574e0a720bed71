package org.cartpath.referral;

import java.time.LocalDate;
import java.util.List;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;

/**
 * A referral as the referrer makes it. Codes arrive as text so that every refusal names its field.
 *
 * @param existingPatient a patient the referrer's organisation already sees, or null to give {@code patient}
 * @param patient         who the patient is: linked to their record by NHS number, or registered
 * @param diagnosisCode   optional: a {@code DiagnosisCode} recorded in the patient's history with the referral
 * @param centreId        the treatment centre referred to
 * @param jurisdiction    whose label applies; UK when blank
 * @param files           letters and reports; each is checked and stored with the referral
 */
public record NewReferral(
        PatientId existingPatient,
        PatientDetails patient,
        String diagnosisCode,
        String diagnosisDescription,
        LocalDate diagnosedOn,
        String centreId,
        String productCode,
        String indication,
        String jurisdiction,
        String urgency,
        String clinicalSummary,
        List<Upload> files) {

    public NewReferral {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
