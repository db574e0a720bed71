package org.cartpath.custody.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wristband's keyed identity: the NHS number by the patient module's rule, a printable name, a real birth date. */
class WristbandIdentityCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "9434765919, true",   // the NHS Digital example
            "9434765918, false",  // last digit off by one
            "9074833780, true",   // remainder 0: 11 - 0 = 11, read as check digit 0
            "1234567890, false",  // check digit would be 10: never issued
            "943476591,  false",
            "943476591A, false"})
    void usesThePatientModulesNhsNumberRule(String number, boolean valid) {
        if (valid) {
            assertThat(WristbandIdentityCheck.check("SMITH, Jane", number.strip(), LocalDate.of(2016, 3, 14), TODAY)
                    .nhsNumber()).isEqualTo(number.strip());
        } else {
            assertThatThrownBy(() -> WristbandIdentityCheck.check("SMITH, Jane", number.strip(), LocalDate.of(2016, 3, 14),
                    TODAY)).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems())
                    .extracting(ProblemException.FieldProblem::field).containsExactly("nhsNumber"));
        }
    }

    @Test
    void keepsTheNameTrimmedAndTheNumberWithoutSpaces() {
        PatientIdentity identity = WristbandIdentityCheck.check("  SMITH, Jane ", "943 476 5919", LocalDate.of(2016, 3, 14), TODAY);
        assertThat(identity.name()).isEqualTo("SMITH, Jane");
        assertThat(identity.nhsNumber()).isEqualTo("9434765919");
    }

    @Test
    void aPatientWithoutAnNhsNumberIsIdentifiedByTheirHospitalNumber() {
        PatientIdentity identity = WristbandIdentityCheck.check("SMITH, Jane", " ", " RJ 123/45 ", LocalDate.of(2016, 3, 14),
                TODAY);
        assertThat(identity.nhsNumber()).isNull();
        assertThat(identity.hospitalNumber()).isEqualTo("RJ 123/45");
        assertThat(identity.wristbandCode().barcodeData()).isEqualTo("PT-H-RJ 123/45-20160314");
        assertThatThrownBy(() -> WristbandIdentityCheck.check("SMITH, Jane", null, "RJ_1", LocalDate.of(2016, 3, 14), TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems())
                        .extracting(ProblemException.FieldProblem::field).containsExactly("hospitalNumber"));
        // an NHS number, when given, is what the wristband carries, and it must be valid
        assertThat(WristbandIdentityCheck.check("SMITH, Jane", "9434765919", "RJ1", LocalDate.of(2016, 3, 14), TODAY)
                .wristbandCode().barcodeData()).isEqualTo("PT-N-9434765919-20160314");
    }

    @Test
    void namesEveryFieldAtFault() {
        assertThatThrownBy(() -> WristbandIdentityCheck.check("ŁUKASZ, Jan", "123", TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems())
                        .extracting(ProblemException.FieldProblem::field)
                        .containsExactly("patientName", "nhsNumber", "dateOfBirth"));
        assertThatThrownBy(() -> WristbandIdentityCheck.check(" ", null, null, TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems()).hasSize(3));
    }
}
