package org.cartpath.reporting.exports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One CIBMTR registry time point of one patient, with everything cartpath holds about the patient after infusion that
 * the Post-CTED (Form 4100) asks for, up to the export's data cut-off (docs/reporting/cibmtr-4100.md). The form's
 * period and its answers are worked out by {@link CibmtrLayout}.
 *
 * @param timepoints   every registry time point of the case, in order (the form's period starts after the previous
 *                     one's date of contact)
 * @param contacts     the days the patient was known alive: attended clinic visits, response assessments, monitoring
 *                     assessments and outcome entries other than "lost to follow-up"
 * @param tocilizumab  the days a tocilizumab dose was given
 * @param registryId   the registry's id of the patient (the CRID on a CIBMTR track, the EBMT registration id on the
 *                     EBMT track), or null while none is recorded
 */
record CibmtrFollowUp(UUID caseId, String caseReference, String pseudonym, String centreOds, String productCode,
        LocalDate dayZero, Timepoint timepoint, List<Timepoint> timepoints, List<LocalDate> contacts, LocalDate diedOn,
        String deathCause, List<Response> responses, List<Event> relapses, List<Event> malignancies,
        List<Episode> episodes, List<LocalDate> tocilizumab, String registryId) {

    /** A form without the registry's id of the patient (none recorded yet). */
    CibmtrFollowUp(UUID caseId, String caseReference, String pseudonym, String centreOds, String productCode,
            LocalDate dayZero, Timepoint timepoint, List<Timepoint> timepoints, List<LocalDate> contacts,
            LocalDate diedOn, String deathCause, List<Response> responses, List<Event> relapses,
            List<Event> malignancies, List<Episode> episodes, List<LocalDate> tocilizumab) {
        this(caseId, caseReference, pseudonym, centreOds, productCode, dayZero, timepoint, timepoints, contacts, diedOn,
                deathCause, responses, relapses, malignancies, episodes, tocilizumab, null);
    }

    /** A registry time point: its name (DAY_100, MONTH_6, YEAR_1…), due date and window. */
    record Timepoint(String name, LocalDate dueDate, LocalDate windowStart, LocalDate windowEnd) {
    }

    /** A response assessment's current version: its category and rank in its framework (0 is the best). */
    record Response(LocalDate assessedOn, String framework, String category, int rank) {
    }

    /** A relapse, progression or second malignancy: the date and what was recorded of it. */
    record Event(LocalDate on, String kind, String detail) {
    }

    /** A CRS or ICANS episode of the monitoring window: onset day, highest grade (ASTCT 2019) and resolution day. */
    record Episode(String kind, LocalDate onsetOn, int highestGrade, LocalDate resolvedOn) {

        Episode(String kind, LocalDate onsetOn, int highestGrade) {
            this(kind, onsetOn, highestGrade, null);
        }
    }
}
