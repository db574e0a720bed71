package org.cartpath.patient;

import java.time.LocalDate;

/** A patient as listed in search results: identity only, no clinical detail and no address. */
public record PatientSummary(
        PatientId id,
        NhsNumber nhsNumber,
        String localHospitalNumber,
        String localNumberIssuerName,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Sex sex,
        int version) {

    /** "FAMILY, Given", the NHS convention for a patient's name in clinical lists. */
    public String displayName() {
        return familyName.toUpperCase(java.util.Locale.ROOT) + ", " + givenName;
    }

    static PatientSummary of(PatientId id, Demographics d) {
        return new PatientSummary(id, d.nhsNumber(), d.localHospitalNumber(), d.localNumberIssuerName(),
                d.givenName(), d.familyName(), d.dateOfBirth(), d.sex(), d.version());
    }
}
