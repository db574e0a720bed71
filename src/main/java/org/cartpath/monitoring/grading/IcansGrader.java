package org.cartpath.monitoring.grading;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * Grades immune effector cell-associated neurotoxicity syndrome by the ASTCT consensus: Lee DW et al.,
 * Biol Blood Marrow Transplant 2019;25(4):625–638, with ICE from age 12 and CAPD for children.
 * The grade is the worst of five domains: the encephalopathy score (ICE or CAPD), consciousness, seizures,
 * motor weakness, and raised intracranial pressure or cerebral oedema.
 *
 * <p>Decisions where the consensus leaves room (docs/adr/0007-astct-grading-interpretations.md):
 * <ul>
 *   <li>{@link Consciousness#AWAKENS_SPONTANEOUSLY} grades nothing on its own: the scale has no "alert", so it
 *       stands for the alert patient too, and ICE 10 or CAPD 0 with nothing else is no ICANS. It still
 *       decides CAPD 1–8 as grade 1.</li>
 *   <li>A patient who cannot be roused cannot do the assessment: grade 4 from the tool as well as from
 *       consciousness — unless the depressed consciousness has another cause such as sedation, when
 *       neither counts.</li>
 *   <li>CAPD 0 with nothing else is no ICANS.</li>
 * </ul>
 */
public final class IcansGrader {

    private record Finding(IcansDriver domain, int grade, String description) {
    }

    private final IcansParameters parameters;

    public IcansGrader(IcansParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * ASCO 2021: CAPD under 12. With developmental delay CAPD is also used beyond that, within the ages it was
     * validated in (Traube 2014: to 21).
     */
    public AssessmentTool toolFor(int ageYears, boolean developmentalDelay) {
        if (ageYears < parameters.capdBelowAgeYears()) {
            return AssessmentTool.CAPD;
        }
        if (developmentalDelay && ageYears <= parameters.capdWithDevelopmentalDelayUpToAgeYears()) {
            return AssessmentTool.CAPD;
        }
        return AssessmentTool.ICE;
    }

    public IcansGrade grade(IcansAssessment assessment) {
        AssessmentTool tool = toolFor(assessment.ageYears(), assessment.developmentalDelay());
        Integer score = tool == AssessmentTool.ICE ? assessment.iceScore() : assessment.capdScore();
        checkTheToolFits(assessment, tool, score);
        boolean unable = assessment.unableToAssess() || assessment.consciousness() == Consciousness.UNAROUSABLE;
        List<Finding> findings = List.of(
                tool == AssessmentTool.ICE ? ice(score, unable, assessment) : capd(score, unable, assessment),
                consciousness(assessment),
                seizure(assessment.seizure()),
                motor(assessment.motorWeakness()),
                cerebralEdema(assessment.cerebralEdema()));
        int grade = findings.stream().mapToInt(Finding::grade).max().orElse(0);
        String assessedWith = "assessed with " + tool + " (" + whyTool(assessment, tool) + ")";
        String note = assessment.consciousnessAttributableToOtherCause()
                && assessment.consciousness() != Consciousness.AWAKENS_SPONTANEOUSLY
                ? " The depressed consciousness (" + assessment.consciousness().label() + ") is attributed to"
                        + " another cause and does not count."
                : "";
        if (grade == 0) {
            return new IcansGrade(0, tool, Set.of(), "No ICANS (ASTCT 2019), " + assessedWith + ": "
                    + findings.get(0).description() + "; no seizure, motor weakness or cerebral oedema." + note);
        }
        List<Finding> drivers = findings.stream().filter(f -> f.grade() == grade).toList();
        List<Finding> lesser = findings.stream().filter(f -> f.grade() > 0 && f.grade() < grade).toList();
        String explanation = "ICANS grade " + grade + " (ASTCT 2019), " + assessedWith + ", set by "
                + Wording.listed(drivers.stream().map(Finding::description).toList()) + "."
                + (lesser.isEmpty() ? "" : " Also present: " + lesser.stream()
                        .map(f -> f.description() + " (grade " + f.grade() + ")").collect(Collectors.joining("; ")) + ".")
                + note;
        return new IcansGrade(grade, tool, drivers.stream().map(Finding::domain).collect(Collectors.toSet()), explanation);
    }

    /** The score of the right tool, and only that one, unless the patient cannot be roused. */
    private void checkTheToolFits(IcansAssessment assessment, AssessmentTool tool, Integer score) {
        AssessmentTool other = tool == AssessmentTool.ICE ? AssessmentTool.CAPD : AssessmentTool.ICE;
        Integer otherScore = tool == AssessmentTool.ICE ? assessment.capdScore() : assessment.iceScore();
        if (otherScore != null) {
            throw wrongTool(assessment, tool, "send " + tool.field() + ", not " + other.field());
        }
        if (assessment.unableToAssess()) {
            if (score != null) {
                throw ProblemException.invalid(tool.field(), "must be empty when unableToAssess is true");
            }
            return;
        }
        if (score == null) {
            throw wrongTool(assessment, tool, "send " + tool.field() + ", or unableToAssess true if the patient"
                    + " cannot be roused");
        }
        if (assessment.consciousness() == Consciousness.UNAROUSABLE) {
            // ASTCT 2019: a child who cannot be roused is "unable to perform CAPD" (grade 4), so a CAPD score
            // contradicts it; an unarousable patient can only score 0 on ICE.
            if (tool == AssessmentTool.CAPD) {
                throw ProblemException.invalid("capdScore", "cannot be scored in a child who cannot be roused;"
                        + " send unableToAssess true instead");
            }
            if (score != 0) {
                throw ProblemException.invalid("iceScore", "must be 0 in a patient who cannot be roused");
            }
        }
    }

    private ProblemException wrongTool(IcansAssessment assessment, AssessmentTool tool, String what) {
        String detail = "For this patient ICANS is assessed with " + tool + " (" + whyTool(assessment, tool) + "): "
                + what + ".";
        return new ProblemException("wrong-assessment-tool", 422, "The request breaks a rule", detail,
                List.of(new FieldProblem(tool.field(), "is needed: " + what)), Map.of("tool", tool.name()));
    }

    private String whyTool(IcansAssessment assessment, AssessmentTool tool) {
        int age = assessment.ageYears();
        if (tool == AssessmentTool.CAPD) {
            return age < parameters.capdBelowAgeYears()
                    ? "age " + age + ", under " + parameters.capdBelowAgeYears()
                    : "age " + age + " with developmental delay, up to "
                            + parameters.capdWithDevelopmentalDelayUpToAgeYears();
        }
        return assessment.developmentalDelay()
                ? "age " + age + "; CAPD with developmental delay only up to "
                        + parameters.capdWithDevelopmentalDelayUpToAgeYears()
                : "age " + age;
    }

    /** ASTCT 2019: ICE 7–9 → 1, 3–6 → 2, 0–2 → 3, 0 because unarousable and unable to perform ICE → 4. */
    private static Finding ice(Integer score, boolean unable, IcansAssessment assessment) {
        if (unable) {
            return unableToAssess(IcansDriver.ICE, score == null ? "ICE not possible because the patient cannot be"
                    + " roused" : "ICE 0 because the patient cannot be roused", assessment);
        }
        int grade = score == 10 ? 0 : score >= 7 ? 1 : score >= 3 ? 2 : 3;
        String band = switch (grade) {
            case 0 -> "normal";
            case 1 -> "7–9";
            case 2 -> "3–6";
            default -> "0–2";
        };
        return new Finding(IcansDriver.ICE, grade, "ICE " + score + " (" + band + ")");
    }

    /**
     * ASTCT 2019 for children: CAPD 1–8 → 1 or 2, decided by consciousness (wakes spontaneously → 1, to voice
     * → 2); CAPD 9 or more → 3; unable to perform CAPD (unarousable) → 4. CAPD 0 is no ICANS.
     */
    private static Finding capd(Integer score, boolean unable, IcansAssessment assessment) {
        if (unable) {
            return unableToAssess(IcansDriver.CAPD, "CAPD not possible because the child cannot be roused", assessment);
        }
        if (score == 0) {
            return new Finding(IcansDriver.CAPD, 0, "CAPD 0");
        }
        if (score >= CapdScore.POSITIVE_FROM) {
            return new Finding(IcansDriver.CAPD, 3, "CAPD " + score + " (9 or more: delirium)");
        }
        boolean wakesSpontaneously = assessment.consciousness() == Consciousness.AWAKENS_SPONTANEOUSLY
                || assessment.consciousnessAttributableToOtherCause();
        return wakesSpontaneously
                ? new Finding(IcansDriver.CAPD, 1, "CAPD " + score + " (1–8) in a child who wakes spontaneously")
                : new Finding(IcansDriver.CAPD, 2, "CAPD " + score + " (1–8) in a child who "
                        + assessment.consciousness().label());
    }

    private static Finding unableToAssess(IcansDriver domain, String description, IcansAssessment assessment) {
        // ASTCT 2019: a depressed consciousness counts only when nothing else (e.g. sedation) explains it.
        return assessment.consciousnessAttributableToOtherCause()
                ? new Finding(domain, 0, description)
                : new Finding(domain, 4, description);
    }

    /**
     * ASTCT 2019: wakes to voice → 2, only to touch → 3, unarousable → 4, and only when not attributable to
     * another cause. Waking spontaneously grades nothing here (see the class comment).
     */
    private static Finding consciousness(IcansAssessment assessment) {
        Consciousness level = assessment.consciousness();
        int grade = assessment.consciousnessAttributableToOtherCause() ? 0 : switch (level) {
            case AWAKENS_SPONTANEOUSLY -> 0;
            case AWAKENS_TO_VOICE -> 2;
            case AWAKENS_TO_TOUCH -> 3;
            case UNAROUSABLE -> 4;
        };
        return new Finding(IcansDriver.CONSCIOUSNESS, grade, "depressed consciousness (" + level.label() + ")");
    }

    /** ASTCT 2019: a seizure that resolves rapidly → 3; prolonged (over 5 minutes) or repetitive → 4. */
    private static Finding seizure(Seizure seizure) {
        return switch (seizure) {
            case NONE -> new Finding(IcansDriver.SEIZURE, 0, "no seizure");
            case RAPIDLY_RESOLVING -> new Finding(IcansDriver.SEIZURE, 3, "a seizure that resolved rapidly");
            case PROLONGED_OR_REPETITIVE -> new Finding(IcansDriver.SEIZURE, 4,
                    "a prolonged or repetitive seizure without return to baseline");
        };
    }

    /** ASTCT 2019: deep focal motor weakness such as hemiparesis or paraparesis → 4. */
    private static Finding motor(boolean weakness) {
        return new Finding(IcansDriver.MOTOR, weakness ? 4 : 0, "deep focal motor weakness");
    }

    /**
     * ASTCT 2019: focal oedema on imaging → 3; diffuse oedema, posturing, VI palsy, papilloedema or Cushing's
     * triad → 4.
     */
    private static Finding cerebralEdema(CerebralEdema edema) {
        return switch (edema) {
            case NONE -> new Finding(IcansDriver.CEREBRAL_EDEMA, 0, "no cerebral oedema");
            case FOCAL -> new Finding(IcansDriver.CEREBRAL_EDEMA, 3, "focal cerebral oedema on imaging");
            case DIFFUSE -> new Finding(IcansDriver.CEREBRAL_EDEMA, 4,
                    "diffuse cerebral oedema or its signs (posturing, VI palsy, papilloedema, Cushing's triad)");
        };
    }
}
