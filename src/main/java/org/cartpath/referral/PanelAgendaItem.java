package org.cartpath.referral;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;

/**
 * A case on a meeting's agenda. It awaits a decision until the chair decides; a deferral moves it to the next
 * meeting as a new item that names the one it came from.
 */
public record PanelAgendaItem(
        UUID id,
        UUID meetingId,
        CaseId caseId,
        String caseReference,
        PanelPatient patient,
        Status status,
        Instant submittedAt,
        String submittedBy,
        OrganisationId submittingOrganisationId,
        UUID deferredFrom) {

    public enum Status {
        AWAITING_DECISION("Awaiting decision"),
        DECIDED("Decided"),
        DEFERRED("Deferred");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean awaitingDecision() {
        return status == Status.AWAITING_DECISION;
    }
}
