package org.cartpath.followup.schedule;

import java.util.Objects;

/**
 * A registry time point's name: {@code DAY_100}, {@code MONTH_6} or {@code YEAR_n} (n from 1 to 15).
 *
 * @param year the n of {@code YEAR_n}; 0 for day 100 and month 6
 */
public record RegistryTimepointName(String code, int year) {

    public RegistryTimepointName {
        Objects.requireNonNull(code);
    }

    public static RegistryTimepointName day100() {
        return new RegistryTimepointName("DAY_100", 0);
    }

    public static RegistryTimepointName month6() {
        return new RegistryTimepointName("MONTH_6", 0);
    }

    public static RegistryTimepointName year(int n) {
        if (n < 1 || n > 15) {
            throw new IllegalArgumentException("a registry year runs from 1 to 15: " + n);
        }
        return new RegistryTimepointName("YEAR_" + n, n);
    }

    /** The name for people: "Day 100", "6 months", "Year 2". */
    public String label() {
        return switch (code) {
            case "DAY_100" -> "Day 100";
            case "MONTH_6" -> "6 months";
            default -> "Year " + year;
        };
    }

    /** The name from its code, or empty for a code that is not a registry time point. */
    public static java.util.Optional<RegistryTimepointName> parse(String code) {
        if ("DAY_100".equals(code)) {
            return java.util.Optional.of(day100());
        }
        if ("MONTH_6".equals(code)) {
            return java.util.Optional.of(month6());
        }
        if (code != null && code.matches("YEAR_([1-9]|1[0-5])")) {
            return java.util.Optional.of(year(Integer.parseInt(code.substring(5))));
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
