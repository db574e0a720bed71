package org.cartpath.monitoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cartpath.monitoring.rules.Episodes.Episode;
import org.cartpath.monitoring.rules.Episodes.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Episodes from a series of grades, one assessment a day: onset, highest grade, resolution. */
class EpisodesTest {

    static final Instant DAY0 = Instant.parse("2026-11-20T10:00:00Z");

    static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    static List<Point> grades(int... grades) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < grades.length; i++) {
            points.add(new Point(day(i), grades[i]));
        }
        return points;
    }

    /** grades by day, then per episode: onset day, highest, day of highest, resolution day (-1 while open). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new int[] {}, new int[][] {}),
                Arguments.of(new int[] {0, 0, 0}, new int[][] {}),
                Arguments.of(new int[] {1}, new int[][] {{0, 1, 0, -1}}),
                Arguments.of(new int[] {0, 1, 2, 0}, new int[][] {{1, 2, 2, 3}}),
                Arguments.of(new int[] {0, 2, 3, 1, 0, 1, 0}, new int[][] {{1, 3, 2, 4}, {5, 1, 5, 6}}),
                Arguments.of(new int[] {2, 2, 2}, new int[][] {{0, 2, 0, -1}}),
                Arguments.of(new int[] {3, 0, 0, 4}, new int[][] {{0, 3, 0, 1}, {3, 4, 3, -1}}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void episodesFromGrades(int[] grades, int[][] expected) {
        List<Episode> episodes = Episodes.derive(grades(grades));
        assertThat(episodes).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            Episode e = episodes.get(i);
            assertThat(e.onsetAt()).isEqualTo(day(expected[i][0]));
            assertThat(e.highestGrade()).isEqualTo(expected[i][1]);
            assertThat(e.highestAt()).isEqualTo(day(expected[i][2]));
            assertThat(e.resolvedAt()).isEqualTo(expected[i][3] < 0 ? null : day(expected[i][3]));
        }
    }

    @Test
    void assessmentsAreTakenInTheOrderTheyWereMadeNotRecorded() {
        List<Point> shuffled = List.of(new Point(day(2), 0), new Point(day(0), 2), new Point(day(1), 3));
        assertThat(Episodes.derive(shuffled)).singleElement()
                .satisfies(e -> {
                    assertThat(e.highestGrade()).isEqualTo(3);
                    assertThat(e.resolvedAt()).isEqualTo(day(2));
                    assertThat(e.covers(day(1))).isTrue();
                    assertThat(e.covers(day(2))).isFalse();
                });
    }
}
