package org.cartpath.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.UserId;

/** A meeting of a national CAR-T clinical panel on a day, with the member who chairs it. */
public record PanelMeeting(
        UUID id,
        OrganisationId panelOrganisationId,
        String panelName,
        LocalDate meetsOn,
        UserId chairId,
        String chairName,
        Instant createdAt,
        String createdBy) {
}
