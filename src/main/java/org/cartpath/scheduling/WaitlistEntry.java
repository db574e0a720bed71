package org.cartpath.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;

/**
 * A case waiting for a slot of its product.
 *
 * @param clinicalReason  why the consultant set urgency and kinetics (free text: shown only to the case's parties)
 * @param committeeRank   the place an allocation committee gave the case above the scored order, or null
 * @param committeeReason the committee's recorded reason
 */
public record WaitlistEntry(UUID id, CaseId caseId, String caseReference, OrganisationId centreId, String productCode,
        String indication, String jurisdiction, String labelVersionId, Instant joinedAt, String joinedByName, Urgency urgency, DiseaseKinetics kinetics, String clinicalReason,
        String clinicalSetBy, Instant clinicalSetAt, Integer committeeRank, String committeeReason, String committeeSetBy,
        Instant committeeSetAt, Status status, Instant leftAt, String leftReason, int version) {

    public enum Status { WAITING, BOOKED, LEFT }

    public boolean waiting() {
        return status == Status.WAITING;
    }
}
