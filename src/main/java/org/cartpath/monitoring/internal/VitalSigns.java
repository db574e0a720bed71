package org.cartpath.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import org.cartpath.monitoring.AssessmentInput;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * The optional vital signs of an assessment. The ranges are input sanity, not clinical rules, and cite no
 * source: a value outside them is a typing error or the wrong unit, not a patient. Temperature, oxygen and
 * vasopressors are checked by the CRS grader's own input ({@code CrsAssessment}).
 */
final class VitalSigns {

    static final int LONGEST_TEXT = 2000;

    private VitalSigns() {
    }

    static void check(AssessmentInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        within(problems, "heartRatePerMinute", in.heartRatePerMinute(), 20, 300);
        within(problems, "systolicMmHg", in.systolicMmHg(), 40, 300);
        within(problems, "diastolicMmHg", in.diastolicMmHg(), 20, 200);
        within(problems, "respiratoryRatePerMinute", in.respiratoryRatePerMinute(), 4, 100);
        within(problems, "oxygenSaturationPercent", in.oxygenSaturationPercent(), 50, 100);
        if (in.systolicMmHg() != null && in.diastolicMmHg() != null && in.diastolicMmHg() >= in.systolicMmHg()) {
            problems.add(new FieldProblem("diastolicMmHg", "must be lower than the systolic pressure"));
        }
        if (in.imaging() != null && in.imaging().length() > LONGEST_TEXT) {
            problems.add(new FieldProblem("imaging", "must be at most " + LONGEST_TEXT + " characters"));
        }
        if (in.notes() != null && in.notes().length() > LONGEST_TEXT) {
            problems.add(new FieldProblem("notes", "must be at most " + LONGEST_TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private static void within(List<FieldProblem> problems, String field, Integer value, int lowest, int highest) {
        if (value != null && (value < lowest || value > highest)) {
            problems.add(new FieldProblem(field, "must be between " + lowest + " and " + highest));
        }
    }
}
