package org.cartpath.patient.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cartpath.patient.Address;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Demographics: an identifier is required, the NHS number is checked, and the date of birth is sane. */
class PatientDetailsRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final PatientDetails VALID = new PatientDetails("943 476 5919", null, "Amira", "Khan",
            LocalDate.of(2015, 3, 2), Sex.FEMALE, new Address("1 Park Row", null, "Leeds", "LS1 5AB"));

    static Map<String, String> problems(PatientDetails details) {
        return PatientDetailsRules.problemsIn(PatientDetailsRules.normalise(details), TODAY).stream()
                .collect(Collectors.toMap(p -> p.field(), p -> p.message()));
    }

    static PatientDetails nhs(String nhsNumber, String local) {
        return new PatientDetails(nhsNumber, local, VALID.givenName(), VALID.familyName(), VALID.dateOfBirth(),
                VALID.sex(), VALID.address());
    }

    static PatientDetails born(LocalDate date) {
        return new PatientDetails(VALID.nhsNumber(), null, VALID.givenName(), VALID.familyName(), date, VALID.sex(),
                VALID.address());
    }

    @Test
    void acceptsAPatientWithAnNhsNumber() {
        assertThat(problems(VALID)).isEmpty();
    }

    static Stream<Arguments> acceptable() {
        return Stream.of(
                arguments(nhs(null, "MRN-00123")),
                arguments(nhs("", "A1/2 3")),
                arguments(nhs("4010232137", "MRN1")),
                arguments(born(TODAY)),
                arguments(born(LocalDate.of(1900, 1, 1))),
                arguments(new PatientDetails("9434765919", null, "Ola", "N", VALID.dateOfBirth(), Sex.NOT_KNOWN, null)));
    }

    @ParameterizedTest
    @MethodSource("acceptable")
    void acceptsOtherValidDetails(PatientDetails details) {
        assertThat(problems(details)).isEmpty();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(nhs(null, null), Map.of("nhsNumber", "is required unless a local hospital number is given")),
                arguments(nhs("  ", " "), Map.of("nhsNumber", "is required unless a local hospital number is given")),
                arguments(nhs("9434765918", null), Map.of("nhsNumber",
                        "is not valid: the check digit does not match, so a digit may be mistyped")),
                arguments(nhs("1111111111", "MRN1"), Map.of("nhsNumber",
                        "must not be the same digit ten times: such numbers are never issued")),
                arguments(nhs(null, "MRN#1"), Map.of("localHospitalNumber",
                        "must be 1 to 30 letters, digits, spaces, '-' or '/'")),
                arguments(nhs(null, "M".repeat(31)), Map.of("localHospitalNumber",
                        "must be 1 to 30 letters, digits, spaces, '-' or '/'")),
                arguments(born(TODAY.plusDays(1)), Map.of("dateOfBirth", "must not be in the future")),
                arguments(born(LocalDate.of(1899, 12, 31)), Map.of("dateOfBirth", "must be in 1900 or later")),
                arguments(born(null), Map.of("dateOfBirth", "is required")),
                arguments(new PatientDetails("9434765919", null, " ", null, VALID.dateOfBirth(), null, null), Map.of(
                        "givenName", "is required", "familyName", "is required", "sex", "is required")),
                arguments(new PatientDetails("9434765919", null, "G".repeat(101), "Khan", VALID.dateOfBirth(), Sex.MALE,
                        new Address("x".repeat(201), null, null, "P".repeat(17))), Map.of(
                        "givenName", "must be 100 characters or fewer",
                        "address.line1", "must be 200 characters or fewer",
                        "address.postcode", "must be 16 characters or fewer")));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesEachProblemWithAnExactMessage(PatientDetails details, Map<String, String> expected) {
        assertThat(problems(details)).isEqualTo(expected);
    }

    @Test
    void normalisingTrimsAndTurnsBlanksIntoNothing() {
        PatientDetails normalised = PatientDetailsRules.normalise(new PatientDetails(" 943 476 5919 ", "  ", " Amira ",
                "Khan", VALID.dateOfBirth(), Sex.FEMALE, null));
        assertThat(normalised.nhsNumber()).isEqualTo("943 476 5919");
        assertThat(normalised.localHospitalNumber()).isNull();
        assertThat(normalised.givenName()).isEqualTo("Amira");
        assertThat(normalised.address()).isEqualTo(Address.NONE);
    }
}
