package org.cartpath.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.cartpath.followup.outcomes.Observation;
import org.cartpath.reporting.measures.AalenJohansen;
import org.junit.jupiter.api.Test;

/** Event-free survival, survival from approval, duration of response, relapse and NRM on cohorts computed by hand. */
class TimeToEventMeasuresTest {

    static final LocalDate D0 = LocalDate.of(2025, 1, 1);

    static CohortPatient patient(String indication, List<CohortPatient.Assessed> responses, Integer relapseDay,
            Integer diedDay, int lastContactDay) {
        return new CohortPatient(30, D0, D0.minusDays(40), D0.minusDays(30), 0, null, 0, null, false,
                diedDay == null ? null : D0.plusDays(diedDay), D0.plusDays(lastContactDay),
                responses.isEmpty() ? null : responses.stream().anyMatch(CohortPatient.Assessed::response), indication,
                relapseDay == null ? null : D0.plusDays(relapseDay), responses, List.of());
    }

    static CohortPatient.Assessed on(int day, boolean response) {
        return new CohortPatient.Assessed(D0.plusDays(day), response);
    }

    /*
     * B-ALL, assessment point day 28 (window days 21–42):
     * A: no response on day 28, died day 200 (no relapse).       EFS event 28;  not a responder; NRM at 200.
     * B: response day 28, relapse day 150, alive day 400.        EFS event 150; DOR 122 event;   relapse at 150.
     * C: response day 30, died day 300 without relapse.          EFS event 300; DOR 270 event;   NRM at 300.
     * D: response day 28, alive day 500.                         EFS censored 500; DOR 472 censored.
     * E: no response on day 50 (outside the window), alive day 60. EFS censored 60 (not a failure at the point).
     */
    static final List<CohortPatient> COHORT = List.of(
            patient("B_ALL", List.of(on(28, false)), null, 200, 200),
            patient("B_ALL", List.of(on(28, true)), 150, null, 400),
            patient("B_ALL", List.of(on(30, true)), null, 300, 300),
            patient("B_ALL", List.of(on(28, true)), null, null, 500),
            patient("B_ALL", List.of(on(50, false)), null, null, 60));

    @Test
    void eventFreeSurvivalCountsNoResponseAtTheAssessmentPointRelapseAndDeathWhicheverCameFirst() {
        assertThat(COHORT).extracting(TimeToEventMeasures::eventFree).containsExactly(Observation.event(28),
                Observation.event(150), Observation.event(300), Observation.censored(500), Observation.censored(60));
        Outcomes.TimeToEvent efs = TimeToEventMeasures.eventFreeSurvival(COHORT, Disclosure.FULL);
        assertThat(efs.events().value()).isEqualTo(3L);
        // KM: 28 → 4/5 = 0.8; 60 censored; 150 → 0.8 · 2/3; 300 → 0.8 · 2/3 · 1/2
        assertThat(efs.curve()).extracting(Outcomes.CurvePoint::day).containsExactly(0.0, 28.0, 60.0, 150.0, 300.0,
                500.0);
        assertThat(efs.curve().get(1).survival()).isCloseTo(0.8, within(1e-12));
        assertThat(efs.curve().get(3).survival()).isCloseTo(0.8 * 2 / 3, within(1e-12));
        assertThat(efs.curve().get(4).survival()).isCloseTo(0.8 / 3, within(1e-12));
        assertThat(efs.curve().get(3).lower()).isLessThan(efs.curve().get(3).survival());
        assertThat(efs.medianDays()).isEqualTo(300.0);
        assertThat(efs.oneYear()).isCloseTo(0.8 / 3, within(1e-12));
        assertThat(efs.atRisk()).extracting(a -> a.patients().value()).containsExactly(5L, 3L, 2L, 1L, 0L);
    }

    @Test
    void lymphomaAndMyelomaAreJudgedAtMonthThreeNotDay28() {
        // no response on day 28, a partial response on day 90: month 3 (days 60–120) is a response, no event
        CohortPatient lateResponder = patient("DLBCL", List.of(on(28, false), on(90, true)), null, null, 200);
        assertThat(TimeToEventMeasures.eventFree(lateResponder)).isEqualTo(Observation.censored(200));
        // the nearest to day 90 in the window is the one that counts: day 100 (10 away) rather than day 70 (20 away)
        CohortPatient failure = patient("MULTIPLE_MYELOMA", List.of(on(70, true), on(100, false)), null, null, 300);
        assertThat(TimeToEventMeasures.eventFree(failure)).isEqualTo(Observation.event(100));
    }

