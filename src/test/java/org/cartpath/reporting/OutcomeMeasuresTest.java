package org.cartpath.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each measure of docs/clinical/outcome-measures.md on a five-patient cohort computed by hand (the comments). */
class OutcomeMeasuresTest {

    static final LocalDate D0 = LocalDate.of(2025, 1, 1);

    static CohortPatient patient(int referredDaysBefore, Integer apheresisDaysBefore, int crs, Integer crsOnset,
            int icans, Integer icansOnset, boolean tocilizumab, Integer diedOnDay, int lastContactDay, Boolean response) {
        List<CohortPatient.Episode> episodes = new java.util.ArrayList<>();
        if (crsOnset != null) {
            episodes.add(new CohortPatient.Episode("CRS", crsOnset, crs));
        }
        if (icansOnset != null) {
            episodes.add(new CohortPatient.Episode("ICANS", icansOnset, icans));
        }
        return new CohortPatient(20, D0, D0.minusDays(referredDaysBefore),
                apheresisDaysBefore == null ? null : D0.minusDays(apheresisDaysBefore), crs, crsOnset, icans, icansOnset,
                tocilizumab, diedOnDay == null ? null : D0.plusDays(diedOnDay), D0.plusDays(lastContactDay), response,
                "B_ALL", null, response == null ? List.of() : List.of(new CohortPatient.Assessed(D0.plusDays(28),
                        response)), episodes);
    }

    @Test
    void toxicityIsCountedByTheRegistryWindowItsEpisodeBeganInAmongThePatientsFollowedIntoIt() {
        // P1 CRS 1 from day 2; P2 CRS 3 from day 1 (died day 100); P3 nothing, alive day 200; P4 CRS 2 from day 150
        // (died day 300); P5 ICANS 3 from day 400, alive day 500. Followed into day 101–6 months: P3, P4, P5 (and P1,
        // alive day 400); into after 1 year: P1 (day 400) and P5.
        List<CohortPatient> cohort = List.of(
                patient(40, 30, 1, 2, 0, null, false, null, 400, null),
                patient(40, 30, 3, 1, 0, null, false, 100, 100, null),
                patient(40, 30, 0, null, 0, null, false, null, 200, null),
                patient(40, 30, 2, 150, 0, null, false, 300, 300, null),
                patient(40, 30, 0, null, 3, 400, false, null, 500, null));
        List<Outcomes.Window> windows = OutcomeMeasures.windows(cohort, Disclosure.FULL);
        assertThat(windows).extracting(Outcomes.Window::label).containsExactly("Day 0 to day 100",
                "Day 101 to 6 months", "6 months to 1 year", "After 1 year");
        assertThat(windows).extracting(w -> w.followed().value()).containsExactly(5L, 4L, 4L, 2L);
        assertThat(windows).extracting(w -> w.crsAny().patients().value()).containsExactly(2L, 1L, 0L, 0L);
        assertThat(windows).extracting(w -> w.crsSevere().patients().value()).containsExactly(1L, 0L, 0L, 0L);
        assertThat(windows).extracting(w -> w.icansSevere().patients().value()).containsExactly(0L, 0L, 0L, 1L);
        assertThat(windows.get(0).crsAny().percent()).isEqualTo(40.0);
        // day 0 + 6 months is 2025-07-01, day 181: an onset that day is still in the second window
        assertThat(OutcomeMeasures.windowOf(D0, 181)).isEqualTo(1);
        assertThat(OutcomeMeasures.windowOf(D0, 182)).isEqualTo(2);
        assertThat(OutcomeMeasures.windowOf(D0, 100)).isZero();
    }

    @Test
    void icuAdmissionIsNotRecordedSoItIsNotCountedAndTheNoteSaysSo() {
        Outcomes.Toxicity toxicity = OutcomeMeasures.toxicity(COHORT, Disclosure.FULL);
        assertThat(toxicity.icu()).isNull();
        assertThat(toxicity.icuNote()).contains("not recorded");
    }

