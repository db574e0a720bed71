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
}
