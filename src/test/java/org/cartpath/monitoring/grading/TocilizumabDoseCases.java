package org.cartpath.monitoring.grading;

/**
 * The tocilizumab-for-CRS table (Actemra/RoActemra label), run against {@link TocilizumabDose}
 * ({@code TocilizumabDoseTest}) and the API ({@code ToxicityCalculatorApiIT}).
 */
public final class TocilizumabDoseCases {

    /** weightKg | doseMg | mgPerKg | capped */
    public static final String DOSES = """
            24    | 288   | 12 | false
            29.9  | 358.8 | 12 | false
            30    | 240   | 8  | false
            24.35 | 292.2 | 12 | false
            0.5   | 6     | 12 | false
            70    | 560   | 8  | false
            100   | 800   | 8  | false
            100.1 | 800   | 8  | true
            120   | 800   | 8  | true
            350   | 800   | 8  | true
            """;

    /** weightKg outside 0.5–350 kg */
    public static final String REFUSED = """
            0.4
            0
            -3
            350.1
            """;

    private TocilizumabDoseCases() {
    }
}
