package org.cartpath.treatment.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cartpath.shared.ProblemException;

/**
 * Body surface area for dosing per m², rounded to 0.001 m² (half up). Which formula a centre doses by is the
 * pharmacy's choice, recorded with the dose; Mosteller is the default.
 *
 * @param squareMetres the area in m²
 * @param formula      the formula it was calculated by
 */
public record BodySurfaceArea(BigDecimal squareMetres, Formula formula) {

    public enum Formula {
        /** Mosteller RD, "Simplified calculation of body-surface area", N Engl J Med 1987;317(17):1098. */
        MOSTELLER {
            @Override
            double squareMetres(double heightCm, double weightKg) {
                return Math.sqrt(heightCm * weightKg / 3600);
            }
        },
        /** Du Bois D, Du Bois EF, Arch Intern Med 1916;17:863–871. */
        DUBOIS {
            @Override
            double squareMetres(double heightCm, double weightKg) {
                return 0.007184 * Math.pow(heightCm, 0.725) * Math.pow(weightKg, 0.425);
            }
        },
        /** Haycock GB, Schwartz GJ, Wisotsky DH, J Pediatr 1978;93(1):62–66; validated in infants and children. */
        HAYCOCK {
            @Override
            double squareMetres(double heightCm, double weightKg) {
                return 0.024265 * Math.pow(heightCm, 0.3964) * Math.pow(weightKg, 0.5378);
            }
        };

        abstract double squareMetres(double heightCm, double weightKg);
    }

    public static BodySurfaceArea of(Formula formula, BigDecimal heightCm, BigDecimal weightKg) {
        if (formula == null) {
            throw ProblemException.invalid("formula", "is required");
        }
        double height = MeasurementLimits.heightCm(heightCm).doubleValue();
        double weight = MeasurementLimits.weightKg(weightKg).doubleValue();
        BigDecimal area = BigDecimal.valueOf(formula.squareMetres(height, weight)).setScale(3, RoundingMode.HALF_UP);
        return new BodySurfaceArea(area, formula);
    }
}
