package org.cartpath.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.shared.Role;

/** Something someone must do for a case by a date; the worklist shows open tasks, overdue first. */
public record CaseTask(
        UUID id,
        CaseId caseId,
        String title,
        Role role,
        LocalDate dueOn,
        Instant openedAt,
        Instant closedAt,
        String closedBy) {

    public boolean isOpen() {
        return closedAt == null;
    }

    public boolean overdueOn(LocalDate today) {
        return isOpen() && dueOn != null && dueOn.isBefore(today);
    }
}
