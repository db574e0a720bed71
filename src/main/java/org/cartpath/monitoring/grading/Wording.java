package org.cartpath.monitoring.grading;

import java.math.BigDecimal;
import java.util.List;

/** How the graders' explanations write lists and numbers. */
final class Wording {

    private Wording() {
    }

    /** "a", "a and b", "a, b and c". */
    static String listed(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** 39.10 as "39.1" and 38.0 as "38": as a clinician writes it. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
