package org.cartpath.treatment.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.LymphodepletionRegimen.Agent;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.catalogue.LymphodepletionRegimen.InfusionWindow;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.dosing.CreatinineClearance;
import org.cartpath.treatment.lymphodepletion.DoseRounding;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.DoseRecord;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.Outcome;
import org.cartpath.treatment.lymphodepletion.LymphodepletionPlan;
import org.cartpath.treatment.lymphodepletion.LymphodepletionPlanner;
import org.cartpath.treatment.lymphodepletion.RenalBandTable;
import org.cartpath.treatment.readiness.InfusionReadiness.Bedside;
import org.cartpath.treatment.readiness.InfusionReadiness.Facts;
import org.cartpath.treatment.readiness.InfusionReadiness.Unmet;
import org.junit.jupiter.api.Test;

/** Every condition of the infusion, each broken on its own: the policy names it and nothing else. */
class InfusionReadinessTest {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final LocalDate DAY = START.plusDays(6);
    private static final Instant STARTED = DAY.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
    private static final UUID NURSE = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();
    private static final String COI = "CHU000126000001";

    private static LymphodepletionPlan plan() {
        return LymphodepletionPlanner.plan(new LymphodepletionRegimen("flu-cy", "flu-cy", DayReference.LYMPHODEPLETION_START,
                        List.of(new Agent(Drug.FLUDARABINE, SourcedNumber.of("30", "label"), List.of(0, 1, 2, 3), "label"),
                                new Agent(Drug.CYCLOPHOSPHAMIDE, SourcedNumber.of("500", "label"), List.of(0, 1), "label")),
                        new InfusionWindow(SourcedNumber.of("2", "label"), SourcedNumber.of("14", "label")), "label"),
                START, new BodySurfaceArea(BigDecimal.ONE, BodySurfaceArea.Formula.MOSTELLER),
                new CreatinineClearance(new BigDecimal("100")), RenalBandTable.US_FLUDARA, DoseRounding.WHOLE_MILLIGRAMS);
    }

    private static LymphodepletionCourse course(boolean complete) {
        LymphodepletionPlan plan = plan();
        List<DoseRecord> records = plan.doses().stream()
                .map(d -> new DoseRecord(d.date(), d.drug(), Outcome.GIVEN, d.mg(), d.date()))
                .limit(complete ? plan.doses().size() : plan.doses().size() - 1).toList();
        return new LymphodepletionCourse(plan, DayReference.LYMPHODEPLETION_START, DAY, records);
    }

    /** Everything met: the story's 24 kg child, 1.1 × 10^8 cells in a range of 4.8 × 10^6 to 1.2 × 10^8. */
    private static Facts ready() {
        return new Facts("Lymphodepletion", true, "LOT-A1", true, COI, COI, course(true), true, DAY, List.of(), false,
                new Bedside("LOT-A1", COI, NURSE, SECOND, STARTED.minus(Duration.ofMinutes(20))), STARTED,
                Duration.ofHours(24), new BigDecimal("24"), new BigDecimal("110000000"), new BigDecimal("4800000"),
                new BigDecimal("120000000"), false);
    }

    private static List<String> unmet(UnaryOperator<Facts> change) {
        return InfusionReadiness.unmet(change.apply(ready())).stream().map(Unmet::code).toList();
    }

    private static Facts with(Facts f, Bedside bedside, Instant startedAt) {
        return new Facts(f.stageLabel(), f.inLymphodepletion(), f.lotNumber(), f.lotAccepted(), f.lotCoi(), f.caseCoi(),
                f.course(), f.planVerified(), f.infusionDay(), f.checklistOpen(), f.identityStopped(), bedside, startedAt,
                f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(), f.maxCells(), f.exceptionalRoute());
    }

    @Test
    void whenEveryConditionHoldsNothingIsMissing() {
        assertThat(InfusionReadiness.unmet(ready())).isEmpty();
    }

    @Test
    void theCaseMustBeInLymphodepletion() {
        assertThat(unmet(f -> new Facts("Product received", false, f.lotNumber(), f.lotAccepted(), f.lotCoi(), f.caseCoi(),
                f.course(), f.planVerified(), f.infusionDay(), f.checklistOpen(), false, f.bedside(), f.startedAt(),
                f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(), f.maxCells(), false)))
                .containsExactly("not-in-lymphodepletion");
    }

    @Test
    void theReleaseMustBeAcceptedAndTheLotMustBeThisCases() {
        assertThat(unmet(f -> new Facts(f.stageLabel(), true, "LOT-A1", false, COI, COI, f.course(), true, DAY, List.of(),
                false, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(), f.maxCells(),
                false))).containsExactly("release-not-accepted");
        assertThat(unmet(f -> new Facts(f.stageLabel(), true, null, false, null, COI, f.course(), true, DAY, List.of(),
                false, null, STARTED, f.bedsideValidFor(), f.weightKg(), null, null, null, false)))
                .containsExactly("release-not-accepted", "bedside-check-missing");
        assertThat(unmet(f -> new Facts(f.stageLabel(), true, "LOT-A1", true, "CHU000126000002", COI, f.course(), true, DAY,
                List.of(), false, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(),
                f.maxCells(), false))).containsExactly("product-coi-mismatch");
    }

