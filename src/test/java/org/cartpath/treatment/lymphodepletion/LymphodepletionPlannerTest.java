package org.cartpath.treatment.lymphodepletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.LymphodepletionRegimen;
import org.cartpath.catalogue.LymphodepletionRegimen.Agent;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.catalogue.LymphodepletionRegimen.InfusionWindow;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.shared.ProblemException;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.dosing.CreatinineClearance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lymphodepletion regimens of docs/clinical/dosing.md planned with dates relative to day 0. */
class LymphodepletionPlannerTest {

    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final BodySurfaceArea BSA_1 = new BodySurfaceArea(BigDecimal.ONE, BodySurfaceArea.Formula.MOSTELLER);
    private static final CreatinineClearance NORMAL = new CreatinineClearance(new BigDecimal("100"));

    private static Agent agent(Drug drug, String mgPerM2, Integer... days) {
        return new Agent(drug, SourcedNumber.of(mgPerM2, "label"), List.of(days), "label");
    }

    private static LymphodepletionRegimen fromStart(String id, int from, int to, Agent... agents) {
        return new LymphodepletionRegimen(id, id, DayReference.LYMPHODEPLETION_START, List.of(agents),
                new InfusionWindow(SourcedNumber.of(String.valueOf(from), "label window"),
                        SourcedNumber.of(String.valueOf(to), "label window")), "label");
    }

    private static LymphodepletionRegimen fromInfusion(String id, Agent... agents) {
        return new LymphodepletionRegimen(id, id, DayReference.INFUSION, List.of(agents), null, "label");
    }

    @Test
    void kymriahAllIsFourDaysOfFludarabineAndTwoOfCyclophosphamideThenTwoToFourteenDays() {
        LymphodepletionPlan plan = LymphodepletionPlanner.plan(fromStart("kymriah-all", 2, 14,
                        agent(Drug.FLUDARABINE, "30", 0, 1, 2, 3), agent(Drug.CYCLOPHOSPHAMIDE, "500", 0, 1)),
                START, BSA_1, NORMAL, RenalBandTable.US_FLUDARA, DoseRounding.WHOLE_MILLIGRAMS);
        assertThat(plan.doses()).hasSize(6);
        assertThat(plan.firstDay()).isEqualTo(START);
        assertThat(plan.lastDay()).isEqualTo(START.plusDays(3));
        assertThat(plan.earliestInfusion()).isEqualTo(START.plusDays(5));
        assertThat(plan.latestInfusion()).isEqualTo(START.plusDays(17));
        // days counted back from the earliest infusion: LD on days −5 … −2
        assertThat(plan.doses()).extracting(PlannedDose::dayRelativeToInfusion).containsExactly(-5, -5, -4, -4, -3, -2);
        assertThat(plan.infusionAllowedOn(START.plusDays(4))).isFalse();
        assertThat(plan.infusionAllowedOn(START.plusDays(5))).isTrue();
        assertThat(plan.infusionAllowedOn(START.plusDays(17))).isTrue();
        assertThat(plan.infusionAllowedOn(START.plusDays(18))).as("beyond 14 days: repeat LD").isFalse();
    }

    @ParameterizedTest(name = "{0}: infusion {1} to {2} days after the last LD day")
    @CsvSource({
            "kymriah-dlbcl, 2, 11",
            "breyanzi, 2, 7",
            "abecma, 2, 7",
            "carvykti, 2, 4"})
    void regimensDatedFromTheirFirstDayGiveTheLabelWindow(String id, int from, int to) {
        LymphodepletionPlan plan = LymphodepletionPlanner.plan(fromStart(id, from, to,
                        agent(Drug.FLUDARABINE, "30", 0, 1, 2), agent(Drug.CYCLOPHOSPHAMIDE, "300", 0, 1, 2)),
                START, BSA_1, NORMAL, RenalBandTable.US_FLUDARA, DoseRounding.WHOLE_MILLIGRAMS);
        assertThat(plan.lastDay()).isEqualTo(START.plusDays(2));
        assertThat(plan.earliestInfusion()).isEqualTo(START.plusDays(2 + from));
        assertThat(plan.latestInfusion()).isEqualTo(START.plusDays(2 + to));
    }

    @Test
    void yescartaIsDatedFromTheInfusionOnDaysMinusFiveToMinusThree() {
        LocalDate dayZero = LocalDate.of(2026, 12, 10);
        LymphodepletionPlan plan = LymphodepletionPlanner.plan(fromInfusion("yescarta",
                        agent(Drug.CYCLOPHOSPHAMIDE, "500", -5, -4, -3), agent(Drug.FLUDARABINE, "30", -5, -4, -3)),
                dayZero, new BodySurfaceArea(new BigDecimal("1.8"), BodySurfaceArea.Formula.MOSTELLER), NORMAL,
                RenalBandTable.US_FLUDARA, DoseRounding.WHOLE_MILLIGRAMS);
        assertThat(plan.firstDay()).isEqualTo(dayZero.minusDays(5));
        assertThat(plan.earliestInfusion()).isEqualTo(dayZero);
        assertThat(plan.latestInfusion()).isEqualTo(dayZero);
        assertThat(plan.doses()).filteredOn(d -> d.drug() == Drug.CYCLOPHOSPHAMIDE).extracting(PlannedDose::mg)
                .containsOnly(new BigDecimal("900"));
        assertThat(plan.doses()).filteredOn(d -> d.drug() == Drug.FLUDARABINE).extracting(PlannedDose::mg)
                .containsOnly(new BigDecimal("54"));
    }