    @Test
    void durationOfResponseRunsFromTheFirstResponseToRelapseOrDeathAmongTheRespondersOnly() {
        Outcomes.TimeToEvent dor = TimeToEventMeasures.durationOfResponse(COHORT, Disclosure.FULL);
        assertThat(dor.patients().value()).isEqualTo(3L); // B, C, D
        assertThat(dor.events().value()).isEqualTo(2L);
        // 122 → 2/3; 270 → 1/3; 472 censored
        assertThat(dor.curve()).extracting(Outcomes.CurvePoint::day).containsExactly(0.0, 122.0, 270.0, 472.0);
        assertThat(dor.curve().get(1).survival()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(dor.curve().get(2).survival()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(dor.medianDays()).isEqualTo(270.0);
    }

    @Test
    void relapseIncidenceHasNonRelapseMortalityAsItsCompetingRiskByAalenJohansen() {
        Outcomes.Relapse relapse = TimeToEventMeasures.relapse(COHORT, Disclosure.FULL);
        assertThat(relapse.relapses().value()).isEqualTo(1L);
        assertThat(relapse.nonRelapseDeaths().value()).isEqualTo(2L);
        // 60 censored (4 at risk); 150 relapse: 1/4; 200 death: S 3/4 · 1/3 = 1/4; 300 death: 1/4 + 1/2 · 1/2 = 1/2
        assertThat(relapse.curve()).extracting(Outcomes.IncidencePoint::day)
                .containsExactly(0.0, 150.0, 200.0, 300.0, 500.0);
        assertThat(relapse.curve()).extracting(Outcomes.IncidencePoint::relapse)
                .containsExactly(0.0, 0.25, 0.25, 0.25, 0.25);
        assertThat(relapse.curve()).extracting(Outcomes.IncidencePoint::nonRelapseMortality)
                .containsExactly(0.0, 0.0, 0.25, 0.5, 0.5);
        assertThat(relapse.relapseOneYear()).isEqualTo(0.25);
        assertThat(relapse.nonRelapseMortalityOneYear()).isEqualTo(0.5);
        // relapse then death: the relapse is the event, the later death does not count as non-relapse mortality
        assertThat(TimeToEventMeasures.relapseOrDeath(patient("B_ALL", List.of(), 100, 200, 200)))
                .isEqualTo(new AalenJohansen.Subject(100, AalenJohansen.Status.EVENT));
    }

    @Test
    void survivalFromApprovalCountsApprovedPatientsWhoWereNeverInfused() {
        List<ApprovedPatient> approved = List.of(
                new ApprovedPatient(D0, D0.plusDays(40), D0.plusDays(240), D0.plusDays(240)),
                new ApprovedPatient(D0, null, D0.plusDays(50), D0.plusDays(30)), // died before infusion
                new ApprovedPatient(D0, null, null, D0.plusDays(30)), // last seen at apheresis
                new ApprovedPatient(D0, D0.plusDays(35), null, D0.plusDays(400)),
                new ApprovedPatient(D0, D0.plusDays(38), null, D0.plusDays(100)));
        Outcomes.IntentionToTreat itt = TimeToEventMeasures.intentionToTreat(approved, Disclosure.FULL);
        assertThat(itt.approved().value()).isEqualTo(5L);
        assertThat(itt.neverInfused().value()).isEqualTo(2L);
        assertThat(itt.survival().events().value()).isEqualTo(2L);
        // 30 censored; 50 → 3/4; 100 censored; 240 → 3/4 · 1/2; 400 censored
        assertThat(itt.survival().curve()).extracting(Outcomes.CurvePoint::day)
                .containsExactly(0.0, 30.0, 50.0, 100.0, 240.0, 400.0);
        assertThat(itt.survival().curve().get(4).survival()).isCloseTo(0.375, within(1e-12));
        assertThat(itt.survival().oneYear()).isCloseTo(0.375, within(1e-12));
        assertThat(itt.survival().medianDays()).isEqualTo(240.0);
    }

    @Test
    void outsideTheCentreACohortOfFewerThanFiveHasNoCurvesAndAnEmptyCohortNoError() {
        List<CohortPatient> four = COHORT.subList(0, 4);
        assertThat(TimeToEventMeasures.eventFreeSurvival(four, Disclosure.SUPPRESSED).curve()).isEmpty();
        assertThat(TimeToEventMeasures.eventFreeSurvival(four, Disclosure.SUPPRESSED).patients().shown())
                .isEqualTo("<5");
        assertThat(TimeToEventMeasures.relapse(four, Disclosure.SUPPRESSED).curve()).isEmpty();
        assertThat(TimeToEventMeasures.durationOfResponse(COHORT, Disclosure.SUPPRESSED).curve()).isEmpty(); // 3
        assertThat(TimeToEventMeasures.eventFreeSurvival(COHORT, Disclosure.SUPPRESSED).curve()).isNotEmpty();
        assertThat(TimeToEventMeasures.eventFreeSurvival(List.of(), Disclosure.FULL).curve()).isEmpty();
        assertThat(TimeToEventMeasures.relapse(List.of(), Disclosure.FULL).relapseOneYear()).isNull();
        assertThat(TimeToEventMeasures.intentionToTreat(List.of(), Disclosure.FULL).survival().medianDays()).isNull();
    }
}
