package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cartpath.patient.Address;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientDetails;

/**
 * What an A08/A31 would change in cartpath's demographics of the patient its NHS number matched, or why it must not be
 * applied by itself. Plain Java: the patient module checks and stores the change.
 *
 * <p>Rules (ADR 0024, "ADT"; docs/safety/hazard-log.md H-24): the NHS number and the local hospital number are never
 * changed by a message; an empty field changes nothing and {@code ""} clears only the address (HL7 v2.5.1 chapter
 * 2.5.3), never a name or the date of birth; a message whose family name <em>and</em> date of birth both differ from
 * cartpath's record is not applied, since it more likely describes another person under a wrong NHS number than one
 * patient whose name and birth date were both corrected at once.
 */
record DemographicsUpdate(PatientDetails details, List<String> changed, ErrorCode errorCode, String problem) {

    static final String NAME = "name";
    static final String DATE_OF_BIRTH = "dateOfBirth";
    static final String SEX = "sex";
    static final String ADDRESS = "address";

    boolean applicable() {
        return problem == null;
    }

    /** Whether the change touches what printed labels and wristbands say: the name or the date of birth. */
    boolean changesIdentity() {
        return changed.contains(NAME) || changed.contains(DATE_OF_BIRTH);
    }

    static DemographicsUpdate of(Demographics current, AdtMessage message) {
        if ("\"\"".equals(message.familyName()) || "\"\"".equals(message.givenName())) {
            return refused(ErrorCode.REQUIRED_FIELD_MISSING, "PID-5 cannot delete the patient's name");
        }
        boolean familyDiffers = message.familyName() != null
                && !message.familyName().equalsIgnoreCase(current.familyName());
        boolean birthDiffers = message.dateOfBirth() != null && !message.dateOfBirth().equals(current.dateOfBirth());
        if (familyDiffers && birthDiffers) {
            return refused(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "PID-5 family name and PID-7 date of birth both differ"
                    + " from cartpath's record of NHS number " + current.nhsNumber().value()
                    + "; it may be another person, so nothing is changed");
        }
        // a name differing only in case (PAS systems often send the family name in capitals) is not a change
        String family = message.familyName() != null && familyDiffers ? message.familyName() : current.familyName();
        String given = message.givenName() != null && !message.givenName().equalsIgnoreCase(current.givenName())
                ? message.givenName() : current.givenName();
        PatientDetails details = new PatientDetails(current.nhsNumber().value(), current.localHospitalNumber(), given,
                family, message.dateOfBirth() != null ? message.dateOfBirth() : current.dateOfBirth(),
                message.sex() != null ? message.sex() : current.sex(),
                message.address() != null ? message.address() : orNone(current.address()));
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(family, current.familyName()) || !Objects.equals(given, current.givenName())) {
            changed.add(NAME);
        }
        if (!details.dateOfBirth().equals(current.dateOfBirth())) {
            changed.add(DATE_OF_BIRTH);
        }
        if (details.sex() != current.sex()) {
            changed.add(SEX);
        }
        if (!normalised(details.address()).equals(normalised(current.address()))) {
            changed.add(ADDRESS);
        }
        return new DemographicsUpdate(details, List.copyOf(changed), null, null);
    }

    private static DemographicsUpdate refused(ErrorCode code, String problem) {
        return new DemographicsUpdate(null, List.of(), code, problem);
    }

    private static Address orNone(Address address) {
        return address == null ? Address.NONE : address;
    }

    /** Addresses compare as the patient module keeps them: trimmed, blanks as absent. */
    private static List<String> normalised(Address address) {
        Address a = orNone(address);
        return java.util.Arrays.asList(blank(a.line1()), blank(a.line2()), blank(a.town()),
                blank(a.postcode()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
