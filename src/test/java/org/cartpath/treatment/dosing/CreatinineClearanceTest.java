package org.cartpath.treatment.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreatinineClearanceTest {

    @ParameterizedTest(name = "{0} y, {1} kg, {2}, creatinine {3} {4} = {5} mL/min")
    @CsvSource(delimiter = '|', textBlock = CreatinineClearanceCases.CLEARANCES)
    void matchesTheWorkedExamples(int ageYears, BigDecimal weightKg, Sex sex, BigDecimal creatinine,
            SerumCreatinine.Unit unit, BigDecimal mlPerMin) {
        CreatinineClearance clearance = CreatinineClearance.cockcroftGault(ageYears, weightKg, sex,
                new SerumCreatinine(creatinine, unit));
        assertThat(clearance.mlPerMin()).isEqualTo(mlPerMin);
    }

    @ParameterizedTest(name = "{0} y, {1} kg, creatinine {2} {3}: {4} is refused")
    @CsvSource(delimiter = '|', textBlock = CreatinineClearanceCases.REFUSED)
    void refusesImplausibleValues(int ageYears, BigDecimal weightKg, BigDecimal creatinine, SerumCreatinine.Unit unit,
            String field) {
        assertThatThrownBy(() -> CreatinineClearance.cockcroftGault(ageYears, weightKg, Sex.FEMALE,
                new SerumCreatinine(creatinine, unit)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo(field));
    }
}
