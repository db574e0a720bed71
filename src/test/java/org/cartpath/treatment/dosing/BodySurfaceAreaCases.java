package org.cartpath.treatment.dosing;

/**
 * Worked body surface areas, run against {@link BodySurfaceArea} ({@code BodySurfaceAreaTest}) and the API
 * ({@code DosingCalculatorApiIT}). The expected values were computed independently of the code, with
 * {@code bc -l} and Python's {@code math}, from the published formulas, then rounded half up to 0.001 m².
 */
public final class BodySurfaceAreaCases {

    /** heightCm | weightKg | formula | bsaM2 */
    public static final String AREAS = """
            120 | 24  | MOSTELLER | 0.894
            120 | 24  | DUBOIS    | 0.892
            120 | 24  | HAYCOCK   | 0.894
            170 | 70  | MOSTELLER | 1.818
            170 | 70  | DUBOIS    | 1.810
            170 | 70  | HAYCOCK   | 1.826
            180 | 80  | MOSTELLER | 2.000
            180 | 80  | DUBOIS    | 1.996
            180 | 80  | HAYCOCK   | 2.007
            50  | 3.5 | MOSTELLER | 0.220
            50  | 3.5 | DUBOIS    | 0.209
            50  | 3.5 | HAYCOCK   | 0.224
            """;

    /** heightCm | weightKg | the field refused */
    public static final String REFUSED = """
            29.9  | 24    | heightCm
            250.1 | 24    | heightCm
            120   | 0.4   | weightKg
            120   | 350.1 | weightKg
            """;

    private BodySurfaceAreaCases() {
    }
}
