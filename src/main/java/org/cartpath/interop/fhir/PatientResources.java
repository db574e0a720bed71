package org.cartpath.interop.fhir;

import java.util.Date;
import org.cartpath.patient.Address;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.Sex;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** A patient's current demographics as a FHIR {@code Patient}; only for an actor who sees the patient in full. */
final class PatientResources {

    private PatientResources() {
    }

    static Patient toFhir(PatientRecord record) {
        Demographics d = record.demographics();
        Patient patient = new Patient();
        patient.setId(record.id().toString());
        patient.getMeta().setVersionId(Integer.toString(d.version()));
        patient.getMeta().setLastUpdated(Date.from(d.changedAt()));
        if (d.nhsNumber() != null) {
            patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(FhirCodes.NHS_NUMBER)
                    .setValue(d.nhsNumber().value());
        }
        if (d.localHospitalNumber() != null) {
            Identifier local = patient.addIdentifier().setUse(Identifier.IdentifierUse.USUAL)
                    .setValue(d.localHospitalNumber());
            local.getType().setText("Local hospital number");
            if (d.localNumberIssuerName() != null) {
                local.getAssigner().setDisplay(d.localNumberIssuerName());
            }
        }
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(d.familyName()).addGiven(d.givenName());
        patient.setGender(gender(d.sex()));
        patient.setBirthDateElement(new DateType(d.dateOfBirth().toString()));
        Address address = d.address();
        if (address != null && !address.empty()) {
            org.hl7.fhir.r4.model.Address home = patient.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME);
            if (address.line1() != null) {
                home.addLine(address.line1());
            }
            if (address.line2() != null) {
                home.addLine(address.line2());
            }
            home.setCity(address.town()).setPostalCode(address.postcode());
        }
        return patient;
    }

    /** NHS Data Dictionary "Person Phenotypic Sex" to FHIR administrative gender (the closest of its four codes). */
    static AdministrativeGender gender(Sex sex) {
        if (sex == null) {
            return AdministrativeGender.UNKNOWN;
        }
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case INDETERMINATE -> AdministrativeGender.OTHER;
            case NOT_KNOWN -> AdministrativeGender.UNKNOWN;
        };
    }
}
