package org.cartpath.custody.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scan against what a step expects: the expected identifier matches; this case's other symbol is only the
 * wrong symbol; anything that is not this case's, whatever the symbol, is a hard stop (DOMAIN.md 8).
 */
class ScanComparisonTest {

    static final ChainOfIdentityId COI = ChainOfIdentityId.parse("&/CHG123426A1B2C3");
    static final ChainOfIdentityId OTHER_COI = ChainOfIdentityId.parse("&/CHG123426ZZZZZZ");
    static final Din DIN = Din.parse("G123426000042");
    static final Din SECOND_DIN = Din.parse("G123426000043");
    static final Din OTHER_DIN = Din.parse("G123426000099");

    private final ScanComparison comparison = new ScanComparison(COI, DIN, Set.of(DIN, SECOND_DIN));

    @ParameterizedTest(name = "{0} scanned {1}: {2}")
    @CsvSource({
            "PATIENT_WRISTBAND, COI,        MATCH",
            "PATIENT_WRISTBAND, OTHER_COI,  MISMATCH",
            "BAG_COI,           DIN,        WRONG_SYMBOL",
            "BAG_COI,           SECOND_DIN, WRONG_SYMBOL",
            "BAG_COI,           OTHER_DIN,  MISMATCH",
            "BAG_DIN,           DIN,        MATCH",
            "BAG_DIN,           SECOND_DIN, MISMATCH",
            "BAG_DIN,           OTHER_DIN,  MISMATCH",
            "BAG_DIN,           COI,        WRONG_SYMBOL",
            "BAG_DIN,           OTHER_COI,  MISMATCH",
            "PRODUCT_COI,       JUNK,       UNREADABLE"})
    void comparesWithWhatTheStepExpects(ScanPrompt prompt, String scanned, ScanOutcome outcome) {
        String text = switch (scanned) {
            case "COI" -> COI.barcodeData();
            case "OTHER_COI" -> OTHER_COI.barcodeData();
            case "DIN" -> DIN.barcodeData();
            case "SECOND_DIN" -> SECOND_DIN.barcodeData();
            case "OTHER_DIN" -> OTHER_DIN.barcodeData();
            default -> "JUNK";
        };
        ScanComparison.Result result = comparison.compare(prompt, ScannedIdentifier.read(text));
        assertThat(result.outcome()).isEqualTo(outcome);
        if (outcome == ScanOutcome.MISMATCH) {
            assertThat(result.detail()).startsWith("Expected " + result.expected() + " but scanned ");
        }
    }
}
