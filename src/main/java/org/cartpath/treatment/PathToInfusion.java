package org.cartpath.treatment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.Stage;

/**
 * A case's whole path from collection to infusion (ADR 0017): every step with its planned date (the booking's
 * plan, or the lymphodepletion plan) against what happened, and every document with its signatures.
 *
 * @param flags what stands out: an overridden checklist item, a closed infusion window, a hard stop…
 */
public record PathToInfusion(CaseId caseId, String caseReference, Stage stage, List<Step> steps, List<Document> documents,
        List<String> flags) {

    public PathToInfusion {
        steps = List.copyOf(steps);
        documents = List.copyOf(documents);
        flags = List.copyOf(flags);
    }

    /**
     * One step.
     *
     * @param plannedFrom  the planned day (or the first day of a planned window)
     * @param plannedUntil the last day of a planned window; equal to {@code plannedFrom} for a single day
     * @param plannedBasis where the plan comes from
     * @param actualFrom   the day it happened (or began); null while it has not
     * @param actualUntil  the day it ended, for steps that last several days
     * @param actual       what happened, in words
     */
    public record Step(String name, LocalDate plannedFrom, LocalDate plannedUntil, String plannedBasis,
            LocalDate actualFrom, LocalDate actualUntil, String actual) {

        public boolean done() {
            return actualFrom != null;
        }

        /** Days after the planned day (or the end of the planned window) that it happened; negative when early. */
        public Long daysLate() {
            if (actualFrom == null || plannedUntil == null) {
                return null;
            }
            if (!actualFrom.isBefore(plannedFrom) && !actualFrom.isAfter(plannedUntil)) {
                return 0L;
            }
            return actualFrom.isAfter(plannedUntil) ? ChronoUnit.DAYS.between(plannedUntil, actualFrom)
                    : ChronoUnit.DAYS.between(plannedFrom, actualFrom);
        }
    }

    /**
     * A document of the path: what it is, a line about it, where to read it, and each signature's manifestation.
     */
    public record Document(String title, String detail, String href, List<String> signatures) {
        public Document {
            signatures = List.copyOf(signatures);
        }
    }
}
