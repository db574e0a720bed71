package org.cartpath.custody.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a scan or keyed entry reads as, exactly as received (ADR 0006): bar-code data from a scanner, or the
 * identifier keyed without spaces and followed by its check character (COI CHG123426A1B2C3 has check character
 * 4, DIN G123426000042 has N; see LabelRendererTest).
 */
class ScannedIdentifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "&/CHG123426A1B2C3    | COI CH G1234 26 A1B2C3",
            "CHG123426A1B2C34     | COI CH G1234 26 A1B2C3",
            "=G12342600004200     | DIN G1234 26 000042",
            "G123426000042N       | DIN G1234 26 000042"})
    void readsScannedAndKeyedIdentifiers(String text, String described) {
        ScannedIdentifier read = ScannedIdentifier.read(text.trim());
        assertThat(read.describe()).isEqualTo(described);
        if (read instanceof ScannedIdentifier.Coi coi) {
            assertThat(coi.coi()).isEqualTo(ChainOfIdentityId.parse("&/CHG123426A1B2C3"));
        } else {
            assertThat(((ScannedIdentifier.DinRead) read).din()).isEqualTo(Din.parse("G123426000042"));
        }
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CHG123426A1B2C35     | check-character-mismatch | check character mismatch: expected 4, got 5",
            "G123426000042Q       | check-character-mismatch | check character mismatch: expected N, got Q",
            "CHG123426A1B2C3      | unreadable-identifier    | needs the check character",
            "G123426000042        | unreadable-identifier    | needs the check character",
            "&/chg123426a1b2c3    | unreadable-identifier    | letters must be upper case",
            "&/CHG123426A1B2C     | unreadable-identifier    | wrong length",
            "=G12342600004299     | unreadable-identifier    | flag characters",
            "CH G1234 26 A1B2C3 4 | unreadable-identifier    | without spaces",
            "9434765919           | unreadable-identifier    | not a COI",
            "hello                | unreadable-identifier    | letters must be upper case"})
    void refusesWhatIsNotACoiOrDinNamingWhy(String text, String type, String problem) {
        ScannedIdentifier read = ScannedIdentifier.read(text.strip());
        assertThat(read).isInstanceOfSatisfying(ScannedIdentifier.Unreadable.class, u -> {
            assertThat(u.problemType()).isEqualTo(type);
            assertThat(String.join("; ", u.problems())).contains(problem);
        });
    }

    @ParameterizedTest
    @CsvSource({"''", "' &/CHG123426A1B2C3'"})
    void nothingIsTrimmed(String text) {
        assertThat(ScannedIdentifier.read(text)).isInstanceOf(ScannedIdentifier.Unreadable.class);
    }
}
