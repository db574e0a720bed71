package org.cartpath.monitoring.internal;

import java.math.BigDecimal;

/** Numbers as a clinician writes them: 38.0 as 38, 30.50 as 30.5, never 3E+1. */
public final class Numbers {

    private Numbers() {
    }

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
