package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientSummary;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.springframework.stereotype.Component;

/**
 * Finds the one patient a message is about, and the one open case at the centre its results belong to. Only the NHS
 * number identifies the patient (NHS Data Dictionary: the NHS number is the national unique identifier; its Modulus 11
 * check is {@link NhsNumber}); a date of birth in the message must agree with cartpath's, and a patient with no open
 * case, or more than one, at the centre is not guessed at (docs/safety/hazard-log.md, wrong-patient filing).
 */
@Component
class PatientMatching {

    private final PatientManagement patients;
    private final CaseJourney journey;

    PatientMatching(PatientManagement patients, CaseJourney journey) {
        this.patients = patients;
        this.journey = journey;
    }

    record Match(UUID patientId, UUID caseId, ErrorCode errorCode, String problem) {
        boolean matched() {
            return problem == null;
        }

        static Match failed(ErrorCode code, String problem) {
            return new Match(null, null, code, problem);
        }
    }

    /** The patient an NHS number names, as the centre sees them, with their open cases treated there; or why not. */
    record Known(PatientSummary patient, List<TherapyCase> openCases, ErrorCode errorCode, String problem) {
        boolean found() {
            return problem == null;
        }

        static Known failed(ErrorCode code, String problem) {
            return new Known(null, List.of(), code, problem);
        }
    }

    /**
     * The patient with an NHS number as a message gives it (PID-3), seen by {@code actor} (the centre's interface): one
     * the centre sees, never a new one; the patient's open cases at the centre, however many.
     */
    Known known(Actor actor, String nhsNumberText) {
        if (nhsNumberText == null) {
            return Known.failed(ErrorCode.REQUIRED_FIELD_MISSING,
                    "PID-3 has no NHS number (an identifier with assigning authority NHS)");
        }
        Optional<String> invalid = NhsNumber.problemIn(nhsNumberText);
        if (invalid.isPresent()) {
            return Known.failed(ErrorCode.DATA_TYPE_ERROR, "PID-3 NHS number " + nhsNumberText + " "
                    + invalid.get());
        }
        NhsNumber number = NhsNumber.parse(nhsNumberText);
        if (!patients.maySearch(actor)) {
            return Known.failed(ErrorCode.APPLICATION_INTERNAL_ERROR, "cartpath may not search this centre's patients");
        }
        List<PatientSummary> found = patients.search(actor, number.value(), null, new Page.Request(0, 2)).items();
        if (found.isEmpty()) {
            return Known.failed(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "No patient with NHS number " + number.value()
                    + " is known at this centre");
        }
        PatientSummary patient = found.get(0);
        List<TherapyCase> open = journey.casesOfPatient(actor, patient.id().value()).stream()
                .filter(TherapyCase::isOpen)
                .filter(c -> c.treatedBy(actor))
                .toList();
        return new Known(patient, open, null, null);
    }

    /**
     * The match for an NHS number as a message gives it, seen by {@code actor} (the centre's interface or its
     * coordinator): the patient must be one the centre sees and have exactly one open case treated there.
     */
    Match match(Actor actor, String nhsNumberText, LocalDate dateOfBirth) {
        Known known = known(actor, nhsNumberText);
        if (!known.found()) {
            return Match.failed(known.errorCode(), known.problem());
        }
        PatientSummary patient = known.patient();
        NhsNumber number = patient.nhsNumber();
        if (dateOfBirth != null && !dateOfBirth.equals(patient.dateOfBirth())) {
            return Match.failed(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "PID-7 date of birth " + dateOfBirth
                    + " differs from cartpath's record of NHS number " + number.value());
        }
        List<TherapyCase> open = known.openCases();
        if (open.isEmpty()) {
            return Match.failed(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "The patient with NHS number " + number.value()
                    + " has no open case at this centre");
        }
        if (open.size() > 1) {
            return Match.failed(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "The patient with NHS number " + number.value()
                    + " has " + open.size() + " open cases at this centre");
        }
        return new Match(patient.id().value(), open.get(0).id().value(), null, null);
    }
}
