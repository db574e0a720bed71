package org.cartpath.monitoring.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CRS or ICANS episodes from a series of graded assessments: an episode begins with the first assessment
 * graded 1 or more after none or after a grade-0 assessment, and resolves at the first grade-0 assessment
 * after that; its highest grade is the worst in between. Registries record onset, resolution and highest
 * ASTCT grade (EBMT cellular therapy forms, CIBMTR 4100; docs/clinical/follow-up.md).
 */
public final class Episodes {

    /** A graded assessment: when, and the grade of one syndrome. */
    public record Point(Instant at, int grade) {
    }

    /** An episode; {@code resolvedAt} is empty while it lasts. */
    public record Episode(Instant onsetAt, int highestGrade, Instant highestAt, Instant resolvedAt) {

        public boolean isOpen() {
            return resolvedAt == null;
        }

        /** Whether the episode was under way at an instant: from its onset, until it resolved. */
        public boolean covers(Instant at) {
            return !at.isBefore(onsetAt) && (resolvedAt == null || at.isBefore(resolvedAt));
        }
    }

    private Episodes() {
    }

    public static List<Episode> derive(List<Point> points) {
        List<Point> ordered = points.stream().sorted(Comparator.comparing(Point::at)).toList();
        List<Episode> episodes = new ArrayList<>();
        Instant onset = null;
        int highest = 0;
        Instant highestAt = null;
        for (Point point : ordered) {
            if (point.grade() >= 1) {
                if (onset == null) {
                    onset = point.at();
                    highest = 0;
                }
                if (point.grade() > highest) {
                    highest = point.grade();
                    highestAt = point.at();
                }
            } else if (onset != null) {
                episodes.add(new Episode(onset, highest, highestAt, point.at()));
                onset = null;
            }
        }
        if (onset != null) {
            episodes.add(new Episode(onset, highest, highestAt, null));
        }
        return episodes;
    }
}
