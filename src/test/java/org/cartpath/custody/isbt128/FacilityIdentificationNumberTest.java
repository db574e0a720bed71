package org.cartpath.custody.isbt128;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The FIN: five characters, the first A-N, P-Z or 1-9, the rest A-Z or 0-9 (ICCBBA ST-001; docs/clinical/isbt128.md). */
class FacilityIdentificationNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"G1234", "A0000", "N9999", "P0000", "Z9ZZZ", "1ABCD", "9O0O0"})
    void accepts(String fin) {
        assertThat(FacilityIdentificationNumber.problemsIn(fin)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL   | FIN is empty",
            "''     | FIN is empty",
            "O1234  | invalid FIN first character 'O' at position 1: expected A-N, P-Z or 1-9",
            "01234  | invalid FIN first character '0' at position 1: expected A-N, P-Z or 1-9",
            "g1234  | character 'g' not allowed at position 1: expected A-N, P-Z or 1-9; letters must be upper case",
            "G12-4  | character '-' not allowed at position 4: expected A-Z or 0-9",
            "G123   | wrong FIN length: expected 5 characters, got 4",
            "G12345 | wrong FIN length: expected 5 characters, got 6",
    })
    void refuses(String fin, String expected) {
        assertThat(FacilityIdentificationNumber.problemsIn(fin)).containsExactly(expected);
    }
}
