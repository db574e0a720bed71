package org.cartpath.reporting.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.cartpath.reporting.measures.AalenJohansen.Status.CENSORED;
import static org.cartpath.reporting.measures.AalenJohansen.Status.COMPETING;
import static org.cartpath.reporting.measures.AalenJohansen.Status.EVENT;

import java.util.List;
import org.cartpath.reporting.measures.AalenJohansen.Subject;
import org.junit.jupiter.api.Test;

class AalenJohansenTest {

    /*
     * Hand computation. Relapse at 1, death without relapse at 2, censored at 3, relapse at 4, censored at 5.
     * t=1: n=5, d1=1: CIF = 1·1/5 = 0.2, S = 0.8.    t=2: n=4, d2=1: CIFd = 0.8·1/4 = 0.2, S = 0.6.
     * t=4: n=2, d1=1: CIF = 0.2 + 0.6·1/2 = 0.5, S = 0.3.   1 − KM (death as censoring) would give 1 − 0.8·0.5 = 0.6.
     */
    @Test
    void cumulativeIncidenceOfRelapseCountsDeathAsACompetingRiskNotAsCensoring() {
        List<AalenJohansen.Step> steps = AalenJohansen.estimate(List.of(new Subject(4, EVENT), new Subject(1, EVENT),
                new Subject(3, CENSORED), new Subject(2, COMPETING), new Subject(5, CENSORED)));
        assertThat(steps).extracting(AalenJohansen.Step::time).containsExactly(1.0, 2.0, 4.0);
        assertThat(steps).extracting(AalenJohansen.Step::atRisk).containsExactly(5, 4, 2);
        assertThat(steps.get(0).cumulativeIncidence()).isCloseTo(0.2, within(1e-12));
        assertThat(steps.get(1).cumulativeIncidence()).isCloseTo(0.2, within(1e-12));
        assertThat(steps.get(1).competingIncidence()).isCloseTo(0.2, within(1e-12));
        assertThat(steps.get(2).cumulativeIncidence()).isCloseTo(0.5, within(1e-12)).isLessThan(0.6);
        assertThat(steps.get(2).competingIncidence()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aCensoringTiedWithAnEventIsStillAtRiskAtThatTimeAndTheIncidencesAddUpToOne() {
        // t=2: n=3, one relapse: 1/3, S = 2/3; the censored one leaves after; t=3: n=1, a death: 2/3·1 = 2/3
        List<AalenJohansen.Step> steps = AalenJohansen.estimate(List.of(new Subject(2, EVENT),
                new Subject(2, CENSORED), new Subject(3, COMPETING)));
        assertThat(steps.get(0).atRisk()).isEqualTo(3);
        assertThat(steps.get(0).cumulativeIncidence()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(steps.get(1).atRisk()).isEqualTo(1);
        assertThat(steps.get(1).competingIncidence()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(steps.get(1).cumulativeIncidence() + steps.get(1).competingIncidence()).isCloseTo(1.0,
                within(1e-12));
    }

    @Test
    void withoutCompetingEventsItIsOneMinusKaplanMeier() {
        // relapses at 1 and 3, censored at 2: KM 4/5 · 2/3 → 1 − 8/15
        List<AalenJohansen.Step> steps = AalenJohansen.estimate(List.of(new Subject(1, EVENT), new Subject(2, CENSORED),
                new Subject(3, EVENT), new Subject(4, CENSORED), new Subject(5, CENSORED)));
        assertThat(steps.get(steps.size() - 1).cumulativeIncidence()).isCloseTo(1 - 0.8 * 2 / 3, within(1e-12));
    }

    @Test
    void onlyCensoredSubjectsHaveNoStep() {
        assertThat(AalenJohansen.estimate(List.of(new Subject(1, CENSORED), new Subject(2, CENSORED)))).isEmpty();
        assertThat(AalenJohansen.estimate(List.of())).isEmpty();
    }
}