    /*
     * P1: referred 40 days before day 0, apheresis 30 before, CRS 1 from day 2, alive at day 400, responded.
     * P2: 50/35, CRS 3 from day 1, ICANS 2 from day 5, tocilizumab, died day 100, no response.
     * P3: 60/no apheresis on record, no toxicity, alive at day 200, no response assessed.
     * P4: 30/25, CRS 2 from day 3, tocilizumab, died day 300, responded.
     * P5: 45/28, CRS 1 from day 4, ICANS 1 from day 6, alive at day 500, responded.
     */
    static final List<CohortPatient> COHORT = List.of(
            patient(40, 30, 1, 2, 0, null, false, null, 400, true),
            patient(50, 35, 3, 1, 2, 5, true, 100, 100, false),
            patient(60, null, 0, null, 0, null, false, null, 200, null),
            patient(30, 25, 2, 3, 0, null, true, 300, 300, true),
            patient(45, 28, 1, 4, 1, 6, false, null, 500, true));

    @Test
    void crsIsCountedByEachPatientsHighestGradeWithAnyGradeSevereAndOnset() {
        Outcomes.Syndrome crs = OutcomeMeasures.toxicity(COHORT, Disclosure.FULL).crs();
        assertThat(crs.byHighestGrade()).extracting(g -> g.patients().value()).containsExactly(1L, 2L, 1L, 1L, 0L);
        assertThat(crs.byHighestGrade()).extracting(Outcomes.GradeRow::label)
                .containsExactly("None", "Grade 1", "Grade 2", "Grade 3", "Grade 4");
        assertThat(crs.byHighestGrade().get(1).percent()).isEqualTo(40.0);
        assertThat(crs.anyGrade().patients().value()).isEqualTo(4L);
        assertThat(crs.anyGrade().percent()).isEqualTo(80.0);
        assertThat(crs.grade3OrHigher().patients().value()).isEqualTo(1L);
        assertThat(crs.grade3OrHigher().percent()).isEqualTo(20.0);
        // onset days 2, 1, 3, 4: R type 7 quartiles 1.75, 2.5, 3.25
        assertThat(crs.onsetDay().median()).isEqualTo(2.5);
        assertThat(crs.onsetDay().lowerQuartile()).isEqualTo(1.75);
        assertThat(crs.onsetDay().upperQuartile()).isEqualTo(3.25);
    }

    @Test
    void icansAndTocilizumabAreCountedPerPatient() {
        Outcomes.Toxicity toxicity = OutcomeMeasures.toxicity(COHORT, Disclosure.FULL);
        assertThat(toxicity.icans().anyGrade().patients().value()).isEqualTo(2L);
        assertThat(toxicity.icans().grade3OrHigher().patients().value()).isZero();
        assertThat(toxicity.icans().onsetDay().median()).isEqualTo(5.5);
        assertThat(toxicity.tocilizumab().patients().value()).isEqualTo(2L);
        assertThat(toxicity.tocilizumab().percent()).isEqualTo(40.0);
        assertThat(toxicity.steroids()).isNull(); // not recorded: not counted as none
    }

    @Test
    void referralToInfusionAndVeinToVeinHaveTheirMedianQuartilesAndDistribution() {
        Outcomes.Service service = OutcomeMeasures.service(COHORT, List.of(), Disclosure.FULL);
        // 30, 40, 45, 50, 60
        assertThat(service.referralToInfusionDays().median()).isEqualTo(45.0);
        assertThat(service.referralToInfusionDays().lowerQuartile()).isEqualTo(40.0);
        assertThat(service.referralToInfusionDays().upperQuartile()).isEqualTo(50.0);
        assertThat(service.referralToInfusionDays().distribution()).extracting(Outcomes.Bin::fromDay, Outcomes.Bin::toDay,
                b -> b.patients().value()).containsExactly(org.assertj.core.groups.Tuple.tuple(28, 41, 2L),
                org.assertj.core.groups.Tuple.tuple(42, 55, 2L), org.assertj.core.groups.Tuple.tuple(56, 69, 1L));
        // vein-to-vein only where the apheresis is on record: 25, 28, 30, 35
        assertThat(service.veinToVeinDays().patients().value()).isEqualTo(4L);
        assertThat(service.veinToVeinDays().median()).isEqualTo(29.0);
        assertThat(service.veinToVeinDays().lowerQuartile()).isEqualTo(27.25);
        assertThat(service.veinToVeinDays().upperQuartile()).isEqualTo(31.25);
    }

