package org.cartpath.journey;

import java.time.Instant;
import org.cartpath.shared.OrganisationId;

/**
 * Published inside the transaction that opens a case or moves it to another stage (an ending too), so that a listener
 * can write what it owes in that same transaction: the outbound webhook's outbox (interop, ADR 0033) commits exactly
 * when the stage change does. It carries ids, codes and times, never the patient's identity.
 *
 * @param from    the stage before; {@code null} when the case was opened
 * @param version the case's version after the change: a receiver orders a case's changes by it
 */
public record CaseStageChanged(CaseId caseId, String reference, int version, Stage from, Stage to, Instant at,
        OrganisationId treatingCentre, OrganisationId referringOrganisation) {

    static CaseStageChanged of(TherapyCase after, Stage from, Instant at) {
        return new CaseStageChanged(after.id(), after.reference(), after.version(), from, after.stage(), at,
                after.treatingCentre(), after.referringOrganisation());
    }
}
