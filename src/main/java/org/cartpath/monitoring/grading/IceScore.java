package org.cartpath.monitoring.grading;

import org.cartpath.shared.ProblemException;

/**
 * The Immune Effector Cell-associated Encephalopathy (ICE) score, 0–10, for patients aged 12 and over
 * (ASTCT 2019, Lee et al., Biol Blood Marrow Transplant 2019). 10 is normal.
 *
 * @param orientation     orientation to year, month, city and hospital, one point each (0–4)
 * @param naming          naming three objects, one point each (0–3)
 * @param followsCommands following simple commands (0–1)
 * @param writing         writing a standard sentence (0–1)
 * @param attention       counting backwards from 100 by tens (0–1)
 */
public record IceScore(int orientation, int naming, int followsCommands, int writing, int attention) {

    public IceScore {
        within("orientation", orientation, 4);
        within("naming", naming, 3);
        within("followsCommands", followsCommands, 1);
        within("writing", writing, 1);
        within("attention", attention, 1);
    }

    public int total() {
        return orientation + naming + followsCommands + writing + attention;
    }

    private static void within(String field, int value, int highest) {
        if (value < 0 || value > highest) {
            throw ProblemException.invalid(field, "must be between 0 and " + highest);
        }
    }
}
