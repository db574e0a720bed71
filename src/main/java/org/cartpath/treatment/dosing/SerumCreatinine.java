package org.cartpath.treatment.dosing;

import java.math.BigDecimal;
import org.cartpath.shared.ProblemException;

/**
 * A serum creatinine result in the unit the laboratory reported it in. The upper limits (20 mg/dL, about
 * 1800 µmol/L) are input sanity, not clinical rules: beyond them the value is a typing error or the wrong unit.
 */
public record SerumCreatinine(BigDecimal value, Unit unit) {

    public enum Unit {
        MG_PER_DL("serumCreatinineMgPerDl", new BigDecimal("20")),
        UMOL_PER_L("serumCreatinineUmolPerL", new BigDecimal("1800"));

        private final String field;
        private final BigDecimal highest;

        Unit(String field, BigDecimal highest) {
            this.field = field;
            this.highest = highest;
        }

        /** The name of the field that carries a result in this unit. */
        public String field() {
            return field;
        }
    }

    public SerumCreatinine {
        if (unit == null) {
            throw new IllegalArgumentException("a creatinine result needs its unit");
        }
        if (value == null) {
            throw ProblemException.invalid(unit.field(), "is required");
        }
        if (value.signum() <= 0) {
            throw ProblemException.invalid(unit.field(), "must be more than 0");
        }
        if (value.compareTo(unit.highest) > 0) {
            throw ProblemException.invalid(unit.field(), "must be at most " + unit.highest.toPlainString()
                    + "; check the unit");
        }
    }
}
