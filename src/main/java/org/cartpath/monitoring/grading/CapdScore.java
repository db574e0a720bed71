package org.cartpath.monitoring.grading;

import java.util.List;
import org.cartpath.shared.ProblemException;

/**
 * The Cornell Assessment of Pediatric Delirium (CAPD): Traube C et al., Crit Care Med 2014;42(3):656–663,
 * adopted for children by ASTCT 2019 (Lee et al., Biol Blood Marrow Transplant 2019). Eight items answered
 * Never, Rarely, Sometimes, Often or Always, in item order:
 * <ol>
 *   <li>makes eye contact with the caregiver;</li>
 *   <li>actions are purposeful;</li>
 *   <li>is aware of their surroundings;</li>
 *   <li>communicates needs and wants;</li>
 *   <li>is restless;</li>
 *   <li>is inconsolable;</li>
 *   <li>is underactive, very little movement while awake;</li>
 *   <li>takes a long time to respond to interactions.</li>
 * </ol>
 * Items 1–4 describe normal behaviour and score 4/3/2/1/0 from Never to Always; items 5–8 describe
 * delirium and score 0/1/2/3/4. The total is 0–32; higher is worse.
 */
public record CapdScore(List<CapdAnswer> answers) {

    public static final int ITEMS = 8;

    /** Traube 2014: a CAPD score of 9 or more screens positive for delirium (sensitivity 94%, specificity 79%). */
    public static final int POSITIVE_FROM = 9;

    public CapdScore {
        if (answers == null) {
            throw ProblemException.invalid("answers", "is required");
        }
        if (answers.size() != ITEMS) {
            throw ProblemException.invalid("answers", "must hold exactly 8 answers, one per CAPD item in order"
                    + " (got " + answers.size() + ")");
        }
        for (int i = 0; i < ITEMS; i++) {
            if (answers.get(i) == null) {
                throw ProblemException.invalid("answers[" + i + "]", "is required");
            }
        }
        answers = List.copyOf(answers);
    }

    public int total() {
        int total = 0;
        for (int item = 0; item < ITEMS; item++) {
            int rank = answers.get(item).ordinal();
            // Items 1–4 are reverse-scored: "always" making eye contact is normal and scores 0.
            total += item < 4 ? 4 - rank : rank;
        }
        return total;
    }

    public boolean positive() {
        return total() >= POSITIVE_FROM;
    }
}
