package org.cartpath.monitoring.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IcansGraderTest {

    private final IcansGrader grader = new IcansGrader(IcansParameters.DEFAULT);

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.IcansGradeCases#grades")
    void gradesByTheAstctTable(IcansCase findings, int grade, AssessmentTool tool, Set<IcansDriver> drivers) {
        IcansGrade result = grader.grade(findings.assessment());

        assertThat(result.grade()).as(result.explanation()).isEqualTo(grade);
        assertThat(result.tool()).isEqualTo(tool);
        assertThat(result.drivers()).isEqualTo(drivers);
        assertThat(result.explanation()).startsWith(grade == 0 ? "No ICANS" : "ICANS grade " + grade);
    }

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.IcansGradeCases#wrongTool")
    void refusesTheWrongToolSayingWhichScoreIsNeeded(IcansCase findings, AssessmentTool needed) {
        assertThatThrownBy(() -> grader.grade(findings.assessment()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.type()).isEqualTo("wrong-assessment-tool");
                    assertThat(e.detail()).contains("assessed with " + needed, "send " + needed.field());
                    assertThat(e.fieldProblems().get(0).field()).isEqualTo(needed.field());
                    assertThat(e.properties()).containsEntry("tool", needed.name());
                });
    }

    @ParameterizedTest
    @MethodSource("org.cartpath.monitoring.grading.IcansGradeCases#refused")
    void refusesContradictoryOrImplausibleFindings(IcansCase findings, String field) {
        assertThatThrownBy(() -> grader.grade(findings.assessment()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.fieldProblems().get(0).field()).isEqualTo(field);
                });
    }

    @Test
    void theAgeCutOffIsAParameter() {
        IcansGrader under10 = new IcansGrader(new IcansParameters(10, 21));
        assertThat(under10.toolFor(9, false)).isEqualTo(AssessmentTool.CAPD);
        assertThat(under10.toolFor(10, false)).isEqualTo(AssessmentTool.ICE);
        assertThat(new IcansGrader(new IcansParameters(12, 18)).toolFor(19, true)).isEqualTo(AssessmentTool.ICE);
    }

    @Test
    void explainsTheGradeTheToolAndWhy() {
        assertThat(grader.grade(IcansCase.agedWithCapd(8, 9).assessment()).explanation())
                .isEqualTo("ICANS grade 3 (ASTCT 2019), assessed with CAPD (age 8, under 12), set by CAPD 9"
                        + " (9 or more: delirium).");
        assertThat(grader.grade(IcansCase.adultWithIce(10).assessment()).explanation())
                .isEqualTo("No ICANS (ASTCT 2019), assessed with ICE (age 40): ICE 10 (normal); no seizure, motor"
                        + " weakness or cerebral oedema.");
        assertThat(grader.grade(IcansCase.adultWithIce(10).consciousness(Consciousness.AWAKENS_TO_VOICE).sedated()
                .assessment()).explanation()).contains("(wakes to voice) is attributed to another cause and does not count");
        assertThat(grader.grade(IcansCase.agedWithCapd(15, 9).developmentalDelay().assessment()).explanation())
                .contains("assessed with CAPD (age 15 with developmental delay, up to 21)");
    }
}
