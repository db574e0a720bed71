package org.cartpath.scheduling.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.cartpath.scheduling.BookingPlan;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plan from an apheresis day and a slot, across weekends and site holidays. Dates are in December 2026:
 * Friday 25 is Christmas Day and Monday 28 the Boxing Day bank holiday (substitute); 1 January 2027 is a Friday.
 */
class PlannerTest {

    /** Kymriah-like: shipping 2 days, manufacture and release 28 days together, return 2 days (label and defaults). */
    static final PlanningLeadTimes KYMRIAH = new PlanningLeadTimes(LeadTime.byDefault(2, "centre default — check"),
            LeadTime.fromLabel(28, "label"), LeadTime.byDefault(0, "in manufacturing"), LeadTime.byDefault(2, "centre default — check"),
            LeadTime.byDefault(1, "centre default — check"), LeadTime.byDefault(14, "centre default — check"));
    /** Fludarabine days 0–3, infuse 2 to 14 days after (Kymriah B-ALL, docs/clinical/lymphodepletion-timing.md). */
    static final LymphodepletionTiming FLU_CY = new LymphodepletionTiming("Fludarabine and cyclophosphamide", 3, 2, 14,
            "label", false);
    /** Cyclophosphamide and fludarabine on days −5 to −3 before infusion (Yescarta). */
    static final LymphodepletionTiming DAYS_BEFORE_INFUSION = new LymphodepletionTiming("Cy/Flu", 2, 3, 3, "label", false);
    static final SiteCalendar CHRISTMAS = new SiteCalendar(Map.of(
            d("2026-12-25"), "Christmas Day", d("2026-12-28"), "Boxing Day (substitute)", d("2027-01-01"), "New Year's Day"));

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    @ParameterizedTest(name = "apheresis {0}, slot {1}–{2}: cells arrive {3}, manufacturing from {4}, fits {5}")
    @CsvSource({
            // a weekday with no holiday: cells arrive two days later, wait for the slot
            "2026-11-30, 2026-12-03, 2026-12-03, 2026-12-02, 2026-12-03, true",
            // arrival on a weekday inside the slot day
            "2026-12-01, 2026-12-03, 2026-12-03, 2026-12-03, 2026-12-03, true",
            // Thursday + 2 is Saturday: the site receives on Monday
            "2026-12-03, 2026-12-07, 2026-12-07, 2026-12-07, 2026-12-07, true",
            // Friday + 2 is Sunday: still Monday
            "2026-12-04, 2026-12-07, 2026-12-07, 2026-12-07, 2026-12-07, true",
            // Monday + 2 is Wednesday: too late for Monday's slot
            "2026-12-07, 2026-12-07, 2026-12-07, 2026-12-09, 2026-12-09, false",
            // the weekend pushes a Thursday collection past a Friday slot
            "2026-12-03, 2026-12-04, 2026-12-04, 2026-12-07, 2026-12-07, false",
            // Wednesday 23 + 2 is Christmas Day; the site is closed until Tuesday 29
            "2026-12-23, 2026-12-29, 2026-12-31, 2026-12-29, 2026-12-29, true",
            // Thursday 24 + 2 is Saturday: Monday 28 is a holiday too, so Tuesday 29
            "2026-12-24, 2026-12-29, 2026-12-31, 2026-12-29, 2026-12-29, true",
            // the last apheresis day that reaches a week ending Thursday 31
            "2026-12-29, 2026-12-29, 2026-12-31, 2026-12-31, 2026-12-31, true",
            // Wednesday 30 + 2 is New Year's Day: Monday 4 January, after the week's slot
            "2026-12-30, 2026-12-29, 2026-12-31, 2027-01-04, 2027-01-04, false",
            // the slot before Christmas is out of reach from the 23rd
            "2026-12-23, 2026-12-24, 2026-12-24, 2026-12-29, 2026-12-29, false"})
    void cellsArriveOnASiteWorkingDayAndTheSlotFitsOnlyIfTheyArriveByItsLastDay(LocalDate apheresis, LocalDate slotStart,
            LocalDate slotEnd, LocalDate arrival, LocalDate manufacturingStart, boolean fits) {
        BookingPlan plan = Planner.plan(apheresis, slotStart, slotEnd, KYMRIAH, FLU_CY, CHRISTMAS);
        assertThat(plan.step(PlanStep.SHIPMENT_TO_SITE).orElseThrow().plannedOn()).isEqualTo(arrival);
        assertThat(plan.step(PlanStep.MANUFACTURING).orElseThrow().plannedOn()).isEqualTo(manufacturingStart);
        assertThat(plan.fits()).isEqualTo(fits);
        if (!fits) {
            assertThat(plan.conflicts()).extracting(PlannedStep::step)
                    .containsExactly(PlanStep.SHIPMENT_TO_SITE, PlanStep.MANUFACTURING);
            assertThat(plan.conflicts().get(0).conflict()).contains("arrive at the site on " + arrival)
                    .contains("after the last day");
        }
    }

