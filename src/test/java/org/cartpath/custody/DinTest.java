package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Year;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ISBT 128 data structure 001 (ICCBBA ST-001): both forms, the supported flags, every error message. */
class DinTest {

    @Test
    void readsTheThirteenCharactersKeyedIn() {
        Din din = Din.parse("G123426000001");
        assertThat(din.value()).isEqualTo("G123426000001");
        assertThat(din.fin()).isEqualTo("G1234");
        assertThat(din.year()).isEqualTo("26");
        assertThat(din.sequence()).isEqualTo("000001");
        assertThat(din.eyeReadable()).isEqualTo("G1234 26 000001");
        assertThat(din.barcodeData()).isEqualTo("=G12342600000100");
    }

    @Test
    void readsBarCodeDataWithFlagsNotUsed() {
        assertThat(Din.parse("=G12342600000100")).isEqualTo(Din.parse("G123426000001"));
    }

    @Test
    void readsBarCodeDataWhoseFlagsCarryTheCheckValue() {
        // UK Red Book, annex 2, table A2.2: G123 498 654 321 has check value 17, flags 77, check character H.
        Din din = Din.parse("=G12349865432177");
        assertThat(din.value()).isEqualTo("G123498654321");
        assertThat(din.checkCharacter()).isEqualTo('H');
    }

    static Stream<Arguments> invalidDins() {
        return Stream.of(
                arguments("", List.of("identifier is empty")),
                arguments(null, List.of("identifier is empty")),
                arguments("G12342600000", List.of(
                        "wrong length: expected 13 characters, or 16 starting with \"=\", got 12")),
                arguments("=G123426000001", List.of(
                        "wrong length: expected 16 characters (\"=\" + 13 + 2 flag characters), got 14")),
                arguments("O123426000001", List.of(
                        "invalid FIN first character 'O' at position 1: expected A-N, P-Z or 1-9")),
                arguments("=012342600000100", List.of(
                        "invalid FIN first character '0' at position 2: expected A-N, P-Z or 1-9")),
                arguments("g123426000001", List.of(
                        "character 'g' not allowed at position 1: expected A-N, P-Z or 1-9; letters must be upper case")),
                arguments("G1234260000A1", List.of("character 'A' not allowed at position 12: expected 0-9")),
                arguments("G12_426000001", List.of("character '_' not allowed at position 4: expected A-Z or 0-9")),
                arguments("=G12342600000112", List.of(
                        "flag characters \"12\" not supported: expected \"00\" or the check value + 60 (60-96)")),
                arguments("=G12349865432176", List.of(
                        "flag characters \"76\" do not match the DIN's check value: re-scan the bar code")),
                arguments("=G1234260000010A", List.of("character 'A' not allowed at position 16: expected 0-9")),
                // Flags in the check-value range are compared only once the DIN itself is valid.
                arguments("=G12342600000X77", List.of("character 'X' not allowed at position 14: expected 0-9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDins")
    void reportsEveryProblemWithItsExactMessage(String scanned, List<String> expected) {
        assertThat(Din.problemsIn(scanned)).containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> Din.parse(scanned))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.errors()).containsExactlyElementsOf(expected));
    }

    @Test
    void buildsFromItsParts() {
        assertThat(Din.of("G1234", Year.of(2026), 1)).isEqualTo(Din.parse("G123426000001"));
        assertThat(Din.of("1ABCD", Year.of(2031), 999_999).value()).isEqualTo("1ABCD31999999");
    }

    @Test
    void refusesBadPartsListingEachOne() {
        assertThatThrownBy(() -> Din.of("01234", Year.of(2026), 1_000_000))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.errors()).containsExactly(
                        "invalid FIN first character '0' at position 1: expected A-N, P-Z or 1-9",
                        "sequence must be 0 to 999999, got 1000000"));
        assertThatThrownBy(() -> Din.of("G1234", Year.of(2026), -1)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("sequence must be 0 to 999999, got -1");
    }

    @Test
    void theRecordHoldsTheThirteenCharactersOnly() {
        assertThatThrownBy(() -> new Din("=G12342600000100")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("a DIN's value is its 13 characters, without the data identifier \"=\"");
    }
}
