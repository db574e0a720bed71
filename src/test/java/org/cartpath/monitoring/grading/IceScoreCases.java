package org.cartpath.monitoring.grading;

/** The ICE score table, run against {@link IceScore} ({@code IceScoreTest}) and the API ({@code ToxicityCalculatorApiIT}). */
public final class IceScoreCases {

    /** orientation | naming | followsCommands | writing | attention | score */
    public static final String SCORES = """
            4 | 3 | 1 | 1 | 1 | 10
            3 | 3 | 1 | 1 | 1 | 9
            4 | 3 | 1 | 1 | 0 | 9
            2 | 3 | 1 | 1 | 0 | 7
            2 | 2 | 1 | 1 | 0 | 6
            0 | 2 | 1 | 0 | 0 | 3
            0 | 1 | 1 | 0 | 0 | 2
            0 | 0 | 0 | 0 | 0 | 0
            """;

    /** field | value outside its range (every other item is valid) */
    public static final String REFUSED = """
            orientation     | 5
            orientation     | -1
            naming          | 4
            followsCommands | 2
            writing         | 2
            attention       | -1
            """;

    private IceScoreCases() {
    }
}
