package org.cartpath.monitoring.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The follow-up periods registries report toxicity by (EBMT cellular therapy Day-100, 6-month and annual
 * forms; CIBMTR form 4100 at day 100, 6 months and yearly; docs/clinical/follow-up.md): day 0 to
 * day 100, day 101 to 6 months, 6 months to 1 year, then each following year. Each period ends on its last day inclusive.
 */
public final class RegistryPeriods {

    public record Period(String label, LocalDate from, LocalDate to) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private RegistryPeriods() {
    }

    /** The periods from day 0 up to and including the one that holds {@code until}. */
    public static List<Period> upTo(LocalDate dayZero, LocalDate until) {
        List<Period> periods = new ArrayList<>();
        periods.add(new Period("Day 0 to day 100", dayZero, dayZero.plusDays(100)));
        periods.add(new Period("Day 101 to 6 months", dayZero.plusDays(101), dayZero.plusMonths(6)));
        periods.add(new Period("6 months to 1 year", dayZero.plusMonths(6).plusDays(1), dayZero.plusYears(1)));
        int year = 2;
        while (periods.get(periods.size() - 1).to().isBefore(until)) {
            periods.add(new Period("Year " + year, dayZero.plusYears(year - 1L).plusDays(1), dayZero.plusYears(year)));
            year++;
        }
        List<Period> upTo = new ArrayList<>();
        for (Period period : periods) {
            upTo.add(period);
            if (!period.to().isBefore(until)) {
                break;
            }
        }
        return upTo;
    }
}
