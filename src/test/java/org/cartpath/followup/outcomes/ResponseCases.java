package org.cartpath.followup.outcomes;

/**
 * Response tables with every boundary the contract names (docs/clinical/outcomes-calculators.md), shared by the unit
 * tests and the HTTP tests. An empty cell is a field not sent.
 */
public final class ResponseCases {

    /**
     * B-ALL: marrow blasts % | circulating blasts | extramedullary disease | ANC/µL | platelets/µL | MRD % | category |
     * marrow status | MRD negative.
     */
    public static final String B_ALL = """
            0     | false | false | 1001 | 100001 | 0      | COMPLETE_REMISSION                          | M1 | true
            4.99  | false | false | 5000 | 250000 | 0.0099 | COMPLETE_REMISSION                          | M1 | true
            4.99  | false | false | 5000 | 250000 | 0.01   | COMPLETE_REMISSION                          | M1 | false
            0     | false | false | 1001 | 100001 |        | COMPLETE_REMISSION                          | M1 |
            0     | false | false | 1000 | 100001 |        | COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY | M1 |
            0     | false | false | 1001 | 100000 | 0.001  | COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY | M1 | true
            0     | false | false | 0    | 0      |        | COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY | M1 |
            5     | false | false | 5000 | 250000 |        | NO_REMISSION                                | M2 |
            25    | false | false | 5000 | 250000 | 20     | NO_REMISSION                                | M2 | false
            25.01 | false | false | 5000 | 250000 |        | NO_REMISSION                                | M3 |
            100   | true  | true  | 0    | 0      | 100    | NO_REMISSION                                | M3 | false
            0     | true  | false | 5000 | 250000 |        | NO_REMISSION                                | M1 |
            0     | false | true  | 5000 | 250000 | 0      | NO_REMISSION                                | M1 | true
            """;

    /** Lugano 2014 PET-CT: Deauville score | uptake compared with baseline | new lesions | category. */
    public static final String LUGANO_PET = """
            1 | REDUCED   | false | COMPLETE_METABOLIC_RESPONSE
            2 | NO_CHANGE | false | COMPLETE_METABOLIC_RESPONSE
            3 | INCREASED | false | COMPLETE_METABOLIC_RESPONSE
            3 | NO_CHANGE | true  | PROGRESSIVE_METABOLIC_DISEASE
            1 | REDUCED   | true  | PROGRESSIVE_METABOLIC_DISEASE
            4 | REDUCED   | false | PARTIAL_METABOLIC_RESPONSE
            5 | REDUCED   | false | PARTIAL_METABOLIC_RESPONSE
            4 | NO_CHANGE | false | NO_METABOLIC_RESPONSE
            5 | NO_CHANGE | false | NO_METABOLIC_RESPONSE
            4 | INCREASED | false | PROGRESSIVE_METABOLIC_DISEASE
            5 | INCREASED | false | PROGRESSIVE_METABOLIC_DISEASE
            5 | REDUCED   | true  | PROGRESSIVE_METABOLIC_DISEASE
            """;

    /**
     * Lugano 2014 CT: baseline SPD mm² | current SPD mm² | all target nodes ≤ 15 mm | extralymphatic disease | new
     * lesions | individual lesion progression | category.
     */
    public static final String LUGANO_CT = """
            100  | 50    | false | false | false |       | PARTIAL_RESPONSE
            100  | 49.99 | false | false | false | false | PARTIAL_RESPONSE
            100  | 50.01 | false | false | false |       | STABLE_DISEASE
            0.3  | 0.15  | false | true  | false |       | PARTIAL_RESPONSE
            100  | 0     | true  | false | false |       | COMPLETE_RESPONSE
            100  | 90    | true  | false | false |       | COMPLETE_RESPONSE
            100  | 10    | true  | true  | false |       | PARTIAL_RESPONSE
            100  | 10    | false | false | true  |       | PROGRESSIVE_DISEASE
            100  | 0     | true  | false | false | true  | PROGRESSIVE_DISEASE
            100  | 200   | false | false | false | false | STABLE_DISEASE
            2500 | 1250  | false | true  | false | false | PARTIAL_RESPONSE
            """;

