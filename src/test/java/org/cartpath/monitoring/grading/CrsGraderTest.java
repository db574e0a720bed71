package org.cartpath.monitoring.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Set;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrsGraderTest {

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.CrsGradeCases#grades")
    void gradesByTheAstctTable(CrsCase findings, int grade, Set<CrsDriver> drivers) {
        CrsGrade result = CrsGrader.grade(findings.assessment());

        assertThat(result.grade()).as(result.explanation()).isEqualTo(grade);
        assertThat(result.drivers()).isEqualTo(drivers);
        assertThat(result.explanation()).startsWith(grade == 0 ? "No CRS" : "CRS grade " + grade);
    }

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.CrsGradeCases#refused")
    void refusesImplausibleFindingsNamingTheField(CrsCase findings, String field) {
        assertThatThrownBy(findings::assessment)
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldProblems()).extracting(ProblemException.FieldProblem::field).containsExactly(field);
                });
    }

    @Test
    void acceptsTheEdgesOfTheTemperatureRange() {
        assertThat(CrsGrader.grade(CrsCase.afebrile().temperature("30").assessment()).grade()).isZero();
        assertThat(CrsGrader.grade(CrsCase.fever("45").assessment()).grade()).isEqualTo(1);
    }

    @Test
    void refusesMissingFindingsNamingTheField() {
        assertRefused(() -> new CrsAssessment(null, false, false, false, Set.of(), OxygenDevice.NONE, null, false),
                "temperatureCelsius");
        assertRefused(() -> new CrsAssessment(new BigDecimal("39"), false, false, false, null,
                OxygenDevice.NONE, null, false), "vasopressors");
        assertRefused(() -> new CrsAssessment(new BigDecimal("39"), false, false, false, Set.of(), null, null, false),
                "oxygenDevice");
    }

    @Test
    void explainsTheGradeInTheClinicsWords() {
        String example = CrsGrader.grade(CrsCase.fever("39.1").on(Vasopressor.NOREPINEPHRINE)
                .oxygen(OxygenDevice.NASAL_CANNULA, "4").assessment()).explanation();
        assertThat(example).isEqualTo("CRS grade 3 (ASTCT 2019), set by hypotension needing one vasopressor"
                + " (norepinephrine). Also present: fever of 39.1 °C (grade 1); oxygen by nasal cannula at 4 L/min,"
                + " low flow (up to 6 L/min) (grade 2).");
        assertThat(CrsGrader.grade(CrsCase.fever("39").on(Vasopressor.VASOPRESSIN).assessment()).explanation())
                .contains("one vasopressor (vasopressin alone)");
        assertThat(CrsGrader.grade(CrsCase.fever("39").on(Vasopressor.NOREPINEPHRINE, Vasopressor.EPINEPHRINE,
                Vasopressor.VASOPRESSIN).assessment()).explanation())
                .contains("several vasopressors (norepinephrine, epinephrine, with vasopressin, which does not count");
        assertThat(CrsGrader.grade(CrsCase.afebrile().hypotension().assessment()).explanation())
                .isEqualTo("No CRS (ASTCT 2019): a temperature of 37 °C is not a fever (38.0 °C or more), and fever"
                        + " is required until antipyretic or anti-cytokine treatment has been given. Without fever,"
                        + " hypotension not needing vasopressors is not graded as CRS.");
        assertThat(CrsGrader.grade(CrsCase.afebrile().antipyreticGiven().oxygen(OxygenDevice.CPAP).assessment())
                .explanation()).contains("Fever is not required because antipyretic or anti-cytokine treatment has"
                        + " been given.");
    }

    private static void assertRefused(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.fieldProblems().get(0).field()).isEqualTo(field));
    }
}