    @Test
    void manufacturingCountsEachAttemptsReportedOutcomeAndFailuresByReason() {
        Outcomes.Manufacturing m = OutcomeMeasures.manufacturing(List.of(new ManufacturingAttempt("RELEASED", null),
                new ManufacturingAttempt("RELEASED", null), new ManufacturingAttempt("OUT_OF_SPECIFICATION", null),
                new ManufacturingAttempt("FAILED", "POOR_GROWTH"), new ManufacturingAttempt("FAILED", null),
                new ManufacturingAttempt(null, null)), Disclosure.FULL);
        assertThat(m.attempts().value()).isEqualTo(5L); // the attempt still in progress has no outcome yet
        assertThat(m.released().value()).isEqualTo(2L);
        assertThat(m.outOfSpecification().value()).isEqualTo(1L);
        assertThat(m.failed().value()).isEqualTo(2L);
        assertThat(m.failuresByReason()).extracting(Outcomes.ReasonRow::reason, r -> r.attempts().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POOR_GROWTH", 1L),
                        org.assertj.core.groups.Tuple.tuple("LOW_VIABILITY", 0L),
                        org.assertj.core.groups.Tuple.tuple("LOW_PURITY", 0L),
                        org.assertj.core.groups.Tuple.tuple("OTHER", 1L));
    }

    @Test
    void overallSurvivalCountsRecordedDeathsAndCensorsTheLivingAtTheirLastContact() {
        // deaths at 100 and 300; censored at 200, 400, 500. KM: 100 → 4/5 = 0.8; 300 → 0.8 · 2/3 = 0.5333
        Outcomes.Survival survival = OutcomeMeasures.survival(COHORT, Disclosure.FULL);
        assertThat(survival.deaths().value()).isEqualTo(2L);
        assertThat(survival.curve()).extracting(Outcomes.CurvePoint::day)
                .containsExactly(0.0, 100.0, 200.0, 300.0, 400.0, 500.0);
        assertThat(survival.curve().get(1).survival()).isCloseTo(0.8, within(1e-12));
        assertThat(survival.curve().get(3).survival()).isCloseTo(0.8 * 2 / 3, within(1e-12));
        assertThat(survival.curve().get(3).lower()).isNotNull().isLessThan(0.8 * 2 / 3);
        assertThat(survival.medianDays()).isNull(); // never at or below one half
        assertThat(survival.oneYear()).isCloseTo(0.8 * 2 / 3, within(1e-12));
        // at risk at day 0, 100, 183, 365, 730: times ≥ day
        assertThat(survival.atRisk()).extracting(a -> a.patients().value()).containsExactly(5L, 5L, 4L, 2L, 0L);
    }

    @Test
    void oneYearSurvivalIsNotGivenBeforeAnyoneIsFollowedForAYear() {
        List<CohortPatient> shortFollowUp = List.of(patient(30, 20, 0, null, 0, null, false, null, 90, null),
                patient(30, 20, 0, null, 0, null, false, 50, 50, null));
        assertThat(OutcomeMeasures.survival(shortFollowUp, Disclosure.FULL).oneYear()).isNull();
    }

    @Test
    void responseRateIsAmongThoseAssessedWithItsExactInterval() {
        Outcomes.Response response = OutcomeMeasures.response(COHORT, Disclosure.FULL);
        assertThat(response.infused().value()).isEqualTo(5L);
        assertThat(response.assessed().value()).isEqualTo(4L);
        assertThat(response.responders().value()).isEqualTo(3L);
        assertThat(response.rate()).isEqualTo(0.75);
        // R: binom.test(3, 4)$conf.int → 0.1941204 0.9936905
        assertThat(response.lower()).isCloseTo(0.1941204, within(1e-7));
        assertThat(response.upper()).isCloseTo(0.9936905, within(1e-7));
    }

