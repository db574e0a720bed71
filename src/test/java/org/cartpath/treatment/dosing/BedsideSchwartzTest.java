package org.cartpath.treatment.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cartpath.catalogue.RenalFunctionParameters;
import org.cartpath.catalogue.internal.CatalogueParameters;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bedside Schwartz eGFR (Schwartz GJ et al., J Am Soc Nephrol 2009;20:629–637; docs/clinical/renal-function.md):
 * k × height (cm) / creatinine, with the catalogue's constants, worked by hand.
 */
class BedsideSchwartzTest {

    static final String WORKED_EXAMPLES = """
            120 | 35    | UMOL_PER_L | 125.1
            120 | 50    | UMOL_PER_L | 87.6
            100 | 36.5  | UMOL_PER_L | 100.0
            80  | 36.5  | UMOL_PER_L | 80.0
            150 | 88.4  | UMOL_PER_L | 61.9
            150 | 1.0   | MG_PER_DL  | 62.0
            110 | 0.55  | MG_PER_DL  | 82.6
            30  | 1800  | UMOL_PER_L | 0.6
            """;

    static final RenalFunctionParameters CATALOGUE = new CatalogueParameters().renalFunction();

    @Test
    void theMicromolarConstantIsTheMgPerDlConstantTimes88Point4() {
        // 0.413 × 88.4 = 36.5092, which the catalogue gives as 36.5
        assertThat(CATALOGUE.schwartzConstantMgPerDl().value().multiply(new BigDecimal("88.4")))
                .isEqualByComparingTo("36.5092");
        assertThat(CATALOGUE.schwartzConstantMgPerDl().value().multiply(new BigDecimal("88.4"))
                .setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo(CATALOGUE.schwartzUmol());
    }

    @ParameterizedTest(name = "{0} cm, creatinine {1} {2} → {3} mL/min/1.73 m²")
    @CsvSource(delimiter = '|', textBlock = WORKED_EXAMPLES)
    void estimatesFromHeightAndCreatinine(BigDecimal heightCm, BigDecimal creatinine, SerumCreatinine.Unit unit,
            BigDecimal expected) {
        BigDecimal k = unit == SerumCreatinine.Unit.MG_PER_DL ? CATALOGUE.schwartzConstantMgPerDl().value()
                : CATALOGUE.schwartzUmol();
        assertThat(BedsideSchwartz.estimate(heightCm, new SerumCreatinine(creatinine, unit), k).mlPerMinPer173m2())
                .isEqualTo(expected);
    }

    @Test
    void deIndexesToTheChildsSizeWhenAsked() {
        // 125.1 × 0.894 / 1.73 = 64.65 → 64.6 mL/min
        BedsideSchwartz egfr = new BedsideSchwartz(new BigDecimal("125.1"));
        assertThat(egfr.deIndexed(new BodySurfaceArea(new BigDecimal("0.894"), BodySurfaceArea.Formula.MOSTELLER)))
                .isEqualByComparingTo("64.6");
    }

    @ParameterizedTest(name = "height {0} cm is refused")
    @CsvSource(textBlock = """
            29.9
            250.1
            """)
    void refusesAnImplausibleHeight(BigDecimal heightCm) {
        assertThatThrownBy(() -> BedsideSchwartz.estimate(heightCm, new SerumCreatinine(new BigDecimal("35"),
                SerumCreatinine.Unit.UMOL_PER_L), CATALOGUE.schwartzUmol()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo("heightCm"));
    }

    @Test
    void aChildWithoutAHeightHasNoEstimate() {
        assertThatThrownBy(() -> BedsideSchwartz.estimate(null, new SerumCreatinine(new BigDecimal("35"),
                SerumCreatinine.Unit.UMOL_PER_L), CATALOGUE.schwartzUmol()))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo("heightCm"));
    }
}
