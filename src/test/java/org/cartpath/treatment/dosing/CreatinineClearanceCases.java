package org.cartpath.treatment.dosing;

/**
 * Worked Cockcroft–Gault clearances, run against {@link CreatinineClearance} ({@code CreatinineClearanceTest})
 * and the API ({@code DosingCalculatorApiIT}); expected values computed by hand from the formula and rounded
 * half up to 0.1 mL/min. E.g. (140 − 60) × 60 / (72 × 1.0) × 0.85 = 56.67; (140 − 60) × 60 × 1.04 / 88.4 = 56.47.
 */
public final class CreatinineClearanceCases {

    /** ageYears | weightKg | sex | serum creatinine | unit (MG_PER_DL or UMOL_PER_L) | mlPerMin */
    public static final String CLEARANCES = """
            60 | 60 | FEMALE | 1.0  | MG_PER_DL  | 56.7
            60 | 60 | MALE   | 1.0  | MG_PER_DL  | 66.7
            30 | 80 | MALE   | 0.8  | MG_PER_DL  | 152.8
            75 | 50 | FEMALE | 1.4  | MG_PER_DL  | 27.4
            60 | 60 | FEMALE | 88.4 | UMOL_PER_L | 56.5
            60 | 60 | MALE   | 88.4 | UMOL_PER_L | 66.8
            30 | 80 | MALE   | 70   | UMOL_PER_L | 154.6
            75 | 50 | FEMALE | 124  | UMOL_PER_L | 27.3
            """;

    /** ageYears | weightKg | serum creatinine | unit | the field refused */
    public static final String REFUSED = """
            -1  | 60  | 1.0  | MG_PER_DL  | ageYears
            121 | 60  | 1.0  | MG_PER_DL  | ageYears
            60  | 0.4 | 1.0  | MG_PER_DL  | weightKg
            60  | 351 | 1.0  | MG_PER_DL  | weightKg
            60  | 60  | 0    | MG_PER_DL  | serumCreatinineMgPerDl
            60  | 60  | 20.1 | MG_PER_DL  | serumCreatinineMgPerDl
            60  | 60  | -5   | UMOL_PER_L | serumCreatinineUmolPerL
            60  | 60  | 1801 | UMOL_PER_L | serumCreatinineUmolPerL
            """;

    private CreatinineClearanceCases() {
    }
}
