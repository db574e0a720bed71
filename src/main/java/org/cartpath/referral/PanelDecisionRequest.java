package org.cartpath.referral;

import org.cartpath.shared.OrganisationId;

/**
 * What the chair decides. {@code treatingCentreId} (approval only) defaults to the case's centre; another
 * centre needs the basis and a reason. {@code password} re-authenticates the chair for the signature.
 */
public record PanelDecisionRequest(
        PanelOutcome outcome,
        String reason,
        OrganisationId treatingCentreId,
        PanelAllocationBasis allocationBasis,
        String allocationReason,
        String password) {
}
