package org.cartpath.patient;

import java.time.Instant;
import java.time.LocalDate;
import org.cartpath.shared.OrganisationId;

/**
 * One version of a patient's demographics. Versions are never changed: a correction is the next version,
 * so the history of who changed what, and when, is kept.
 *
 * @param localNumberIssuer the organisation whose local hospital number this is
 */
public record Demographics(
        int version,
        NhsNumber nhsNumber,
        String localHospitalNumber,
        OrganisationId localNumberIssuer,
        String localNumberIssuerName,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Sex sex,
        Address address,
        Instant changedAt,
        String changedBy,
        String changedByOrganisation,
        String reason) {

    /** "FAMILY, Given", the NHS convention for a patient's name in clinical lists. */
    public String displayName() {
        return familyName.toUpperCase(java.util.Locale.ROOT) + ", " + givenName;
    }
}
