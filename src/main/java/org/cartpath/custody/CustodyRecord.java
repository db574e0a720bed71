package org.cartpath.custody;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;

/**
 * One step of a bag's custody log as other modules may read it (the FHIR façade's {@code Provenance}, ADR 0034): what
 * happened, when, by which organisation and person, where, and to whom it was handed over. It carries no free text
 * (a custody note may name the patient) and no patient identity, so every party of the case may read it.
 *
 * @param version   the step's number in the bag's log, from 1
 * @param type      what happened, as custody's event type names it ({@code LABELLED}, {@code HANDED_OVER}…)
 * @param typeLabel the same in words
 * @param to        the organisation the bag was handed over to; only for a hand-over
 */
public record CustodyRecord(UUID itemId, int version, String type, String typeLabel, Instant occurredAt,
        OrganisationId by, String byName, String actorName, String place, OrganisationId to, String toName,
        Instant recordedAt) {
}
