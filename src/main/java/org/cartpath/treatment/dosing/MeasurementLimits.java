package org.cartpath.treatment.dosing;

import java.math.BigDecimal;
import org.cartpath.shared.ProblemException;

/**
 * The ranges a measurement must fall in before a formula uses it. They are input sanity, not clinical rules,
 * and cite no source: a value outside them is a typing error or the wrong unit, not a patient.
 */
final class MeasurementLimits {

    private static final BigDecimal LIGHTEST_KG = new BigDecimal("0.5");
    private static final BigDecimal HEAVIEST_KG = new BigDecimal("350");
    private static final BigDecimal SHORTEST_CM = new BigDecimal("30");
    private static final BigDecimal TALLEST_CM = new BigDecimal("250");

    private MeasurementLimits() {
    }

    static BigDecimal weightKg(BigDecimal weightKg) {
        return within("weightKg", weightKg, LIGHTEST_KG, HEAVIEST_KG, "must be between 0.5 and 350 kg");
    }

    static BigDecimal heightCm(BigDecimal heightCm) {
        return within("heightCm", heightCm, SHORTEST_CM, TALLEST_CM, "must be between 30 and 250 cm");
    }

    static int ageYears(int ageYears) {
        if (ageYears < 0 || ageYears > 120) {
            throw ProblemException.invalid("ageYears", "must be between 0 and 120");
        }
        return ageYears;
    }

    private static BigDecimal within(String field, BigDecimal value, BigDecimal lowest, BigDecimal highest,
            String message) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
        if (value.compareTo(lowest) < 0 || value.compareTo(highest) > 0) {
            throw ProblemException.invalid(field, message);
        }
        return value;
    }
}