    @Test
    void tecartusAllGivesCyclophosphamideOnlyOnDayMinusTwo() {
        LocalDate dayZero = LocalDate.of(2026, 12, 10);
        LymphodepletionPlan plan = LymphodepletionPlanner.plan(fromInfusion("tecartus-all",
                        agent(Drug.FLUDARABINE, "25", -4, -3, -2), agent(Drug.CYCLOPHOSPHAMIDE, "900", -2)),
                dayZero, BSA_1, NORMAL, RenalBandTable.US_FLUDARA, DoseRounding.WHOLE_MILLIGRAMS);
        assertThat(plan.doses()).extracting(PlannedDose::dayRelativeToInfusion, PlannedDose::drug)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-4, Drug.FLUDARABINE),
                        org.assertj.core.groups.Tuple.tuple(-3, Drug.FLUDARABINE),
                        org.assertj.core.groups.Tuple.tuple(-2, Drug.FLUDARABINE),
                        org.assertj.core.groups.Tuple.tuple(-2, Drug.CYCLOPHOSPHAMIDE));
    }

    @ParameterizedTest(name = "CrCl {0} mL/min → fludarabine {1} mg/m² ({2})")
    @CsvSource({
            "100, 30, full",
            "80, 30, full",
            "79.9, 24, 80%",
            "50, 24, 80%",
            "49.9, 18, 60%",
            "30, 18, 60%",
            "29.9, , withheld"})
    void fludarabineFollowsThePharmacysRenalBands(String clearance, String expectedMgPerM2, String what) {
        LymphodepletionPlan plan = LymphodepletionPlanner.plan(fromStart("kymriah-all", 2, 14,
                        agent(Drug.FLUDARABINE, "30", 0), agent(Drug.CYCLOPHOSPHAMIDE, "500", 0)),
                START, BSA_1, new CreatinineClearance(new BigDecimal(clearance)), RenalBandTable.US_FLUDARA,
                DoseRounding.WHOLE_MILLIGRAMS);
        PlannedDose fludarabine = plan.doses().stream().filter(d -> d.drug() == Drug.FLUDARABINE).findFirst().orElseThrow();
        if (expectedMgPerM2 == null) {
            assertThat(fludarabine.withheld()).isTrue();
            assertThat(fludarabine.note()).contains("do not give");
        } else {
            assertThat(fludarabine.givenMgPerM2()).isEqualByComparingTo(expectedMgPerM2);
        }
        assertThat(plan.renalTableId()).isEqualTo("US-FLUDARA-DEFAULT");
        PlannedDose cyclophosphamide = plan.doses().stream().filter(d -> d.drug() == Drug.CYCLOPHOSPHAMIDE).findFirst()
                .orElseThrow();
        assertThat(cyclophosphamide.givenMgPerM2()).as("only fludarabine is adjusted").isEqualByComparingTo("500");
    }

    @Test
    void dosesAreRoundedByTheCentresRule() {
        BodySurfaceArea bsa = new BodySurfaceArea(new BigDecimal("0.894"), BodySurfaceArea.Formula.MOSTELLER);
        LymphodepletionRegimen regimen = fromStart("kymriah-all", 2, 14, agent(Drug.FLUDARABINE, "30", 0),
                agent(Drug.CYCLOPHOSPHAMIDE, "500", 0));
        LymphodepletionPlan whole = LymphodepletionPlanner.plan(regimen, START, bsa, NORMAL, RenalBandTable.US_FLUDARA,
                DoseRounding.WHOLE_MILLIGRAMS);
        assertThat(whole.doses()).extracting(PlannedDose::mg).containsExactly(new BigDecimal("27"), new BigDecimal("447"));
        DoseRounding pharmacy = new DoseRounding(Map.of(Drug.CYCLOPHOSPHAMIDE, new BigDecimal("10"),
                Drug.FLUDARABINE, new BigDecimal("0.5")));
        LymphodepletionPlan rounded = LymphodepletionPlanner.plan(regimen, START, bsa, NORMAL, RenalBandTable.US_FLUDARA,
                pharmacy);
        // cyclophosphamide 447 → 450 (nearest 10 mg); fludarabine 26.82 → 27 (nearest 0.5 mg)
        assertThat(rounded.doses()).extracting(PlannedDose::mg).containsExactly(new BigDecimal("27"), new BigDecimal("450"));
    }

    @Test
    void fludarabineCannotBePlannedWithoutAClearance() {
        assertThatThrownBy(() -> LymphodepletionPlanner.plan(fromStart("kymriah-all", 2, 14,
                        agent(Drug.FLUDARABINE, "30", 0)), START, BSA_1, null, RenalBandTable.US_FLUDARA,
                DoseRounding.WHOLE_MILLIGRAMS))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo("creatinine-clearance-required"));
    }
}
