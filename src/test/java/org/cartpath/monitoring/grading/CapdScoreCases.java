package org.cartpath.monitoring.grading;

/**
 * The CAPD score table, run against {@link CapdScore} ({@code CapdScoreTest}) and the API
 * ({@code ToxicityCalculatorApiIT}). Items 1–4 score Never 4 … Always 0; items 5–8 Never 0 … Always 4.
 */
public final class CapdScoreCases {

    /** the eight answers in item order | score | positive (9 or more) */
    public static final String SCORES = """
            ALWAYS ALWAYS ALWAYS ALWAYS NEVER NEVER NEVER NEVER                   | 0  | false
            OFTEN OFTEN OFTEN OFTEN RARELY RARELY RARELY RARELY                   | 8  | false
            OFTEN OFTEN OFTEN OFTEN SOMETIMES RARELY RARELY RARELY                | 9  | true
            SOMETIMES SOMETIMES SOMETIMES SOMETIMES SOMETIMES SOMETIMES SOMETIMES SOMETIMES | 16 | true
            NEVER NEVER NEVER NEVER ALWAYS ALWAYS ALWAYS ALWAYS                   | 32 | true
            NEVER ALWAYS ALWAYS ALWAYS NEVER NEVER NEVER NEVER                    | 4  | false
            ALWAYS ALWAYS ALWAYS ALWAYS NEVER NEVER NEVER ALWAYS                  | 4  | false
            """;

    private CapdScoreCases() {
    }
}