    @Test
    void lymphodepletionMustBeVerifiedCompleteAndTheDayInItsWindow() {
        assertThat(unmet(f -> new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, null, false, DAY, List.of(), false,
                f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(), f.maxCells(), false)))
                .containsExactly("lymphodepletion-not-verified");
        assertThat(unmet(f -> new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, course(true), false, DAY, List.of(),
                false, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(), f.maxCells(),
                false))).containsExactly("lymphodepletion-not-verified");
        assertThat(unmet(f -> new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, course(false), true, DAY, List.of(),
                false, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(), f.maxCells(),
                false))).containsExactly("lymphodepletion-incomplete");
        for (LocalDate day : List.of(START.plusDays(4), START.plusDays(18))) {
            assertThat(unmet(f -> new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, f.course(), true, day,
                    List.of(), false, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(),
                    f.maxCells(), false))).as(day.toString()).containsExactly("outside-infusion-window");
        }
    }

    @Test
    void everyChecklistItemMustBeDone() {
        List<Unmet> unmet = InfusionReadiness.unmet(new Facts("Lymphodepletion", true, "LOT-A1", true, COI, COI, course(true),
                true, DAY, List.of("Observations within limits"), false, ready().bedside(), STARTED, Duration.ofHours(24),
                new BigDecimal("24"), new BigDecimal("110000000"), null, null, false));
        assertThat(unmet).extracting(Unmet::code).containsExactly("checklist-incomplete");
        assertThat(unmet.get(0).detail()).contains("Observations within limits");
    }

    @Test
    void twoDifferentPeopleMustHaveCheckedABagOfTheAcceptedLotJustBefore() {
        Facts f = ready();
        assertThat(InfusionReadiness.unmet(with(f, null, STARTED))).extracting(Unmet::code)
                .containsExactly("bedside-check-missing");
        assertThat(InfusionReadiness.unmet(with(f, new Bedside("LOT-A1", COI, NURSE, NURSE, f.bedside().completedAt()),
                STARTED))).extracting(Unmet::code).containsExactly("bedside-check-same-person");
        assertThat(InfusionReadiness.unmet(with(f, new Bedside("LOT-B9", COI, NURSE, SECOND, f.bedside().completedAt()),
                STARTED))).extracting(Unmet::code).containsExactly("bedside-check-not-for-this-product");
        assertThat(InfusionReadiness.unmet(with(f, new Bedside("lot-a1", COI, NURSE, SECOND, f.bedside().completedAt()),
                STARTED))).as("lot numbers compare without case").isEmpty();
        assertThat(InfusionReadiness.unmet(with(f, new Bedside("LOT-A1", "CHU000126000009", NURSE, SECOND,
                f.bedside().completedAt()), STARTED))).extracting(Unmet::code)
                .containsExactly("bedside-check-not-for-this-product");
        assertThat(InfusionReadiness.unmet(with(f, f.bedside(), f.bedside().completedAt().minus(Duration.ofMinutes(5)))))
                .as("5 minutes of clock skew").isEmpty();
        assertThat(InfusionReadiness.unmet(with(f, f.bedside(), f.bedside().completedAt().minus(Duration.ofMinutes(6)))))
                .extracting(Unmet::code).containsExactly("bedside-check-out-of-time");
        assertThat(InfusionReadiness.unmet(with(f, f.bedside(), f.bedside().completedAt().plus(Duration.ofHours(24)))))
                .isEmpty();
        assertThat(InfusionReadiness.unmet(with(f, f.bedside(), f.bedside().completedAt().plus(Duration.ofHours(25)))))
                .extracting(Unmet::code).containsExactly("bedside-check-out-of-time");
    }

    @Test
    void anOpenHardStopStopsTheInfusion() {
        Facts f = ready();
        assertThat(InfusionReadiness.unmet(new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, f.course(), true, DAY,
                List.of(), true, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), f.doseCells(), f.minCells(),
                f.maxCells(), false))).extracting(Unmet::code).containsExactly("identity-hard-stop");
    }

    @Test
    void aDoseOutsideTheRangeNeedsTheExceptionalRouteAndAWeightIsNeeded() {
        Facts f = ready();
        assertThat(InfusionReadiness.unmet(new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, f.course(), true, DAY,
                List.of(), false, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), new BigDecimal("130000000"),
                f.minCells(), f.maxCells(), false))).extracting(Unmet::code).containsExactly("dose-outside-range");
        assertThat(InfusionReadiness.unmet(new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, f.course(), true, DAY,
                List.of(), false, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), new BigDecimal("1000000"),
                f.minCells(), f.maxCells(), false))).extracting(Unmet::code).containsExactly("dose-outside-range");
        assertThat(InfusionReadiness.unmet(new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, f.course(), true, DAY,
                List.of(), false, f.bedside(), STARTED, f.bedsideValidFor(), f.weightKg(), new BigDecimal("130000000"),
                f.minCells(), f.maxCells(), true))).as("exceptional route signed").isEmpty();
        assertThat(InfusionReadiness.unmet(new Facts(f.stageLabel(), true, "LOT-A1", true, COI, COI, f.course(), true, DAY,
                List.of(), false, f.bedside(), STARTED, f.bedsideValidFor(), null, f.doseCells(), null, null, false)))
                .extracting(Unmet::code).containsExactly("weight-missing");
    }
}
