package org.cartpath.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cartpath.monitoring.Assessments;
import org.cartpath.monitoring.grading.CapdAnswer;
import org.cartpath.monitoring.grading.IcansParameters;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.Seizure;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Grading a recorded assessment from its raw items with the tested graders: the ICE items and CAPD answers are
 * scored, the right tool is required, and refusals name the assessment's own fields.
 */
class AssessmentGradingTest {

    static final Instant AT = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void theNightShiftStoryIsCrsTwoAndIcansZero() {
        AssessmentGrading.Graded graded = AssessmentGrading.grade(Assessments.child(AT).temperature("39.2").hypotension()
                .oxygen(OxygenDevice.NASAL_CANNULA, "2").input(), 7, false, IcansParameters.DEFAULT);
        assertThat(graded.crs().grade()).isEqualTo(2);
        assertThat(graded.icans().grade()).isZero();
        assertThat(graded.icansScore()).isZero();
    }

    @Test
    void theIceItemsAreScoredAndGraded() {
        AssessmentGrading.Graded graded = AssessmentGrading.grade(Assessments.adult(AT).ice(2, 2, 1, 0, 0).input(), 40,
                false, IcansParameters.DEFAULT);
        assertThat(graded.icansScore()).isEqualTo(5);
        assertThat(graded.icans().grade()).isEqualTo(2);
    }

    @Test
    void theCapdAnswersAreScoredAndGraded() {
        AssessmentGrading.Graded graded = AssessmentGrading.grade(Assessments.child(AT).capd(CapdAnswer.NEVER,
                CapdAnswer.NEVER, CapdAnswer.RARELY, CapdAnswer.SOMETIMES, CapdAnswer.SOMETIMES, CapdAnswer.NEVER,
                CapdAnswer.OFTEN, CapdAnswer.OFTEN).input(), 5, false, IcansParameters.DEFAULT);
        assertThat(graded.icansScore()).isEqualTo(4 + 4 + 3 + 2 + 2 + 0 + 3 + 3);
        assertThat(graded.icans().grade()).isEqualTo(3);
    }

    @Test
    void anUnarousableChildHasNoScoreAndGradeFour() {
        AssessmentGrading.Graded graded = AssessmentGrading.grade(Assessments.child(AT).unarousable().input(), 5, false,
                IcansParameters.DEFAULT);
        assertThat(graded.icansScore()).isNull();
        assertThat(graded.icans().grade()).isEqualTo(4);
    }

    @Test
    void theAgeLimitsOfTheLabelDecideTheTool() {
        AssessmentGrading.Graded graded = AssessmentGrading.grade(Assessments.adult(AT).input(), 11, false,
                new IcansParameters(10, 21));
        assertThat(graded.icans().tool().name()).isEqualTo("ICE");
        assertThatThrownBy(() -> AssessmentGrading.grade(Assessments.adult(AT).input(), 11, false, IcansParameters.DEFAULT))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo("wrong-assessment-tool");
                    assertThat(e.fieldProblems()).extracting(ProblemException.FieldProblem::field).containsExactly("capdAnswers");
                });
    }

    @Test
    void refusalsNameTheAssessmentsFields() {
        assertField(Assessments.adult(AT).ice(5, 3, 1, 1, 1), 40, "iceItems.orientation");
        assertField(Assessments.child(AT).capd(CapdAnswer.NEVER, CapdAnswer.NEVER), 5, "capdAnswers");
        assertField(Assessments.adult(AT).ice(1, 1, 1, 1, 1).consciousness(
                org.cartpath.monitoring.grading.Consciousness.UNAROUSABLE), 40, "iceItems");
        assertField(Assessments.adult(AT).seizure(Seizure.NONE).temperature("46"), 40, "temperatureCelsius");
    }

    private static void assertField(Assessments assessment, int age, String field) {
        assertThatThrownBy(() -> AssessmentGrading.grade(assessment.input(), age, false, IcansParameters.DEFAULT))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems())
                        .extracting(ProblemException.FieldProblem::field).contains(field));
    }
}
