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
            "CHG123426A1B2C35     | check-character-mismatch | check character does not match: re-scan",
            "G123426000042Q       | check-character-mismatch | check character does not match: re-scan",
            "PT-N-9434765918-20160314 | unreadable-identifier | NHS number is not valid",
            "PT-N-943476591-20160314  | unreadable-identifier | NHS number must be 10 digits",
            "PT-N-9434765919-20160230 | unreadable-identifier | not a real date",
            "PT-N-9434765919          | unreadable-identifier | date of birth is missing",
            "PT-X-9434765919-20160314 | unreadable-identifier | N- (NHS number) or H- (hospital number)",
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

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"CHG123426A1B2C35", "G123426000042Q", "G123426000042*"})
    void aMistypedCheckCharacterNeverTellsWhichCharacterWasExpected(String keyed) {
        ScannedIdentifier.Unreadable read = (ScannedIdentifier.Unreadable) ScannedIdentifier.read(keyed);
        String said = String.join("; ", read.problems());
        // CHG123426A1B2C3 has check character 4 and G123426000042 has N
        assertThat(said).doesNotContain("expected").doesNotContain(" 4").doesNotContain(" N")
                .contains("re-scan", "re-key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PT-N-9434765919-20160314  | 9434765919 |         | 2016-03-14",
            "PT-H-RJ 123/45-20160314   |            | RJ 123/45 | 2016-03-14"})
    void readsAPatientsWristbandWithItsIdentifiersNeverAsACoiOrDin(String text, String nhsNumber, String hospitalNumber,
            String born) {
        ScannedIdentifier read = ScannedIdentifier.read(text.strip());
        assertThat(read).isInstanceOfSatisfying(ScannedIdentifier.Wristband.class, w -> {
            assertThat(w.code().nhsNumber() == null ? null : w.code().nhsNumber().value()).isEqualTo(nhsNumber);
            assertThat(w.code().hospitalNumber()).isEqualTo(hospitalNumber);
            assertThat(w.code().dateOfBirth()).isEqualTo(java.time.LocalDate.parse(born));
            assertThat(w.code().barcodeData()).isEqualTo(text.strip());
        });
        assertThat(read.describe()).isEqualTo("a patient's wristband");
        assertThat(ChainOfIdentityId.problemsIn(text.strip())).isNotEmpty();
        assertThat(Din.problemsIn(text.strip())).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"''", "' &/CHG123426A1B2C3'"})
    void nothingIsTrimmed(String text) {
        assertThat(ScannedIdentifier.read(text)).isInstanceOf(ScannedIdentifier.Unreadable.class);
    }
}
