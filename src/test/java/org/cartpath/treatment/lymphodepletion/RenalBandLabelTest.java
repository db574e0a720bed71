package org.cartpath.treatment.lymphodepletion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.cartpath.treatment.lymphodepletion.RenalBandTable.RenalBand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A renal band prints its bounds as written (never 2.95E+1, never 30.00) and its upper bound as exclusive, as the band
 * is: a clearance of 79.5 lies in "50 to under 80", which the old label "50–79" hid, and a band from 29.5 printed as
 * "29.5", not 29 (docs/clinical/renal-function.md).
 */
class RenalBandLabelTest {

    static final String LABELS = """
            50      | 80      | 80   | CrCl 50 to under 80 mL/min: 80% of the dose
            80      | -       | 100  | CrCl 80 or more mL/min: 100% of the dose
            0       | 30      | -    | CrCl 0 to under 30 mL/min: do not give
            29.5    | 49.5    | 60   | CrCl 29.5 to under 49.5 mL/min: 60% of the dose
            2.95E+1 | 7.0E+1  | 75   | CrCl 29.5 to under 70 mL/min: 75% of the dose
            30.00   | 70.0    | 80.0 | CrCl 30 to under 70 mL/min: 80% of the dose
            1E+2    | -       | 1E+2 | CrCl 100 or more mL/min: 100% of the dose
            0       | 0.5     | 12.5 | CrCl 0 to under 0.5 mL/min: 12.5% of the dose
            """;

    private static BigDecimal n(String value) {
        return value.equals("-") ? null : new BigDecimal(value);
    }

    @ParameterizedTest(name = "from {0} below {1} at {2}% → {3}")
    @CsvSource(delimiter = '|', textBlock = LABELS)
    void printsDecimalBoundsAsWritten(String from, String below, String percent, String expected) {
        RenalBand band = new RenalBand(n(from), n(below), n(percent));
        assertThat(band.describe()).isEqualTo(expected);
        assertThat(band.describe()).doesNotContain("E+", "E-");
    }

    @ParameterizedTest(name = "{0} lies in the band its label names")
    @CsvSource(textBlock = """
            79.5
            79.9
            50
            """)
    void aClearanceJustUnderTheUpperBoundIsInTheBandItsLabelNames(BigDecimal clearance) {
        RenalBand band = RenalBandTable.US_FLUDARA.bandFor(clearance);
        assertThat(band.describe()).isEqualTo("CrCl 50 to under 80 mL/min: 80% of the dose");
    }

    @ParameterizedTest(name = "a child''s band names the eGFR and its unit")
    @CsvSource(delimiter = '|', textBlock = """
            77.6 | eGFR 50 to under 80 mL/min/1.73 m²: 80% of the dose
            """)
    void aChildsBandNamesTheEstimateAndItsUnit(BigDecimal egfr, String expected) {
        assertThat(RenalBandTable.US_FLUDARA.bandFor(egfr).describe("eGFR",
                "mL/min/1.73 m²")).isEqualTo(expected);
    }
}