    @Test
    void anEmptyCohortHasNoFiguresAndNoError() {
        Outcomes.Survival survival = OutcomeMeasures.survival(List.of(), Disclosure.FULL);
        assertThat(survival.curve()).isEmpty();
        assertThat(survival.patients().value()).isZero();
        assertThat(OutcomeMeasures.response(List.of(), Disclosure.FULL).rate()).isNull();
        Outcomes.Toxicity toxicity = OutcomeMeasures.toxicity(List.of(), Disclosure.FULL);
        assertThat(toxicity.crs().anyGrade().percent()).isNull();
        assertThat(toxicity.crs().onsetDay().median()).isNull();
        assertThat(OutcomeMeasures.service(List.of(), List.of(), Disclosure.FULL).veinToVeinDays().distribution())
                .isEmpty();
    }

    @Test
    void outsideTheCentreCountsOfOneToFourAreShownAsFewerThanFiveAndTheirPercentagesWithheld() {
        Outcomes.Syndrome crs = OutcomeMeasures.toxicity(COHORT, Disclosure.SUPPRESSED).crs();
        assertThat(crs.byHighestGrade()).extracting(g -> g.patients().shown())
                .containsExactly("<5", "<5", "<5", "<5", "0");
        assertThat(crs.byHighestGrade()).extracting(Outcomes.GradeRow::percent)
                .containsExactly(null, null, null, null, 0.0);
        assertThat(crs.anyGrade().patients().shown()).isEqualTo("<5");
        assertThat(crs.anyGrade().percent()).isNull();
        assertThat(crs.onsetDay().median()).isNull(); // four patients
        Outcomes.Survival survival = OutcomeMeasures.survival(COHORT, Disclosure.SUPPRESSED);
        assertThat(survival.curve()).isNotEmpty(); // five patients
        assertThat(survival.atRisk()).extracting(a -> a.patients().shown()).containsExactly("5", "5", "<5", "<5", "0");
        Outcomes.Response response = OutcomeMeasures.response(COHORT, Disclosure.SUPPRESSED);
        assertThat(response.responders().shown()).isEqualTo("<5");
        assertThat(response.rate()).isNull();
    }

    @Test
    void aCohortOfFewerThanFivePatientsShowsNoCurveOutsideTheCentre() {
        List<CohortPatient> four = COHORT.subList(0, 4);
        assertThat(OutcomeMeasures.survival(four, Disclosure.SUPPRESSED).curve()).isEmpty();
        assertThat(OutcomeMeasures.survival(four, Disclosure.SUPPRESSED).patients().shown()).isEqualTo("<5");
        assertThat(OutcomeMeasures.survival(four, Disclosure.FULL).curve()).isNotEmpty();
    }

    @Test
    void aSingleSuppressedCellTakesTheNextSmallestWithItSoTheTotalCannotRevealIt() {
        assertThat(OutcomeMeasures.withheld(List.of(10L, 3L, 8L, 0L, 0L), Disclosure.SUPPRESSED))
                .containsExactlyInAnyOrder(1, 2);
        assertThat(OutcomeMeasures.withheld(List.of(10L, 3L, 2L, 0L), Disclosure.SUPPRESSED))
                .containsExactlyInAnyOrder(1, 2);
        assertThat(OutcomeMeasures.withheld(List.of(10L, 6L, 0L), Disclosure.SUPPRESSED)).isEmpty();
        assertThat(OutcomeMeasures.withheld(List.of(10L, 3L), Disclosure.FULL)).isEmpty();
    }

    @Test
    void aProportionWhoseComplementIsASmallNumberIsWithheldToo() {
        // 7 of 10: the 3 without it could be worked out
        Outcomes.Proportion p = OutcomeMeasures.proportion(7, 10, Disclosure.SUPPRESSED);
        assertThat(p.patients().shown()).isEqualTo("<5");
        assertThat(p.percent()).isNull();
        assertThat(OutcomeMeasures.proportion(7, 12, Disclosure.SUPPRESSED).percent()).isEqualTo(58.3);
    }
    @Test
    void aCurveWhoseFirstTimeIsDayZeroStartsThereOnce() {
        List<CohortPatient> censoredAtDayZero = List.of(patient(30, 20, 0, null, 0, null, false, null, 0, null));
        assertThat(OutcomeMeasures.survival(censoredAtDayZero, Disclosure.FULL).curve())
                .extracting(Outcomes.CurvePoint::day).containsExactly(0.0);
    }
}
