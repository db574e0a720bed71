package org.cartpath.custody.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.custody.PatientWristbandCode;
import org.cartpath.patient.NhsNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scan against what a step expects (ADR 0016): the expected identifier matches; this case's other symbol is only
 * the wrong symbol; anything that is not this case's, whatever the symbol, is a hard stop. The wristband prompt wants
 * the patient's own wristband (ADR 0006): any COI or DIN there, this case's included, is a hard stop, as is another
 * patient's wristband; a wristband where a label of the cells is asked for is the wrong symbol and passes nothing.
 */
class ScanComparisonTest {

    static final ChainOfIdentityId COI = ChainOfIdentityId.parse("&/CHG123426A1B2C3");
    static final ChainOfIdentityId OTHER_COI = ChainOfIdentityId.parse("&/CHG123426ZZZZZZ");
    static final Din DIN = Din.parse("G123426000042");
    static final Din SECOND_DIN = Din.parse("G123426000043");
    static final Din OTHER_DIN = Din.parse("G123426000099");
    static final NhsNumber NHS_NUMBER = new NhsNumber("9434765919");
    static final NhsNumber OTHER_NHS_NUMBER = new NhsNumber("9434765870");
    static final LocalDate BORN = LocalDate.of(2016, 3, 14);
    static final String WRISTBAND = PatientWristbandCode.of(NHS_NUMBER, BORN).barcodeData();

    private final ScanComparison comparison = new ScanComparison(COI, DIN, Set.of(DIN, SECOND_DIN),
            new ScanComparison.PatientOnRecord(NHS_NUMBER, "RJ12345", BORN));

