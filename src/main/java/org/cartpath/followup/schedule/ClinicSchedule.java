package org.cartpath.followup.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A centre's clinic visits after an infusion, as data (the catalogue's follow-up parameters, or a centre's own for a
 * product): visits on the listed days after day 0, then one a year on the anniversary of day 0 from the year after
 * the last listed day up to {@code yearlyToYear}. These are the centre's working schedule, not a registry rule
 * (docs/clinical/follow-up-schedule.md).
 *
 * @param days         the days after day 0, ascending, each at least 1
 * @param yearlyToYear the last yearly visit (0: none)
 */
public record ClinicSchedule(List<Integer> days, int yearlyToYear) {

    /** Weekly to day 28, then day 56, 90, 180, 270, 365, then yearly to year 15. */
    public static final ClinicSchedule DEFAULT = new ClinicSchedule(List.of(7, 14, 21, 28, 56, 90, 180, 270, 365), 15);

    public ClinicSchedule {
        days = List.copyOf(days);
        int previous = 0;
        for (int day : days) {
            if (day <= previous) {
                throw new IllegalArgumentException("clinic visit days must be ascending and after day 0: " + days);
            }
            previous = day;
        }
        if (yearlyToYear < 0 || yearlyToYear > 15) {
            throw new IllegalArgumentException("yearly visits run to year 15 at most: " + yearlyToYear);
        }
    }

    /** A clinic visit: its key ("DAY_7", "YEAR_2"), its name for people and its date. */
    public record Visit(String key, String label, LocalDate dueDate) {
    }

    public List<Visit> visits(LocalDate dayZero) {
        List<Visit> visits = new ArrayList<>();
        for (int day : days) {
            visits.add(new Visit("DAY_" + day, "Day " + day, dayZero.plusDays(day)));
        }
        // the yearly visits start in the year after the last listed day (day 365 is year 1's visit)
        int firstYear = days.isEmpty() ? 1 : days.get(days.size() - 1) / 365 + 1;
        for (int year = firstYear; year <= yearlyToYear; year++) {
            visits.add(new Visit("YEAR_" + year, "Year " + year, dayZero.plusYears(year)));
        }
        return visits;
    }
}
