package org.cartpath.treatment.lymphodepletion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.LymphodepletionRegimen.Agent;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.catalogue.LymphodepletionRegimen.InfusionWindow;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.dosing.CreatinineClearance;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.DoseRecord;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.Flag;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The window rules before day 0: complete when every dose not withheld has a record and one was given; the window
 * counts from the last dose actually given (regimens dated from their first day) or is day 0 itself (regimens dated
 * from the infusion); the flags of a planned day outside the window and of a closed window.
 */
class LymphodepletionCourseTest {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final BodySurfaceArea BSA = new BodySurfaceArea(BigDecimal.ONE, BodySurfaceArea.Formula.MOSTELLER);

    private static Agent agent(Drug drug, String mg, Integer... days) {
        return new Agent(drug, SourcedNumber.of(mg, "label"), List.of(days), "label");
    }

    /** Kymriah B-ALL: flu days 0–3, cy days 0–1, infuse 2 to 14 days after the last day. */
    private static LymphodepletionPlan kymriah(String clearance) {
        return LymphodepletionPlanner.plan(new LymphodepletionRegimen("flu-cy", "flu-cy", DayReference.LYMPHODEPLETION_START,
                        List.of(agent(Drug.FLUDARABINE, "30", 0, 1, 2, 3), agent(Drug.CYCLOPHOSPHAMIDE, "500", 0, 1)),
                        new InfusionWindow(SourcedNumber.of("2", "label"), SourcedNumber.of("14", "label")), "label"),
                START, BSA, new CreatinineClearance(new BigDecimal(clearance)), RenalBandTable.US_FLUDARA,
                DoseRounding.WHOLE_MILLIGRAMS);
    }

    /** Yescarta: cy and flu on days −5, −4, −3, infusion on day 0. */
    private static LymphodepletionPlan yescarta(LocalDate dayZero) {
        return LymphodepletionPlanner.plan(new LymphodepletionRegimen("cy-flu", "cy-flu", DayReference.INFUSION,
                        List.of(agent(Drug.CYCLOPHOSPHAMIDE, "500", -5, -4, -3), agent(Drug.FLUDARABINE, "30", -5, -4, -3)),
                        null, "label"), dayZero, BSA, new CreatinineClearance(new BigDecimal("100")),
                RenalBandTable.US_FLUDARA, DoseRounding.WHOLE_MILLIGRAMS);
    }

    /** Every dose given on its day, except the last day's given {@code delay} days late. */
    private static List<DoseRecord> allGiven(LymphodepletionPlan plan, int delayOfLastDay) {
        List<DoseRecord> records = new ArrayList<>();
        for (PlannedDose d : plan.doses()) {
            if (d.withheld()) {
                continue;
            }
            LocalDate on = d.date().equals(plan.lastDay()) ? d.date().plusDays(delayOfLastDay) : d.date();
            records.add(new DoseRecord(d.date(), d.drug(), Outcome.GIVEN, d.mg(), on));
        }
        return records;
    }

    @Test
    void aCourseWithADoseWithoutARecordIsIncompleteAndKeepsThePlansWindow() {
        LymphodepletionPlan plan = kymriah("100");
        List<DoseRecord> records = allGiven(plan, 0);
        records.remove(records.size() - 1);
        LymphodepletionCourse course = new LymphodepletionCourse(plan, DayReference.LYMPHODEPLETION_START,
                plan.earliestInfusion(), records);
        assertThat(course.complete()).isFalse();
        assertThat(course.outstanding()).hasSize(1);
        assertThat(course.window().fromActualDoses()).isFalse();
        assertThat(course.window().earliest()).isEqualTo(START.plusDays(5));
        assertThat(course.flags(START.plusDays(40))).as("no closed window before the course is complete").isEmpty();
    }

    @ParameterizedTest(name = "last day given {0} day(s) late: window {1} to {2} days after the start")
    @CsvSource({"0, 5, 17", "1, 6, 18", "3, 8, 20"})
    void theWindowCountsFromTheLastDoseActuallyGiven(int delay, int from, int to) {
        LymphodepletionPlan plan = kymriah("100");
        LymphodepletionCourse course = new LymphodepletionCourse(plan, DayReference.LYMPHODEPLETION_START, null,
                allGiven(plan, delay));
        assertThat(course.complete()).isTrue();
        assertThat(course.lastGivenOn()).contains(START.plusDays(3 + delay));
        assertThat(course.window().fromActualDoses()).isTrue();
        assertThat(course.window().earliest()).isEqualTo(START.plusDays(from));
        assertThat(course.window().latest()).isEqualTo(START.plusDays(to));
    }

