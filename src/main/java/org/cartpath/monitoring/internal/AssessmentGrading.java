package org.cartpath.monitoring.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cartpath.monitoring.AssessmentInput;
import org.cartpath.monitoring.AssessmentInput.IceItems;
import org.cartpath.monitoring.grading.AssessmentTool;
import org.cartpath.monitoring.grading.CapdScore;
import org.cartpath.monitoring.grading.CrsAssessment;
import org.cartpath.monitoring.grading.CrsGrade;
import org.cartpath.monitoring.grading.CrsGrader;
import org.cartpath.monitoring.grading.IcansAssessment;
import org.cartpath.monitoring.grading.IcansGrade;
import org.cartpath.monitoring.grading.IcansGrader;
import org.cartpath.monitoring.grading.IcansParameters;
import org.cartpath.monitoring.grading.IceScore;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * Grades a recorded assessment with the ASTCT graders ({@code grading}), from the raw items: the ICE items are
 * scored with {@link IceScore}, the CAPD answers with {@link CapdScore}. Refusals name the fields of
 * {@link AssessmentInput} (iceItems.orientation, capdAnswers…), not the graders' own.
 */
public final class AssessmentGrading {

    /** The graders that computed a stored grade: the consensus and cartpath's reading of it (ADR 0007). */
    public static final String GRADER_VERSION = "ASTCT-2019/cartpath-1";

    private static final Map<String, String> FIELDS = Map.of(
            "iceScore", "iceItems", "capdScore", "capdAnswers", "answers", "capdAnswers",
            "orientation", "iceItems.orientation", "naming", "iceItems.naming",
            "followsCommands", "iceItems.followsCommands", "writing", "iceItems.writing",
            "attention", "iceItems.attention");

    /** The grades, and the ICE or CAPD total they rest on (empty when the patient could not be roused). */
    public record Graded(CrsGrade crs, IcansGrade icans, Integer icansScore) {
    }

    private AssessmentGrading() {
    }

    public static Graded grade(AssessmentInput in, int ageYears, boolean developmentalDelay, IcansParameters parameters) {
        VitalSigns.check(in);
        CrsGrade crs = CrsGrader.grade(new CrsAssessment(in.temperatureCelsius(), in.feverAttributableToOtherCause(),
                in.antipyreticOrAnticytokineGiven(), in.hypotension(), new HashSet<>(in.vasopressors()),
                in.oxygenDevice(), in.oxygenFlowLitresPerMinute(), in.deathFromCrs()));
        IcansGrader grader = new IcansGrader(parameters);
        AssessmentTool tool = grader.toolFor(ageYears, developmentalDelay);
        Integer ice = null;
        Integer capd = null;
        if (tool == AssessmentTool.ICE) {
            if (in.capdAnswers() != null) {
                throw wrongTool(tool, ageYears, "send iceItems, not capdAnswers");
            }
            ice = in.iceItems() == null ? null : renamed(() -> iceScore(in.iceItems()));
        } else {
            if (in.iceItems() != null) {
                throw wrongTool(tool, ageYears, "send the eight capdAnswers, not iceItems");
            }
            capd = in.capdAnswers() == null ? null : renamed(() -> new CapdScore(in.capdAnswers()).total());
        }
        Integer score = tool == AssessmentTool.ICE ? ice : capd;
        if (score == null && !in.unableToAssess()) {
            throw wrongTool(tool, ageYears, "send " + (tool == AssessmentTool.ICE ? "the five iceItems" : "the eight capdAnswers")
                    + ", or unableToAssess true if the patient cannot be roused");
        }
        Integer iceScore = ice;
        Integer capdScore = capd;
        IcansGrade icans = renamed(() -> grader.grade(new IcansAssessment(ageYears, developmentalDelay, iceScore,
                capdScore, in.unableToAssess(), in.consciousness(), in.consciousnessAttributableToOtherCause(),
                in.seizure(), in.motorWeakness(), in.cerebralEdema())));
        return new Graded(crs, icans, score);
    }

    private static int iceScore(IceItems items) {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        values.put("orientation", items.orientation());
        values.put("naming", items.naming());
        values.put("followsCommands", items.followsCommands());
        values.put("writing", items.writing());
        values.put("attention", items.attention());
        List<FieldProblem> missing = values.entrySet().stream().filter(e -> e.getValue() == null)
                .map(e -> new FieldProblem(e.getKey(), "is required")).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        return new IceScore(items.orientation(), items.naming(), items.followsCommands(), items.writing(),
                items.attention()).total();
    }

    private static ProblemException wrongTool(AssessmentTool tool, int ageYears, String what) {
        String field = tool == AssessmentTool.ICE ? "iceItems" : "capdAnswers";
        return new ProblemException("wrong-assessment-tool", 422, "The request breaks a rule",
                "For this patient (age " + ageYears + " at infusion) ICANS is assessed with " + tool + ": " + what + ".",
                List.of(new FieldProblem(field, "is needed: " + what)), Map.of("tool", tool.name()));
    }

    /** Runs a grader step, renaming the fields of its refusals to those of the assessment. */
    private static <T> T renamed(Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            List<FieldProblem> problems = e.fieldProblems().stream()
                    .map(p -> new FieldProblem(rename(p.field()), p.message())).toList();
            String detail = problems.stream().map(p -> p.field() + ": " + p.message())
                    .reduce((a, b) -> a + "; " + b).orElse(e.detail());
            throw new ProblemException(e.type(), e.status(), e.title(), detail, problems, e.properties());
        }
    }

    private static String rename(String field) {
        if (field.startsWith("answers[")) {
            return "capdAnswers" + field.substring("answers".length());
        }
        return FIELDS.getOrDefault(field, field);
    }
}
