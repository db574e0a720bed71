package org.cartpath.scheduling.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/**
 * The days a manufacturing site receives and ships cells: weekdays, except its holidays (capacity exceptions
 * with no slots). Manufacturing itself runs every day once started.
 *
 * @param closedDays the site's holidays and their reasons
 */
public record SiteCalendar(Map<LocalDate, String> closedDays) {

    public SiteCalendar {
        closedDays = Map.copyOf(closedDays);
    }

    public static SiteCalendar weekdays() {
        return new SiteCalendar(Map.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !closedDays.containsKey(day);
    }

    /** The day itself if the site works then, else the next day it does. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        for (int i = 0; i < 366 && !isWorkingDay(d); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Why a day is not a working day, for the plan's basis: "Saturday", or the holiday's reason. */
    public String whyClosed(LocalDate day) {
        String reason = closedDays.get(day);
        if (reason != null) {
            return "site closed " + day + ": " + reason;
        }
        return day + " is a " + day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
    }
}
