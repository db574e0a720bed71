package org.cartpath.followup.outcomes;

/**
 * ICAHT grading tables (Rejeski K et al. Blood 2023;142(10):865–877; docs/clinical/outcomes-calculators.md) with
 * every boundary, shared by {@code IcahtGradeTest} and the HTTP tests.
 */
public final class IcahtGradeCases {

    /** Early ICAHT: days with ANC ≤ 500/µL | days with ANC ≤ 100/µL | ANC never above 500/µL | grade. */
    public static final String EARLY = """
            0  | 0  | false | 0
            1  | 0  | false | 1
            1  | 1  | false | 1
            6  | 0  | false | 1
            6  | 6  | false | 1
            7  | 0  | false | 2
            7  | 6  | false | 2
            13 | 0  | false | 2
            13 | 6  | false | 2
            7  | 7  | false | 3
            13 | 7  | false | 3
            13 | 13 | false | 3
            14 | 0  | false | 3
            14 | 13 | false | 3
            30 | 0  | false | 3
            30 | 13 | false | 3
            31 | 0  | false | 4
            31 | 13 | false | 4
            14 | 14 | false | 4
            20 | 14 | false | 4
            31 | 31 | false | 4
            1  | 0  | true  | 4
            6  | 0  | true  | 4
            31 | 0  | true  | 4
            """;

    /** Late ICAHT: the ANC results (cells/µL, space-separated) | grade. */
    public static final String LATE = """
            2000 1600           | 0
            1500                | 0
            100                 | 0
            100 2000            | 0
            1501 1501 1501      | 0
            1500 1500           | 1
            1501 1500 1500      | 1
            1000 1001           | 1
            1000 1000           | 2
            1001 1000 1000      | 2
            500 501             | 2
            500 500             | 3
            100 500             | 3
            101 101 5000        | 3
            100 100             | 4
            0 0                 | 4
            100 100 3000        | 4
            50 900 1400 5000    | 2
            """;

    private IcahtGradeCases() {
    }
}
