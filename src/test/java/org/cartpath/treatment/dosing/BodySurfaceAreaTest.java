package org.cartpath.treatment.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodySurfaceAreaTest {

    @ParameterizedTest(name = "{0} cm, {1} kg by {2} = {3} m²")
    @CsvSource(delimiter = '|', textBlock = BodySurfaceAreaCases.AREAS)
    void matchesTheWorkedExamples(BigDecimal heightCm, BigDecimal weightKg, BodySurfaceArea.Formula formula,
            BigDecimal bsaM2) {
        BodySurfaceArea area = BodySurfaceArea.of(formula, heightCm, weightKg);
        assertThat(area.squareMetres()).isEqualTo(bsaM2);
        assertThat(area.formula()).isEqualTo(formula);
    }

    @ParameterizedTest(name = "{0} cm, {1} kg: {2} is refused")
    @CsvSource(delimiter = '|', textBlock = BodySurfaceAreaCases.REFUSED)
    void refusesImplausibleMeasurements(BigDecimal heightCm, BigDecimal weightKg, String field) {
        assertThatThrownBy(() -> BodySurfaceArea.of(BodySurfaceArea.Formula.MOSTELLER, heightCm, weightKg))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo(field));
    }

    @Test
    void roundsHalfUpToThreeDecimals() {
        // √(100 × 36.0359 / 3600) = 1.000498…; √(100 × 36.0361 / 3600) = 1.000501…
        assertThat(BodySurfaceArea.of(BodySurfaceArea.Formula.MOSTELLER, new BigDecimal("100"),
                new BigDecimal("36.0359")).squareMetres()).isEqualTo(new BigDecimal("1.000"));
        assertThat(BodySurfaceArea.of(BodySurfaceArea.Formula.MOSTELLER, new BigDecimal("100"),
                new BigDecimal("36.0361")).squareMetres()).isEqualTo(new BigDecimal("1.001"));
    }
}
