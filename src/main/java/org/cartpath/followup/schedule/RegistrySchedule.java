package org.cartpath.followup.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The registry time points of a track from day 0 (the infusion date): docs/clinical/follow-up-schedule.md.
 *
 * <p>CIBMTR, Form 4100 (Cellular Therapy Essential Data Follow-Up), "approximate range" of the date of contact:
 * day 100 is due on day 100, window day 85 to day 115; 6 months on day 180, window day 150 to 210; year 1 on day
 * 365, window day 365 to 425; year n (n ≥ 2) on the n-th calendar anniversary of day 0, window ± 30 days. A 29
 * February anniversary falls on 28 February in a year that has none. Windows include both ends. EBMT: the same due
 * dates, no windows (EBMT publishes none). Day N is day 0 + N calendar days.
 */
public final class RegistrySchedule {

    private RegistrySchedule() {
    }

    public static List<RegistryTimepoint> timepoints(LocalDate dayZero, RegistryTrack track) {
        Objects.requireNonNull(dayZero, "dayZero");
        Objects.requireNonNull(track, "track");
        return track.timepoints().stream().map(name -> timepoint(dayZero, track, name)).toList();
    }

    static RegistryTimepoint timepoint(LocalDate dayZero, RegistryTrack track, RegistryTimepointName name) {
        LocalDate due;
        LocalDate start;
        LocalDate end;
        switch (name.code()) {
            case "DAY_100" -> {
                due = dayZero.plusDays(100);
                start = dayZero.plusDays(85);
                end = dayZero.plusDays(115);
            }
            case "MONTH_6" -> {
                due = dayZero.plusDays(180);
                start = dayZero.plusDays(150);
                end = dayZero.plusDays(210);
            }
            default -> {
                if (name.year() == 1) {
                    due = dayZero.plusDays(365);
                    start = dayZero.plusDays(365);
                    end = dayZero.plusDays(425);
                } else {
                    // LocalDate.plusYears moves 29 February to 28 February in a year without it
                    due = dayZero.plusYears(name.year());
                    start = due.minusDays(30);
                    end = due.plusDays(30);
                }
            }
        }
        return track.hasWindows() ? new RegistryTimepoint(name, due, start, end)
                : new RegistryTimepoint(name, due, null, null);
    }
}
