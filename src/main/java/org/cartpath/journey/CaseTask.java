package org.cartpath.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.shared.Role;

/**
 * Something someone must do for a case by a date; the worklist shows open tasks, overdue first.
 *
 * @param closure how it was closed; null while open. Only {@link Closure#DONE} means its work was done.
 */
public record CaseTask(
        UUID id,
        CaseId caseId,
        String title,
        Role role,
        LocalDate dueOn,
        Instant openedAt,
        Instant closedAt,
        String closedBy,
        Closure closure) {

    /** How a task was closed: its work done, replaced by a more precise task, or cancelled (it will not happen). */
    public enum Closure {
        DONE("Done"),
        REPLACED("Replaced"),
        CANCELLED("Cancelled");

        private final String label;

        Closure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An open task, or a closed one whose work was done. */
    public CaseTask(UUID id, CaseId caseId, String title, Role role, LocalDate dueOn, Instant openedAt, Instant closedAt,
            String closedBy) {
        this(id, caseId, title, role, dueOn, openedAt, closedAt, closedBy, closedAt == null ? null : Closure.DONE);
    }

    public boolean isDone() {
        return closure == Closure.DONE;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public boolean overdueOn(LocalDate today) {
        return isOpen() && dueOn != null && dueOn.isBefore(today);
    }
}
