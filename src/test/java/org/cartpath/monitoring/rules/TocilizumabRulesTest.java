package org.cartpath.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cartpath.catalogue.TocilizumabParameters;
import org.cartpath.monitoring.grading.TocilizumabLabels;
import org.cartpath.monitoring.rules.TocilizumabRules.Rule;
import org.cartpath.monitoring.rules.TocilizumabRules.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spacing and count rules of tocilizumab for CRS (Actemra prescribing information section 2; CAR-T labels'
 * CRS tables; docs/clinical/tocilizumab.md), with their boundaries. Times are hours after the first dose.
 */
class TocilizumabRulesTest {

    /** The numbers of the catalogue's tocilizumab document (RoActemra SmPC 4.2; docs/clinical/tocilizumab.md). */
    static final TocilizumabParameters CATALOGUE = TocilizumabLabels.CATALOGUE;

    static final Instant T0 = Instant.parse("2026-11-25T20:00:00Z");

    static Instant h(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    static List<Instant> doses(double... hours) {
        return java.util.Arrays.stream(hours).mapToObj(TocilizumabRulesTest::h).toList();
    }

    /** given doses, proposed time, rules broken, earliest allowed time (hours) or null. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("first dose", doses(), 0.0, List.of(), null),
                Arguments.of("6 hours after the previous", doses(0), 6.0, List.of(Rule.MIN_INTERVAL_8_HOURS), 8.0),
                Arguments.of("7h59 after the previous", doses(0), 7 + 59 / 60.0, List.of(Rule.MIN_INTERVAL_8_HOURS), 8.0),
                Arguments.of("exactly 8 hours after the previous", doses(0), 8.0, List.of(), null),
                Arguments.of("20:00 then 02:00: not before 04:00", doses(0), 6.0, List.of(Rule.MIN_INTERVAL_8_HOURS), 8.0),
                Arguments.of("at the same time as a dose", doses(0), 0.0, List.of(Rule.MIN_INTERVAL_8_HOURS), 8.0),
                Arguments.of("before a later recorded dose", doses(10), 4.0, List.of(Rule.MIN_INTERVAL_8_HOURS), null),
                Arguments.of("8 and 16 hours: a third at 24 is the 3rd in 24 hours", doses(0, 8, 16), 24.0, List.of(), null),
                Arguments.of("three within 24 hours (an 8-hour override): a 4th at 20", doses(0, 4, 12), 20.0,
                        List.of(Rule.MAX_3_IN_24_HOURS), 24.0),
                Arguments.of("the 4th exactly 24 hours after the first of three", doses(0, 4, 12), 24.0, List.of(), null),
                Arguments.of("the 4th 23h59 after the first of three", doses(0, 4, 12), 23 + 59 / 60.0,
                        List.of(Rule.MAX_3_IN_24_HOURS), 24.0),
                Arguments.of("four within 24 hours would also be too close", doses(0, 4, 5), 6.0,
                        List.of(Rule.MIN_INTERVAL_8_HOURS, Rule.MAX_3_IN_24_HOURS), 24.0),
                Arguments.of("a 5th dose in the episode", doses(0, 8, 16, 24), 32.0, List.of(Rule.MAX_4_PER_EPISODE), null),
                Arguments.of("too early, a 4th in 24 hours and over the episode limit", doses(0, 8, 16, 24), 30.0,
                        List.of(Rule.MIN_INTERVAL_8_HOURS, Rule.MAX_3_IN_24_HOURS, Rule.MAX_4_PER_EPISODE), 32.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aProposedDoseBreaksExactlyTheseRules(String name, List<Instant> given, double proposed, List<Rule> broken,
            Double earliestHours) {
        List<Violation> violations = TocilizumabRules.check(given, T0.minus(Duration.ofDays(1)), h(proposed), CATALOGUE);
        assertThat(violations).extracting(Violation::rule).containsExactlyInAnyOrderElementsOf(broken);
        Optional<Instant> earliest = violations.stream().filter(v -> v.rule() != Rule.MAX_4_PER_EPISODE)
                .map(Violation::earliestAllowed).flatMap(Optional::stream).findFirst();
        assertThat(earliest).isEqualTo(Optional.ofNullable(earliestHours).map(TocilizumabRulesTest::h));
    }

    @ParameterizedTest(name = "earliest next: {0}")
    @MethodSource("earliestCases")
    void theEarliestNextDose(String name, List<Instant> given, double now, Double earliestHours) {
        assertThat(TocilizumabRules.earliestNext(given, T0.minus(Duration.ofDays(1)), h(now), CATALOGUE))
                .isEqualTo(Optional.ofNullable(earliestHours).map(TocilizumabRulesTest::h));
    }

    static Stream<Arguments> earliestCases() {
        return Stream.of(
                Arguments.of("no dose yet: now", doses(), 1.0, 1.0),
                Arguments.of("one dose 6 hours ago: 8 hours after it", doses(0), 6.0, 8.0),
                Arguments.of("one dose 9 hours ago: now", doses(0), 9.0, 9.0),
                Arguments.of("three within 24 hours: when the first leaves the 24-hour window",
                        doses(0, 4, 12), 13.0, 24.0),
                Arguments.of("two close together: 8 hours after the later", doses(0, 4), 5.0, 12.0),
                Arguments.of("four in the episode: none", doses(0, 8, 16, 24), 40.0, null));
    }

    @ParameterizedTest(name = "course start {0}")
    @MethodSource("courseCases")
    void onlyDosesSinceTheCourseStartedCountTowardsFour(String name, double courseStart, List<Rule> broken) {
        List<Violation> violations = TocilizumabRules.check(doses(0, 8, 16, 24), h(courseStart), h(40), CATALOGUE);
        assertThat(violations).extracting(Violation::rule).containsExactlyElementsOf(broken);
    }

    static Stream<Arguments> courseCases() {
        return Stream.of(
                Arguments.of("before every dose: 4 given", -1.0, List.of(Rule.MAX_4_PER_EPISODE)),
                Arguments.of("at the first dose: 4 given", 0.0, List.of(Rule.MAX_4_PER_EPISODE)),
                Arguments.of("after the first (CRS resolved and returned): 3 given", 1.0, List.of()),
                Arguments.of("after every dose: none given", 30.0, List.of()));
    }

    /** A label with other numbers (6 hours apart, 2 in 24 hours, 3 in an episode): the rules follow the label. */
    static Stream<Arguments> otherLabelCases() {
        return Stream.of(
                Arguments.of("5h59 after the previous", doses(0), 5 + 59 / 60.0, List.of(Rule.MIN_INTERVAL_8_HOURS)),
                Arguments.of("exactly 6 hours after the previous", doses(0), 6.0, List.of()),
                Arguments.of("a 3rd within 24 hours", doses(0, 6), 12.0, List.of(Rule.MAX_3_IN_24_HOURS)),
                Arguments.of("a 3rd exactly 24 hours after the first", doses(0, 6), 24.0, List.of()),
                Arguments.of("a 4th in the episode", doses(0, 24, 48), 72.0, List.of(Rule.MAX_4_PER_EPISODE)));
    }

    @ParameterizedTest(name = "under another label: {0}")
    @MethodSource("otherLabelCases")
    void theRulesReadTheLabelsNumbers(String name, List<Instant> given, double proposed, List<Rule> broken) {
        TocilizumabParameters other = TocilizumabLabels.label("8", "12", "30", "800", "6", 2, 3);
        assertThat(TocilizumabRules.check(given, T0.minus(Duration.ofDays(1)), h(proposed), other))
                .extracting(Violation::rule).containsExactlyInAnyOrderElementsOf(broken);
    }

    @ParameterizedTest(name = "{0} says {1}")
    @MethodSource("ruleWords")
    void eachRuleNamesTheLabelsNumber(Rule rule, String words) {
        assertThat(rule.label(CATALOGUE)).isEqualTo(words);
    }

    static Stream<Arguments> ruleWords() {
        return Stream.of(Arguments.of(Rule.MIN_INTERVAL_8_HOURS, "at least 8 hours between doses"),
                Arguments.of(Rule.MAX_3_IN_24_HOURS, "at most 3 doses in 24 hours"),
                Arguments.of(Rule.MAX_4_PER_EPISODE, "at most 4 doses in a CRS episode"),
                Arguments.of(Rule.DOSE_ABOVE_WEIGHT_BASED, "no more than the dose for the patient's weight"));
    }
}