    @ParameterizedTest(name = "{0} scanned {1}: {2}")
    @CsvSource({
            "PATIENT_WRISTBAND, WRISTBAND,              MATCH",
            "PATIENT_WRISTBAND, HOSPITAL_WRISTBAND,     MATCH",
            "PATIENT_WRISTBAND, COI,                    MISMATCH",
            "PATIENT_WRISTBAND, DIN,                    MISMATCH",
            "PATIENT_WRISTBAND, OTHER_COI,              MISMATCH",
            "PATIENT_WRISTBAND, OTHER_DIN,              MISMATCH",
            "PATIENT_WRISTBAND, OTHER_PATIENT,          MISMATCH",
            "PATIENT_WRISTBAND, OTHER_BIRTH_DATE,       MISMATCH",
            "PATIENT_WRISTBAND, OTHER_HOSPITAL_NUMBER,  MISMATCH",
            "PATIENT_WRISTBAND, MISTYPED_WRISTBAND,     UNREADABLE",
            "PATIENT_WRISTBAND, JUNK,                   UNREADABLE",
            "BAG_COI,           WRISTBAND,              WRONG_SYMBOL",
            "BAG_COI,           OTHER_PATIENT,          WRONG_SYMBOL",
            "BAG_DIN,           WRISTBAND,              WRONG_SYMBOL",
            "PRODUCT_COI,       WRISTBAND,              WRONG_SYMBOL",
            "SHIPPER_COI,       WRISTBAND,              WRONG_SYMBOL",
            "PRODUCT_COI,       COI,                    MATCH",
            "BAG_COI,           DIN,                    WRONG_SYMBOL",
            "BAG_COI,           SECOND_DIN,             WRONG_SYMBOL",
            "BAG_COI,           OTHER_DIN,              MISMATCH",
            "BAG_DIN,           DIN,                    MATCH",
            "BAG_DIN,           SECOND_DIN,             MISMATCH",
            "BAG_DIN,           OTHER_DIN,              MISMATCH",
            "BAG_DIN,           COI,                    WRONG_SYMBOL",
            "BAG_DIN,           OTHER_COI,              MISMATCH",
            "PRODUCT_COI,       OTHER_COI,              MISMATCH",
            "PRODUCT_COI,       MISTYPED_COI,           UNREADABLE",
            "PRODUCT_COI,       JUNK,                   UNREADABLE"})
    void comparesWithWhatTheStepExpects(ScanPrompt prompt, String scanned, ScanOutcome outcome) {
        ScanComparison.Result result = comparison.compare(prompt, ScannedIdentifier.read(text(scanned)));
        assertThat(result.outcome()).isEqualTo(outcome);
        if (outcome == ScanOutcome.MATCH) {
            assertThat(result.detail()).isNull();
        } else {
            // no answer ever tells what the right check character is
            assertThat(result.detail()).doesNotContain("expected " + COI.checkCharacter())
                    .doesNotContainIgnoringCase("expected 4");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"COI", "DIN", "OTHER_COI", "OTHER_DIN"})
    void aProductOrBagLabelWhereTheWristbandIsAskedForIsAHardStopThatSaysSo(String scanned) {
        ScanComparison.Result result = comparison.compare(ScanPrompt.PATIENT_WRISTBAND, ScannedIdentifier.read(text(scanned)));
        assertThat(result.outcome()).isEqualTo(ScanOutcome.MISMATCH);
        assertThat(result.detail()).isEqualTo("That is a product/bag label, not the patient's wristband: scan the"
                + " wristband on the patient");
        assertThat(result.expected()).isEqualTo("the wristband of this case's patient");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"OTHER_PATIENT", "OTHER_BIRTH_DATE"})
    void anotherPatientsWristbandIsAHardStopThatNamesNeitherPatient(String scanned) {
        ScanComparison.Result result = comparison.compare(ScanPrompt.PATIENT_WRISTBAND, ScannedIdentifier.read(text(scanned)));
        assertThat(result.outcome()).isEqualTo(ScanOutcome.MISMATCH);
        assertThat(result.detail()).startsWith("That wristband is not this patient's")
                .doesNotContain(OTHER_NHS_NUMBER.value()).doesNotContain(NHS_NUMBER.value())
                .doesNotContain("2016").doesNotContain("2011");
        assertThat(result.expected()).doesNotContain(NHS_NUMBER.value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MISTYPED_COI", "MISTYPED_DIN"})
    void aMistypedCheckCharacterIsUnreadableAndNeverRevealsTheExpectedOne(String scanned) {
        ScanComparison.Result result = comparison.compare(ScanPrompt.BAG_COI, ScannedIdentifier.read(text(scanned)));
        assertThat(result.outcome()).isEqualTo(ScanOutcome.UNREADABLE);
        assertThat(result.detail()).isEqualTo("check character does not match: re-scan the bar code, or re-key the"
                + " identifier and its check character from the label");
    }

    private static String text(String scanned) {
        return switch (scanned) {
            case "WRISTBAND" -> WRISTBAND;
            case "HOSPITAL_WRISTBAND" -> PatientWristbandCode.ofHospitalNumber("RJ12345", BORN).barcodeData();
            case "OTHER_PATIENT" -> PatientWristbandCode.of(OTHER_NHS_NUMBER, LocalDate.of(2011, 1, 2)).barcodeData();
            case "OTHER_BIRTH_DATE" -> PatientWristbandCode.of(NHS_NUMBER, BORN.plusDays(1)).barcodeData();
            case "OTHER_HOSPITAL_NUMBER" -> PatientWristbandCode.ofHospitalNumber("RJ54321", BORN).barcodeData();
            // the last digit changed: the NHS number's Modulus 11 check fails
            case "MISTYPED_WRISTBAND" -> "PT-N-9434765918-20160314";
            case "COI" -> COI.barcodeData();
            case "OTHER_COI" -> OTHER_COI.barcodeData();
            // COI CHG123426A1B2C3 has check character 4, DIN G123426000042 has N (LabelRendererTest)
            case "MISTYPED_COI" -> "CHG123426A1B2C35";
            case "MISTYPED_DIN" -> "G123426000042Q";
            case "DIN" -> DIN.barcodeData();
            case "SECOND_DIN" -> SECOND_DIN.barcodeData();
            case "OTHER_DIN" -> OTHER_DIN.barcodeData();
            default -> "JUNK";
        };
    }
}
