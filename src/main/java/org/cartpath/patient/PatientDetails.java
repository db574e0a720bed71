package org.cartpath.patient;

import java.time.LocalDate;

/**
 * Who a patient is, as entered to register them or correct their demographics. At least one identifier
 * is required: the NHS number (England and Wales) or a local hospital number, which belongs to the
 * organisation of whoever enters it (for patients from outside England).
 *
 * @param nhsNumber           as typed; spaces and dashes are allowed
 * @param localHospitalNumber the entering organisation's own number for the patient (e.g. an MRN)
 */
public record PatientDetails(
        String nhsNumber,
        String localHospitalNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Sex sex,
        Address address) {
}
