package org.cartpath.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cartpath.followup.schedule.RegistryTrack;
import org.cartpath.journey.CaseId;

/**
 * A case's follow-up plan from day 0 (the infusion): its registry track (and where the track came from: the
 * catalogue's default or the centre's change with its reason), the registry time points and the clinic visits.
 */
public record FollowUpPlan(CaseId caseId, String caseReference, LocalDate dayZero, RegistryTrack track,
        String trackBasis, String clinicBasis, int version, List<PlannedTimepoint> timepoints,
        List<PlannedVisit> visits) {

    /** The next clinic visit not yet done on or after {@code today}, else the earliest one not done. */
    public Optional<PlannedVisit> nextVisit(LocalDate today) {
        return visits.stream().filter(v -> !v.done() && !v.dueDate().isBefore(today)).findFirst()
                .or(() -> visits.stream().filter(v -> !v.done()).findFirst());
    }
}
