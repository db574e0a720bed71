package org.cartpath.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.reporting.measures.FunnelLimits;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;

/** The commissioner's funnel plot on centres made by hand. */
class CentreComparisonTest {

    static final LocalDate D0 = LocalDate.of(2025, 1, 1);

    static List<CohortPatient> centre(int patients, int severeCrs) {
        List<CohortPatient> list = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            list.add(new CohortPatient(40, D0, D0.minusDays(40), null, i < severeCrs ? 3 : 1, 2, 0, null, false, null,
                    D0.plusDays(100), null, "DLBCL", null, List.of(), List.of()));
        }
        return list;
    }

    @Test
    void eachCentreIsPlacedAgainstExactBinomialLimitsAroundTheNationalRate() {
        Map<String, List<CohortPatient>> byCentre = new LinkedHashMap<>();
        byCentre.put("North", centre(40, 4)); // 10 %
        byCentre.put("South", centre(40, 24)); // 60 %: far above
        byCentre.put("East", centre(20, 2)); // 10 %
        byCentre.put("West", centre(3, 3)); // too few to plot
        CentreComparison.Funnel funnel = CentreComparison.funnel(CentreComparison.Measure.SEVERE_CRS, byCentre);
        // national: 33 of 103
        assertThat(funnel.nationalRate()).isCloseTo(33.0 / 103, within(1e-12));
        assertThat(funnel.patients().value()).isEqualTo(103L);
        assertThat(funnel.centres()).extracting(CentreComparison.Centre::name)
                .containsExactly("East", "North", "South", "West");
        CentreComparison.Centre south = funnel.centres().get(2);
        assertThat(south.rate()).isEqualTo(0.6);
        assertThat(south.position()).isEqualTo("Above the 99.8 % limit (alarm)");
        CentreComparison.Centre north = funnel.centres().get(1);
        assertThat(north.events().shown()).isEqualTo("<5"); // 4 events: the count is suppressed
        assertThat(north.position()).isEqualTo("Below the 95 % limit");
        CentreComparison.Centre west = funnel.centres().get(3);
        assertThat(west.rate()).isNull();
        assertThat(west.patients().shown()).isEqualTo("<5");
        // limits from 5 patients to the largest centre's 40
        assertThat(funnel.limits()).extracting(FunnelLimits.Limits::cases).first().isEqualTo(5);
        assertThat(funnel.limits()).hasSize(36);
    }

    @Test
    void tooFewEventsNationallyAreNotComparedSinceTheLimitsWouldRevealThem() {
        Map<String, List<CohortPatient>> byCentre = Map.of("North", centre(10, 1), "South", centre(10, 2));
        CentreComparison.Funnel funnel = CentreComparison.funnel(CentreComparison.Measure.SEVERE_CRS, byCentre);
        assertThat(funnel.nationalRate()).isNull();
        assertThat(funnel.limits()).isEmpty();
        assertThat(funnel.centres()).allSatisfy(c -> assertThat(c.rate()).isNull());
    }

    @Test
    void noPatientsGiveAnEmptyFunnelAndAnUnknownMeasureIsRefused() {
        CentreComparison.Funnel funnel = CentreComparison.funnel(CentreComparison.Measure.SEVERE_ICANS, Map.of());
        assertThat(funnel.centres()).isEmpty();
        assertThat(funnel.patients().value()).isZero();
        assertThat(CentreComparison.Measure.parse(" death_by_day_100 ")).isEqualTo(
                CentreComparison.Measure.DEATH_BY_DAY_100);
        assertThat(CentreComparison.Measure.parse(null)).isEqualTo(CentreComparison.Measure.SEVERE_CRS);
        assertThatThrownBy(() -> CentreComparison.Measure.parse("ONE_YEAR_SURVIVAL"))
                .isInstanceOf(ProblemException.class);
    }
}