    /**
     * IMWG 2016: baseline, current, nadir serum M-protein g/dL | baseline, current, nadir urine M-protein mg/24 h |
     * serum IFE negative | urine IFE negative | only by IFE | marrow plasma cells % | soft-tissue plasmacytomas | FLC
     * ratio normal | clonal plasma cells in marrow | new bone lesions or plasmacytomas | category.
     */
    public static final String IMWG = """
            3.0 | 1.5  | 1.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            3.0 | 1.49 | 1.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | PARTIAL_RESPONSE
            3.0 | 2.5  | 2.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            3.0 | 2.49 | 2.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            3.0 | 0.9  | 0.4 | 0    | 0    |     | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            3.0 | 0.89 | 0.4 | 0    | 0    |     | false | false |       |      |       |       |       |       | PARTIAL_RESPONSE
            5.0 | 4.99 | 4.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            5.0 | 5.0  | 4.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            8.0 | 7.0  | 6.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            8.0 | 6.99 | 6.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            6.0 | 6.0  | 5.0 | 0    | 0    |     | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            6.0 | 5.9  | 4.9 | 0    | 0    |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            2.0 | 2.5  |     | 0    | 0    |     | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            2.0 | 2.49 |     | 0    | 0    |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            3.0 | 3.0  |     | 1000 | 1000 | 800 | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            3.0 | 3.0  |     | 1000 | 999  | 800 | false | false |       |      |       |       |       |       | STABLE_DISEASE
            3.0 | 3.0  |     | 1000 | 300  | 100 | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            3.0 | 3.0  |     | 1000 | 299  | 100 | false | false |       |      |       |       |       |       | STABLE_DISEASE
            3.0 | 3.0  |     | 0    | 200  |     | false | false |       |      |       |       |       |       | PROGRESSIVE_DISEASE
            3.0 | 3.0  |     | 0    | 199  |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       |      |       |       |       | true  | PROGRESSIVE_DISEASE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       | 4.99 |       |       |       |       | COMPLETE_RESPONSE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       | 4.99 |       | true  | false |       | STRINGENT_COMPLETE_RESPONSE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       | 0    | false | true  | true  |       | COMPLETE_RESPONSE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       | 0    | false | false | false |       | COMPLETE_RESPONSE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       | 0    | false |       | false |       | COMPLETE_RESPONSE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       | 5    |       | true  | false |       | VERY_GOOD_PARTIAL_RESPONSE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       |      |       | true  | false |       | VERY_GOOD_PARTIAL_RESPONSE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | true  |       | 1    | true  | true  | false |       | VERY_GOOD_PARTIAL_RESPONSE
            3.0 | 0    | 0   | 0    | 0    | 0   | true  | false |       | 1    |       |       |       |       | VERY_GOOD_PARTIAL_RESPONSE
            3.0 | 0.3  |     | 500  | 99   |     | false | false |       |      |       |       |       |       | VERY_GOOD_PARTIAL_RESPONSE
            3.0 | 0.3  |     | 500  | 100  |     | false | false |       |      |       |       |       |       | PARTIAL_RESPONSE
            3.0 | 0.31 |     | 0    | 0    |     | false | false |       |      |       |       |       |       | PARTIAL_RESPONSE
            3.0 | 0.5  |     | 0    | 0    |     | false | false | true  |      |       |       |       |       | VERY_GOOD_PARTIAL_RESPONSE
            3.0 | 1.5  |     | 3000 | 300  |     | false | false |       |      |       |       |       |       | PARTIAL_RESPONSE
            3.0 | 1.5  |     | 3000 | 301  |     | false | false |       |      |       |       |       |       | MINIMAL_RESPONSE
            3.0 | 1.5  |     | 1000 | 199  |     | false | false |       |      |       |       |       |       | PARTIAL_RESPONSE
            3.0 | 1.51 |     | 0    | 0    |     | false | false |       |      |       |       |       |       | MINIMAL_RESPONSE
            4.0 | 3.0  |     | 0    | 0    |     | false | false |       |      |       |       |       |       | MINIMAL_RESPONSE
            4.0 | 3.01 |     | 0    | 0    |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            4.0 | 3.0  |     | 400  | 200  |     | false | false |       |      |       |       |       |       | MINIMAL_RESPONSE
            4.0 | 3.0  |     | 400  | 201  |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            4.0 | 3.0  |     | 199  | 199  |     | false | false |       |      |       |       |       |       | MINIMAL_RESPONSE
            4.0 | 4.0  |     | 0    | 0    |     | false | false |       |      |       |       |       |       | STABLE_DISEASE
            4.0 | 4.0  |     | 0    | 0    |     | false | false |       |      |       |       |       | false | STABLE_DISEASE
            """;

    private ResponseCases() {
    }
}
