package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.List;
import org.cartpath.journey.CaseId;

/** The shapes of the calendars (ADR 0015): a centre's week, a manufacturer's week, utilisation per week. */
public final class Calendars {

    private Calendars() {
    }

    /** A case on a day of a centre's calendar. */
    public record CaseMark(CaseId caseId, String caseReference, String productCode, boolean conflict) {
    }

    /** One day of a centre: its apheresis chairs and the cases collected, lymphodepleted, infused or in a bed. */
    public record CentreDay(LocalDate day, ApheresisDay apheresis, List<CaseMark> collections,
            List<CaseMark> lymphodepletion, List<CaseMark> infusions, List<CaseMark> inpatients) {
    }

    public record CentreWeek(LocalDate weekStart, List<CentreDay> days) {
    }

    /** A centre's week in figures: chairs available and used, infusions planned, bed days planned. */
    public record CentreUtilisation(LocalDate weekStart, int chairs, int chairsUsed, int collections, int infusions,
            int bedDays) {
        public int percentUsed() {
            return chairs == 0 ? 0 : Math.round(100f * chairsUsed / chairs);
        }
    }

    /** Slots of one window, site and product, with the bookings that hold them. */
    public record SlotRow(LocalDate windowStart, LocalDate windowEnd, String siteCode, String siteName, String productCode,
            int slots, int free, int offered, List<ManufacturerBooking> bookings) {
    }

    public record ManufacturerWeek(LocalDate weekStart, List<SlotRow> rows) {
    }

    /** A manufacturer's week in figures: slots published, booked, offered to a waiting case, free. */
    public record ManufacturerUtilisation(LocalDate weekStart, int slots, int booked, int offered, int free) {
        public int percentBooked() {
            return slots == 0 ? 0 : Math.round(100f * booked / slots);
        }
    }
}
