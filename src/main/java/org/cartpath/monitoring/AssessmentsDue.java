package org.cartpath.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * What the schedule asks of a case now: the scheduled days that passed without an assessment since
 * monitoring started in cartpath, whether today's is still to do, and the next scheduled day.
 */
public record AssessmentsDue(List<Integer> missedDays, Integer dueTodayDay, Integer nextDueDay, LocalDate nextDueOn) {

    public boolean dueToday() {
        return dueTodayDay != null;
    }
}
