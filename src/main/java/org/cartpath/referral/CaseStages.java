package org.cartpath.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.shared.ProblemException;

/** A step of this module asked for at a stage where it cannot happen: the journey's own problem type. */
final class CaseStages {

    private CaseStages() {
    }

    static void require(TherapyCase therapyCase, String step, Stage... allowed) {
        if (!List.of(allowed).contains(therapyCase.stage())) {
            throw new ProblemException("illegal-transition", 409, "Not possible at this stage",
                    "Case " + therapyCase.reference() + " is at stage '" + therapyCase.stage().label() + "'; " + step
                            + " needs it at " + Arrays.stream(allowed).map(s -> "'" + s.label() + "'")
                                    .collect(Collectors.joining(" or ")),
                    List.of(), Map.of("currentStage", therapyCase.stage().name()));
        }
    }
}