    @Test
    void everyLaterStepFollowsTheLeadTimesTheRegimenAndTheBedDays() {
        BookingPlan plan = Planner.plan(d("2026-11-30"), d("2026-12-03"), d("2026-12-03"), KYMRIAH, FLU_CY, CHRISTMAS);
        assertThat(plan.steps()).extracting(PlannedStep::step).containsExactly(PlanStep.APHERESIS, PlanStep.SHIPMENT_TO_SITE,
                PlanStep.MANUFACTURING, PlanStep.RELEASE, PlanStep.RETURN_SHIPMENT, PlanStep.LYMPHODEPLETION,
                PlanStep.INFUSION, PlanStep.INPATIENT);
        assertStep(plan, PlanStep.APHERESIS, "2026-11-30", "2026-11-30", "2026-11-30");
        assertStep(plan, PlanStep.SHIPMENT_TO_SITE, "2026-12-02", "2026-11-30", "2026-12-02");
        assertStep(plan, PlanStep.MANUFACTURING, "2026-12-03", "2026-12-03", "2026-12-31");
        assertStep(plan, PlanStep.RELEASE, "2026-12-31", "2026-12-31", "2026-12-31");
        // return shipping 2 days: received Saturday 2 January (the centre receives any day)
        assertStep(plan, PlanStep.RETURN_SHIPMENT, "2027-01-02", "2026-12-31", "2027-01-02");
        // chemotherapy starts the day after receipt, fludarabine on days 0 to 3
        assertStep(plan, PlanStep.LYMPHODEPLETION, "2027-01-03", "2027-01-03", "2027-01-06");
        // infuse 2 to 14 days after the last chemotherapy day
        assertStep(plan, PlanStep.INFUSION, "2027-01-08", "2027-01-08", "2027-01-20");
        // 14 bed days from the infusion
        assertStep(plan, PlanStep.INPATIENT, "2027-01-08", "2027-01-08", "2027-01-21");
    }

    @Test
    void releaseFallingOnAHolidayWeekendShipsOnTheNextWorkingDay() {
        // manufacturing from Friday 27 November + 28 days ends on Christmas Day
        BookingPlan plan = Planner.plan(d("2026-11-24"), d("2026-11-27"), d("2026-11-27"), KYMRIAH, FLU_CY, CHRISTMAS);
        PlannedStep release = plan.step(PlanStep.RELEASE).orElseThrow();
        assertThat(release.plannedOn()).isEqualTo(d("2026-12-29"));
        assertThat(release.basis()).contains("Christmas Day").contains("Boxing Day (substitute)").contains("Saturday")
                .contains("released on 2026-12-29");
    }

    @Test
    void aRegimenCountedBackFromTheInfusionFixesTheInfusionDay() {
        BookingPlan plan = Planner.plan(d("2026-11-30"), d("2026-12-03"), d("2026-12-03"), KYMRIAH, DAYS_BEFORE_INFUSION,
                SiteCalendar.weekdays());
        // receipt Saturday 2 January, chemotherapy 3 to 5 January (days −5 to −3), infusion day 0 on 8 January
        assertStep(plan, PlanStep.LYMPHODEPLETION, "2027-01-03", "2027-01-03", "2027-01-05");
        assertStep(plan, PlanStep.INFUSION, "2027-01-08", "2027-01-08", "2027-01-08");
    }

