package org.cartpath.monitoring.grading;

import static org.cartpath.monitoring.grading.AssessmentTool.CAPD;
import static org.cartpath.monitoring.grading.AssessmentTool.ICE;
import static org.cartpath.monitoring.grading.Consciousness.AWAKENS_TO_TOUCH;
import static org.cartpath.monitoring.grading.Consciousness.AWAKENS_TO_VOICE;
import static org.cartpath.monitoring.grading.Consciousness.UNAROUSABLE;
import static org.cartpath.monitoring.grading.IcansCase.adultWithIce;
import static org.cartpath.monitoring.grading.IcansCase.agedUnableToAssess;
import static org.cartpath.monitoring.grading.IcansCase.agedWithCapd;
import static org.cartpath.monitoring.grading.IcansCase.agedWithIce;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The ICANS grading table (ASTCT 2019; CAPD under 12 per ASCO 2021), run against the grader
 * ({@code IcansGraderTest}) and the API ({@code ToxicityCalculatorApiIT}). Tremor and myoclonus are not in
 * it: CTCAE grades them and they are not inputs.
 */
public final class IcansGradeCases {

    private IcansGradeCases() {
    }

    /** Each row: the findings, the grade, the tool, the domains that set the grade. */
    public static Stream<Arguments> grades() {
        return Stream.of(
                row("ICE 10 and nothing else is no ICANS", adultWithIce(10), 0, ICE),
                row("ICE 9", adultWithIce(9), 1, ICE, IcansDriver.ICE),
                row("ICE 7", adultWithIce(7), 1, ICE, IcansDriver.ICE),
                row("ICE 6", adultWithIce(6), 2, ICE, IcansDriver.ICE),
                row("ICE 3", adultWithIce(3), 2, ICE, IcansDriver.ICE),
                row("ICE 2", adultWithIce(2), 3, ICE, IcansDriver.ICE),
                row("ICE 0 awake (e.g. global aphasia)", adultWithIce(0), 3, ICE, IcansDriver.ICE),
                row("ICE 0 because unarousable", adultWithIce(0).consciousness(UNAROUSABLE), 4, ICE,
                        IcansDriver.ICE, IcansDriver.CONSCIOUSNESS),
                row("unable to do ICE because unarousable", agedUnableToAssess(40), 4, ICE,
                        IcansDriver.ICE, IcansDriver.CONSCIOUSNESS),
                row("wakes to voice with ICE 10", adultWithIce(10).consciousness(AWAKENS_TO_VOICE), 2, ICE,
                        IcansDriver.CONSCIOUSNESS),
                row("wakes to voice with ICE 5: both grade 2", adultWithIce(5).consciousness(AWAKENS_TO_VOICE), 2, ICE,
                        IcansDriver.ICE, IcansDriver.CONSCIOUSNESS),
                row("wakes only to touch", adultWithIce(5).consciousness(AWAKENS_TO_TOUCH), 3, ICE,
                        IcansDriver.CONSCIOUSNESS),
                row("drowsiness explained by sedation is not ICANS",
                        adultWithIce(10).consciousness(AWAKENS_TO_VOICE).sedated(), 0, ICE),
                row("unarousable under sedation is not graded from consciousness or ICE",
                        agedUnableToAssess(40).sedated(), 0, ICE),
                row("a seizure under sedation still counts",
                        agedUnableToAssess(40).sedated().seizure(Seizure.RAPIDLY_RESOLVING), 3, ICE, IcansDriver.SEIZURE),
                row("a rapidly resolving seizure", adultWithIce(10).seizure(Seizure.RAPIDLY_RESOLVING), 3, ICE,
                        IcansDriver.SEIZURE),
                row("a prolonged or repetitive seizure", adultWithIce(8).seizure(Seizure.PROLONGED_OR_REPETITIVE), 4,
                        ICE, IcansDriver.SEIZURE),
                row("deep focal motor weakness", adultWithIce(10).motorWeakness(), 4, ICE, IcansDriver.MOTOR),
                row("focal cerebral oedema", adultWithIce(8).cerebralEdema(CerebralEdema.FOCAL), 3, ICE,
                        IcansDriver.CEREBRAL_EDEMA),
                row("diffuse cerebral oedema", adultWithIce(8).cerebralEdema(CerebralEdema.DIFFUSE), 4, ICE,
                        IcansDriver.CEREBRAL_EDEMA),
                row("worked example: CAPD 9 at 8 years", agedWithCapd(8, 9), 3, CAPD, IcansDriver.CAPD),
                row("CAPD 8 waking spontaneously", agedWithCapd(8, 8), 1, CAPD, IcansDriver.CAPD),
                row("CAPD 1 waking spontaneously", agedWithCapd(8, 1), 1, CAPD, IcansDriver.CAPD),
                row("CAPD 8 waking to voice", agedWithCapd(8, 8).consciousness(AWAKENS_TO_VOICE), 2, CAPD,
                        IcansDriver.CAPD, IcansDriver.CONSCIOUSNESS),
                row("CAPD 8 drowsy from sedation", agedWithCapd(8, 8).consciousness(AWAKENS_TO_VOICE).sedated(), 1,
                        CAPD, IcansDriver.CAPD),
                row("CAPD 0 and nothing else is no ICANS", agedWithCapd(8, 0), 0, CAPD),
                row("unable to do CAPD because unarousable", agedUnableToAssess(8), 4, CAPD,
                        IcansDriver.CAPD, IcansDriver.CONSCIOUSNESS),
                row("an infant with CAPD 12", agedWithCapd(0, 12), 3, CAPD, IcansDriver.CAPD),
                row("age 11 is assessed with CAPD", agedWithCapd(11, 9), 3, CAPD, IcansDriver.CAPD),
                row("age exactly 12 is assessed with ICE", agedWithIce(12, 9), 1, ICE, IcansDriver.ICE),
                row("age 13 is assessed with ICE", agedWithIce(13, 9), 1, ICE, IcansDriver.ICE),
                row("developmental delay at 15 is assessed with CAPD", agedWithCapd(15, 9).developmentalDelay(), 3,
                        CAPD, IcansDriver.CAPD),
                row("developmental delay at 21 is still CAPD", agedWithCapd(21, 4).developmentalDelay(), 1, CAPD,
                        IcansDriver.CAPD),
                row("developmental delay at 22 is assessed with ICE", agedWithIce(22, 6).developmentalDelay(), 2, ICE,
                        IcansDriver.ICE));
    }

