package org.cartpath.scheduling.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.scheduling.BookingPlan;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;

/**
 * Plans every step after apheresis from the booked apheresis day and manufacturing slot (docs/clinical/lead-times.md).
 * Shipments travel on calendar days but a site receives and ships only on its working days (weekdays that are
 * not its holidays); manufacturing and release testing run on calendar days; lymphodepletion starts a set
 * number of days after the product is back and the infusion window follows the label's regimen
 * (docs/clinical/lymphodepletion-timing.md). The plan is a target, not a promise: the manufacturer's own dates win when they come.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * The plan of a booking.
     *
     * @param apheresis the apheresis day, or null for a re-manufacture from cells already at the site
     * @param slotStart the first day the slot accepts cells
     * @param slotEnd   the last day the slot accepts cells
     */
    public static BookingPlan plan(LocalDate apheresis, LocalDate slotStart, LocalDate slotEnd, PlanningLeadTimes times,
            LymphodepletionTiming lymphodepletion, SiteCalendar site) {
        List<PlannedStep> steps = new ArrayList<>();
        LocalDate manufacturingStart = slotStart;
        String slot = "slot " + range(slotStart, slotEnd);
        if (apheresis != null) {
            steps.add(new PlannedStep(PlanStep.APHERESIS, apheresis, apheresis, apheresis, "the booked apheresis day",
                    false, null));
            LocalDate arrival = cellsArrive(apheresis, times.shippingToSite(), site);
            String conflict = arrival.isAfter(slotEnd) ? "The cells arrive at the site on " + arrival
                    + ", after the last day of the " + slot + ": book a later slot or an earlier apheresis" : null;
            steps.add(new PlannedStep(PlanStep.SHIPMENT_TO_SITE, arrival, apheresis, arrival,
                    times.shippingToSite().describe("shipping") + moved(apheresis.plusDays(times.shippingToSite().days()),
                            arrival, site, "arrive"), times.shippingToSite().isDefault(), conflict));
            manufacturingStart = arrival.isAfter(slotStart) ? arrival : slotStart;
            LocalDate end = manufacturingStart.plusDays(times.manufacturing().days());
            steps.add(new PlannedStep(PlanStep.MANUFACTURING, manufacturingStart, manufacturingStart, end,
                    slot + "; " + times.manufacturing().describe("manufacturing"), times.manufacturing().isDefault(),
                    conflict));
        } else {
            LocalDate end = manufacturingStart.plusDays(times.manufacturing().days());
            steps.add(new PlannedStep(PlanStep.MANUFACTURING, manufacturingStart, manufacturingStart, end,
                    slot + " (re-manufacture from cells at the site); " + times.manufacturing().describe("manufacturing"),
                    times.manufacturing().isDefault(), null));
        }
        LocalDate manufacturingEnd = manufacturingStart.plusDays(times.manufacturing().days());
        LocalDate releaseDue = manufacturingEnd.plusDays(times.releaseTesting().days());
        LocalDate release = site.onOrAfter(releaseDue);
        steps.add(new PlannedStep(PlanStep.RELEASE, release, release, release,
                times.releaseTesting().describe("release testing") + moved(releaseDue, release, site, "ship"),
                times.releaseTesting().isDefault(), null));
        LocalDate receipt = release.plusDays(times.returnShipping().days());
        steps.add(new PlannedStep(PlanStep.RETURN_SHIPMENT, receipt, release, receipt,
                times.returnShipping().describe("return shipping"), times.returnShipping().isDefault(), null));
        LocalDate chemotherapyStart = receipt.plusDays(times.lymphodepletionAfterReceipt().days());
        LocalDate chemotherapyEnd = chemotherapyStart.plusDays(lymphodepletion.lastChemotherapyDay());
        boolean lymphodepletionDefault = lymphodepletion.isDefault() || times.lymphodepletionAfterReceipt().isDefault();
        steps.add(new PlannedStep(PlanStep.LYMPHODEPLETION, chemotherapyStart, chemotherapyStart, chemotherapyEnd,
                lymphodepletion.regimen() + " (" + (lymphodepletion.isDefault() ? "default: " : "") + lymphodepletion.source()
                        + "); starts " + after(times.lymphodepletionAfterReceipt(), "receipt of the product"),
                lymphodepletionDefault, null));
        LocalDate infusionFrom = chemotherapyEnd.plusDays(lymphodepletion.infusionFromAfterEnd());
        LocalDate infusionTo = chemotherapyEnd.plusDays(lymphodepletion.infusionToAfterEnd());
        steps.add(new PlannedStep(PlanStep.INFUSION, infusionFrom, infusionFrom, infusionTo,
                "infuse " + (lymphodepletion.infusionFromAfterEnd() == lymphodepletion.infusionToAfterEnd()
                        ? lymphodepletion.infusionFromAfterEnd() + " days"
                        : lymphodepletion.infusionFromAfterEnd() + " to " + lymphodepletion.infusionToAfterEnd() + " days")
                        + " after the last chemotherapy day (" + (lymphodepletion.isDefault() ? "default: " : "")
                        + lymphodepletion.source() + ")", lymphodepletionDefault, null));
        if (times.inpatientDays().days() > 0) {
            LocalDate lastBedDay = infusionFrom.plusDays(times.inpatientDays().days() - 1L);
            steps.add(new PlannedStep(PlanStep.INPATIENT, infusionFrom, infusionFrom, lastBedDay,
                    times.inpatientDays().describe("bed days from the infusion:"), times.inpatientDays().isDefault(),
                    null));
        }
        return new BookingPlan(steps);
    }

    /** The day cells collected on {@code apheresis} reach the site: after shipping, on a day the site receives. */
    public static LocalDate cellsArrive(LocalDate apheresis, LeadTime shipping, SiteCalendar site) {
        return site.onOrAfter(apheresis.plusDays(shipping.days()));
    }

    /**
     * The latest apheresis day from which cells still reach the site by {@code slotEnd}, or null if even an
     * apheresis {@code earliest} is too late.
     */
    public static LocalDate latestApheresisFor(LocalDate slotEnd, LocalDate earliest, LeadTime shipping, SiteCalendar site) {
        for (LocalDate d = slotEnd; !d.isBefore(earliest); d = d.minusDays(1)) {
            if (!cellsArrive(d, shipping, site).isAfter(slotEnd)) {
                return d;
            }
        }
        return null;
    }

    private static String moved(LocalDate due, LocalDate actual, SiteCalendar site, String verb) {
        if (due.equals(actual)) {
            return "";
        }
        List<String> skipped = new ArrayList<>();
        for (LocalDate d = due; d.isBefore(actual); d = d.plusDays(1)) {
            skipped.add(site.whyClosed(d));
        }
        return "; the site does not " + (verb.equals("arrive") ? "receive" : "ship") + " on " + String.join(", ", skipped)
                + ", so " + (verb.equals("arrive") ? "the cells arrive" : "the product is released") + " on " + actual;
    }

    private static String after(LeadTime time, String what) {
        return time.days() + (time.days() == 1 ? " day" : " days") + " after " + what + " ("
                + (time.isDefault() ? "default: " : "") + time.source() + ")";
    }

    private static String range(LocalDate from, LocalDate to) {
        return from.equals(to) ? from.toString() : from + " to " + to;
    }
}