    @ParameterizedTest(name = "today is start + {0}: {1}")
    @CsvSource({
            "4, ''",
            "5, ''",
            "17, ''",
            "18, REPEAT_LYMPHODEPLETION_NEEDED",
            "60, REPEAT_LYMPHODEPLETION_NEEDED"})
    void aClosedWindowAsksForRepeatLymphodepletion(int day, String flag) {
        LymphodepletionPlan plan = kymriah("100");
        LymphodepletionCourse course = new LymphodepletionCourse(plan, DayReference.LYMPHODEPLETION_START,
                plan.earliestInfusion(), allGiven(plan, 0));
        List<Flag> flags = course.flags(START.plusDays(day));
        assertThat(flags).isEqualTo(flag.isEmpty() ? List.of() : List.of(Flag.valueOf(flag)));
    }

    @ParameterizedTest(name = "planned infusion on start + {0}: outside = {1}")
    @CsvSource({"4, true", "5, false", "17, false", "18, true"})
    void aPlannedInfusionOutsideTheWindowIsFlagged(int day, boolean outside) {
        LymphodepletionPlan plan = kymriah("100");
        LymphodepletionCourse course = new LymphodepletionCourse(plan, DayReference.LYMPHODEPLETION_START,
                START.plusDays(day), List.of());
        assertThat(course.flags(START).contains(Flag.PLANNED_INFUSION_OUTSIDE_WINDOW)).isEqualTo(outside);
    }

    @Test
    void heldDosesCountAsRecordsButTheWindowFollowsTheDosesGiven() {
        LymphodepletionPlan plan = kymriah("100");
        List<DoseRecord> records = new ArrayList<>();
        for (PlannedDose d : plan.doses()) {
            boolean lastFludarabine = d.date().equals(plan.lastDay());
            records.add(new DoseRecord(d.date(), d.drug(), lastFludarabine ? Outcome.HELD : Outcome.GIVEN,
                    lastFludarabine ? null : d.mg(), lastFludarabine ? null : d.date()));
        }
        LymphodepletionCourse course = new LymphodepletionCourse(plan, DayReference.LYMPHODEPLETION_START, null, records);
        assertThat(course.complete()).isTrue();
        assertThat(course.lastGivenOn()).contains(START.plusDays(2));
        assertThat(course.window().earliest()).isEqualTo(START.plusDays(4));
    }

    @Test
    void everyDoseHeldIsNotACompleteCourse() {
        LymphodepletionPlan plan = kymriah("100");
        List<DoseRecord> held = plan.doses().stream()
                .map(d -> new DoseRecord(d.date(), d.drug(), Outcome.HELD, null, null)).toList();
        assertThat(new LymphodepletionCourse(plan, DayReference.LYMPHODEPLETION_START, null, held).complete()).isFalse();
    }

    @Test
    void dosesTheRenalBandWithholdsNeedNoRecord() {
        LymphodepletionPlan plan = kymriah("20");
        assertThat(plan.doses()).filteredOn(PlannedDose::withheld).hasSize(4);
        LymphodepletionCourse course = new LymphodepletionCourse(plan, DayReference.LYMPHODEPLETION_START, null,
                allGiven(plan, 0));
        assertThat(course.complete()).isTrue();
        assertThat(course.lastGivenOn()).as("cyclophosphamide only, days 0 and 1").contains(START.plusDays(1));
    }

    @ParameterizedTest(name = "today is day 0 + {0}: repeat = {1}")
    @CsvSource({"-1, false", "0, false", "1, true"})
    void aRegimenDatedFromTheInfusionHasDayZeroAsItsWindow(int day, boolean repeat) {
        LocalDate dayZero = LocalDate.of(2026, 12, 10);
        LymphodepletionPlan plan = yescarta(dayZero);
        LymphodepletionCourse course = new LymphodepletionCourse(plan, DayReference.INFUSION, dayZero, allGiven(plan, 1));
        assertThat(course.window().earliest()).isEqualTo(dayZero);
        assertThat(course.window().latest()).isEqualTo(dayZero);
        assertThat(course.window().fromActualDoses()).isFalse();
        assertThat(course.flags(dayZero.plusDays(day)).contains(Flag.REPEAT_LYMPHODEPLETION_NEEDED)).isEqualTo(repeat);
    }
}
