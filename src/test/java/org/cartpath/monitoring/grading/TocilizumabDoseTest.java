package org.cartpath.monitoring.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tocilizumab dose table, with the numbers read from the catalogue's tocilizumab document (RoActemra SmPC 4.2;
 * docs/clinical/tocilizumab.md): the same doses as when they were constants.
 */
class TocilizumabDoseTest {

    @ParameterizedTest(name = "{0} kg → {1} mg at {2} mg/kg, capped {3}")
    @CsvSource(delimiter = '|', textBlock = TocilizumabDoseCases.DOSES)
    void dosesByWeightBandUpTo800Mg(BigDecimal weightKg, BigDecimal doseMg, int mgPerKg, boolean capped) {
        TocilizumabDose dose = TocilizumabDose.forCrs(weightKg, TocilizumabLabels.CATALOGUE);
        assertThat(dose.doseMg()).isEqualByComparingTo(doseMg);
        assertThat(dose.doseMg().scale()).as("no trailing zeros: 288, not 288.0").isLessThanOrEqualTo(1);
        assertThat(dose.doseMg().toString()).doesNotContain("E");
        assertThat(dose.mgPerKg()).isEqualTo(mgPerKg);
        assertThat(dose.capped()).isEqualTo(capped);
    }

    @ParameterizedTest(name = "{0} kg is refused")
    @CsvSource(textBlock = TocilizumabDoseCases.REFUSED)
    void refusesAnImplausibleWeight(BigDecimal weightKg) {
        assertThatThrownBy(() -> TocilizumabDose.forCrs(weightKg, TocilizumabLabels.CATALOGUE)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo("weightKg"));
    }

    /** A label with other numbers (from 25 kg, 10 and 6 mg/kg, at most 600 mg): the dose follows the label. */
    @ParameterizedTest(name = "under another label: {0} kg → {1} mg at {2} mg/kg, capped {3}")
    @CsvSource(delimiter = '|', textBlock = """
            24.9  | 249   | 10 | false
            25    | 150   | 6  | false
            29.9  | 179.4 | 6  | false
            100   | 600   | 6  | false
            100.1 | 600   | 6  | true
            """)
    void followsTheLabelsNumbersNotConstants(BigDecimal weightKg, BigDecimal doseMg, int mgPerKg, boolean capped) {
        TocilizumabDose dose = TocilizumabDose.forCrs(weightKg, TocilizumabLabels.label("6", "10", "25", "600", "8", 3, 4));
        assertThat(dose.doseMg()).isEqualByComparingTo(doseMg);
        assertThat(dose.mgPerKg()).isEqualTo(mgPerKg);
        assertThat(dose.capped()).isEqualTo(capped);
    }
}
