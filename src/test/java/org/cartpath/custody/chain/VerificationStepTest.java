package org.cartpath.custody.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerificationStepTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COLLECTION        | apheresis nurse, cell-therapy laboratory",
            "RECEIPT_AT_CENTRE | cell-therapy laboratory, pharmacist",
            "BEDSIDE           | consultant, ward nurse"})
    void eachCheckNamesTheRolesThatMayWitnessItInWords(VerificationStep step, String words) {
        assertThat(step.rolesInWords()).isEqualTo(words);
    }
}
