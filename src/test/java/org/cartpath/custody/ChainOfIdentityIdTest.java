package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Year;
import java.util.List;
import java.util.stream.Stream;
import org.cartpath.custody.isbt128.KeyboardCheckCharacter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ISBT 128 data structure 040 (ICCBBA ST-028): every kind of error, with its exact message. */
class ChainOfIdentityIdTest {

    private static final String VALID = "&/CHG123426A1B2C3";

    @Test
    void readsValidBarCodeData() {
        ChainOfIdentityId coi = ChainOfIdentityId.parse(VALID);
        assertThat(coi.content()).isEqualTo("CHG123426A1B2C3");
        assertThat(coi.fin()).isEqualTo("G1234");
        assertThat(coi.year()).isEqualTo("26");
        assertThat(coi.serial()).isEqualTo("A1B2C3");
        assertThat(coi.barcodeData()).isEqualTo(VALID);
        assertThat(coi.eyeReadable()).isEqualTo("CH G1234 26 A1B2C3");
        assertThat(ChainOfIdentityId.problemsIn(VALID)).isEmpty();
    }

    @Test
    void checkCharacterIsOverTheFifteenCharactersOfContentWithoutTheDataIdentifier() {
        // Recursive method by hand over CHG123426A1B2C3 ends at p = 34, so K = (38 - 34) mod 37 = 4.
        assertThat(ChainOfIdentityId.parse(VALID).checkCharacter()).isEqualTo('4');
        assertThat(KeyboardCheckCharacter.of("CHG123426A1B2C3")).isEqualTo('4');
    }

    static Stream<Arguments> invalidIdentifiers() {
        return Stream.of(
                arguments("", List.of("identifier is empty")),
                arguments(null, List.of("identifier is empty")),
                arguments("=/CHG123426A1B2C3", List.of("wrong data identifier: expected \"&/\", got \"=/\"")),
                arguments("CHG123426A1B2C3", List.of(
                        "wrong data identifier: expected \"&/\", got \"CH\"",
                        "wrong length: expected 17 characters (\"&/\" + 15), got 15")),
                arguments("&", List.of(
                        "wrong data identifier: expected \"&/\", got \"&\"",
                        "wrong length: expected 17 characters (\"&/\" + 15), got 1")),
                arguments("&/CHG123426A1B2C", List.of("wrong length: expected 17 characters (\"&/\" + 15), got 16")),
                arguments("&/CHG123426A1B2C34", List.of("wrong length: expected 17 characters (\"&/\" + 15), got 18")),
                arguments("&/XXG123426A1B2C3", List.of("missing \"CH\" at positions 3-4, got \"XX\"")),
                arguments("&/CHO123426A1B2C3", List.of(
                        "invalid FIN first character 'O' at position 5: expected A-N, P-Z or 1-9")),
                arguments("&/CH0123426A1B2C3", List.of(
                        "invalid FIN first character '0' at position 5: expected A-N, P-Z or 1-9")),
                arguments("&/CH-123426A1B2C3", List.of(
                        "character '-' not allowed at position 5: expected A-N, P-Z or 1-9")),
                arguments("&/CHG12#426A1B2C3", List.of("character '#' not allowed at position 8: expected A-Z or 0-9")),
                arguments("&/CHG12342XA1B2C3", List.of("character 'X' not allowed at position 11: expected 0-9")),
                arguments("&/CHG123426a1B2C3", List.of(
                        "character 'a' not allowed at position 12: expected A-Z or 0-9; letters must be upper case")),
                arguments("&/CHG123426A1B2C\t", List.of(
                        "character U+0009 not allowed at position 17: expected A-Z or 0-9")),
                arguments("&/CHG1234 26A1B2C3", List.of(
                        "wrong length: expected 17 characters (\"&/\" + 15), got 18",
                        "character ' ' not allowed at position 10: expected 0-9")),
                arguments("&/chO12342XA1B2c3 ", List.of(
                        "wrong length: expected 17 characters (\"&/\" + 15), got 18",
                        "missing \"CH\" at positions 3-4, got \"ch\"",
                        "invalid FIN first character 'O' at position 5: expected A-N, P-Z or 1-9",
                        "character 'X' not allowed at position 11: expected 0-9",
                        "character 'c' not allowed at position 16: expected A-Z or 0-9; letters must be upper case")),
                arguments("&/C", List.of(
                        "wrong length: expected 17 characters (\"&/\" + 15), got 3",
                        "missing \"CH\" at positions 3-4, got \"C\"")),
                arguments("&/", List.of("wrong length: expected 17 characters (\"&/\" + 15), got 2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIdentifiers")
    void reportsEveryProblemWithItsExactMessage(String scanned, List<String> expected) {
        assertThat(ChainOfIdentityId.problemsIn(scanned)).containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> ChainOfIdentityId.parse(scanned))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.errors()).containsExactlyElementsOf(expected))
                .hasMessage(String.join("; ", expected));
    }

    @Test
    void lowerCaseIsRefusedNotUpperCased() {
        assertThat(ChainOfIdentityId.problemsIn(VALID.toLowerCase())).contains(
                "missing \"CH\" at positions 3-4, got \"ch\"",
                "character 'g' not allowed at position 5: expected A-N, P-Z or 1-9; letters must be upper case");
    }

    @Test
    void buildsFromItsParts() {
        ChainOfIdentityId coi = ChainOfIdentityId.of("G1234", Year.of(2026), "A1B2C3");
        assertThat(coi).isEqualTo(ChainOfIdentityId.parse(VALID));
        assertThat(ChainOfIdentityId.of("G1234", Year.of(2100), "000001").year()).isEqualTo("00");
    }

    @Test
    void refusesBadPartsListingEachOne() {
        assertThatThrownBy(() -> ChainOfIdentityId.of("O123", null, "a1"))
                .isInstanceOfSatisfying(InvalidIdentifierException.class, e -> assertThat(e.errors()).containsExactly(
                        "wrong FIN length: expected 5 characters, got 4",
                        "invalid FIN first character 'O' at position 1: expected A-N, P-Z or 1-9",
                        "year is missing",
                        "serial must be 6 characters A-Z or 0-9, got \"a1\""));
    }

    @Test
    void theRecordItselfCannotHoldAnInvalidIdentifier() {
        assertThatThrownBy(() -> new ChainOfIdentityId("CHO123426A1B2C3")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> new ChainOfIdentityId(null)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("identifier is empty");
    }
}
