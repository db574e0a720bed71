package org.cartpath.followup;

import java.time.Instant;
import org.cartpath.shared.OrganisationId;

/**
 * A treatment centre's 24-hour contact for its CAR-T patients, as printed on the patient alert card.
 *
 * @param serviceName who answers, e.g. "GOSH CAR-T team (24 hours)"
 * @param phone       the number to call, digits with spaces, brackets, + and -
 */
public record CentreContact(OrganisationId centre, String serviceName, String phone, int version, Instant updatedAt,
        String updatedByName) {
}
