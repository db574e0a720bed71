package org.cartpath.journey;

import java.util.UUID;
import org.cartpath.shared.OrganisationId;

/**
 * Opening a case: the patient, who refers, which centre treats, and what is proposed (product and
 * indication codes of the catalogue; any may still be unknown at referral).
 */
public record NewCase(UUID patientId, OrganisationId referringOrganisation, OrganisationId treatingCentre,
        String productCode, String indication, String jurisdiction, String summary) {
}
