package org.cartpath.patient;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;

/**
 * One stored entry of a patient's clinical history: what it says, who recorded it, and whether it was
 * voided. Voided entries stay in the history (shown struck through), but count for nothing.
 */
public record Entry<T extends ClinicalDetails>(
        UUID id,
        EntryKind kind,
        @JsonUnwrapped T details,
        Recorded recorded,
        Voided voided) {

    public record Recorded(Instant at, String byName, OrganisationId organisationId, String organisationName) {
    }

    public record Voided(String reason, Instant at, String byName, String organisationName) {
    }

    /** Not voided: counts towards latest values and the clinical snapshot. */
    public boolean active() {
        return voided == null;
    }
}