    /** Each row: the findings carrying the wrong tool's score, or none, and the tool the age calls for (422). */
    public static Stream<Arguments> wrongTool() {
        return Stream.of(
                argumentSet("an ICE score for an 8-year-old", agedWithIce(8, 10), CAPD),
                argumentSet("an ICE score at 11", agedWithIce(11, 9), CAPD),
                argumentSet("a CAPD score at exactly 12", agedWithCapd(12, 5), ICE),
                argumentSet("both scores for an 8-year-old", agedWithCapd(8, 5).iceScore(10), CAPD),
                argumentSet("no score for an adult", adultWithIce(10).iceScore(null), ICE),
                argumentSet("no score for a child", agedWithCapd(8, 0).capdScore(null), CAPD),
                argumentSet("an ICE score at 15 with developmental delay", agedWithIce(15, 8).developmentalDelay(), CAPD),
                argumentSet("a CAPD score at 22 with developmental delay", agedWithCapd(22, 8).developmentalDelay(), ICE));
    }

    /** Each row: findings that contradict themselves or are out of range, and the field named (400). */
    public static Stream<Arguments> refused() {
        return Stream.of(
                argumentSet("unable to assess yet awake", adultWithIce(10).iceScore(null).unableToAssess(),
                        "unableToAssess"),
                argumentSet("unable to assess yet scored", agedUnableToAssess(40).iceScore(0), "iceScore"),
                argumentSet("unarousable yet scoring ICE 5", adultWithIce(5).consciousness(UNAROUSABLE), "iceScore"),
                argumentSet("unarousable yet scored on CAPD", agedWithCapd(8, 3).consciousness(UNAROUSABLE), "capdScore"),
                argumentSet("ICE 11", adultWithIce(11), "iceScore"),
                argumentSet("ICE -1", adultWithIce(-1), "iceScore"),
                argumentSet("CAPD 33", agedWithCapd(8, 33), "capdScore"),
                argumentSet("age -1", agedWithCapd(-1, 3), "ageYears"),
                argumentSet("age 121", agedWithIce(121, 10), "ageYears"));
    }

    private static Arguments row(String description, IcansCase findings, int grade, AssessmentTool tool,
            IcansDriver... drivers) {
        Set<IcansDriver> expected = EnumSet.noneOf(IcansDriver.class);
        expected.addAll(List.of(drivers));
        return argumentSet(description, findings, grade, tool, expected);
    }
}