    @Test
    void movingApheresisEarlierKeepsTheDownstreamDatesOfTheSlotAndLaterPastTheWeekendBreaksIt() {
        LocalDate slot = d("2026-12-07");
        BookingPlan booked = Planner.plan(d("2026-12-03"), slot, slot, KYMRIAH, FLU_CY, CHRISTMAS);
        BookingPlan earlier = Planner.plan(d("2026-12-01"), slot, slot, KYMRIAH, FLU_CY, CHRISTMAS);
        BookingPlan laterSameWeek = Planner.plan(d("2026-12-04"), slot, slot, KYMRIAH, FLU_CY, CHRISTMAS);
        BookingPlan laterPastWeekend = Planner.plan(d("2026-12-07"), slot, slot, KYMRIAH, FLU_CY, CHRISTMAS);
        assertThat(earlier.fits()).isTrue();
        assertThat(earlier.step(PlanStep.SHIPMENT_TO_SITE).orElseThrow().plannedOn()).isEqualTo(d("2026-12-03"));
        assertThat(earlier.step(PlanStep.INFUSION)).isEqualTo(booked.step(PlanStep.INFUSION));
        assertThat(laterSameWeek.fits()).isTrue();
        assertThat(laterSameWeek.step(PlanStep.INFUSION)).isEqualTo(booked.step(PlanStep.INFUSION));
        assertThat(laterPastWeekend.fits()).isFalse();
        assertThat(laterPastWeekend.step(PlanStep.INFUSION).orElseThrow().plannedOn())
                .isAfter(booked.step(PlanStep.INFUSION).orElseThrow().plannedOn());
    }

    @ParameterizedTest(name = "slot ending {0}: latest apheresis {1}")
    @CsvSource({
            "2026-12-07, 2026-12-05",   // Saturday + 2 = Monday; Sunday + 2 = Tuesday is too late
            "2026-12-09, 2026-12-07",
            "2026-12-31, 2026-12-29",   // Tuesday + 2 = Thursday 31
            "2026-12-29, 2026-12-27",   // Sunday + 2 = Tuesday 29; Monday 28 + 2 = Wednesday 30 is too late
            "2026-12-28, 2026-12-22",   // the 23rd + 2 is Christmas Day: its cells arrive on the 29th, too late
            "2027-01-04, 2027-01-02"})  // Saturday + 2 = Monday 4; the centre's own days are checked elsewhere
    void theLatestApheresisThatStillReachesTheSlot(LocalDate slotEnd, LocalDate latest) {
        assertThat(Planner.latestApheresisFor(slotEnd, d("2026-11-01"), KYMRIAH.shippingToSite(), CHRISTMAS)).isEqualTo(latest);
    }

    @Test
    void noApheresisDayReachesASlotThatEndsBeforeTheEarliestArrival() {
        assertThat(Planner.latestApheresisFor(d("2026-12-02"), d("2026-12-01"), KYMRIAH.shippingToSite(), CHRISTMAS)).isNull();
    }

    @Test
    void aRemanufacturePlansFromTheSlotWithoutApheresisOrShipment() {
        BookingPlan plan = Planner.plan(null, d("2026-12-03"), d("2026-12-03"), KYMRIAH, FLU_CY, CHRISTMAS);
        assertThat(plan.steps()).extracting(PlannedStep::step).doesNotContain(PlanStep.APHERESIS, PlanStep.SHIPMENT_TO_SITE);
        assertStep(plan, PlanStep.MANUFACTURING, "2026-12-03", "2026-12-03", "2026-12-31");
        assertThat(plan.fits()).isTrue();
    }

    @Test
    void stepsRestingOnDefaultsAreMarked() {
        BookingPlan plan = Planner.plan(d("2026-11-30"), d("2026-12-03"), d("2026-12-03"), KYMRIAH, FLU_CY, CHRISTMAS);
        assertThat(plan.step(PlanStep.SHIPMENT_TO_SITE).orElseThrow().usesDefault()).isTrue();
        assertThat(plan.step(PlanStep.SHIPMENT_TO_SITE).orElseThrow().basis()).contains("default: centre default — check");
        assertThat(plan.step(PlanStep.MANUFACTURING).orElseThrow().usesDefault()).isFalse();
        assertThat(plan.step(PlanStep.APHERESIS).orElseThrow().usesDefault()).isFalse();
        assertThat(plan.usesDefaults()).isTrue();
    }

    private static void assertStep(BookingPlan plan, PlanStep step, String planned, String from, String to) {
        PlannedStep s = plan.step(step).orElseThrow();
        assertThat(s.plannedOn()).as(step + " planned").isEqualTo(d(planned));
        assertThat(s.windowStart()).as(step + " from").isEqualTo(d(from));
        assertThat(s.windowEnd()).as(step + " to").isEqualTo(d(to));
    }
}
