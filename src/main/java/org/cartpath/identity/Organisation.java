package org.cartpath.identity;

import java.time.Instant;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;

/**
 * An organisation taking part in CAR-T treatment.
 *
 * @param fin the ISBT 128 Facility Identification Number registered with ICCBBA, for organisations that
 *            issue chain-of-identity identifiers (docs/clinical/isbt128.md); a setting, never a constant
 */
public record Organisation(
        OrganisationId id,
        String name,
        OrganisationKind kind,
        String region,
        String odsCode,
        String fin,
        boolean operator,
        boolean active,
        int version,
        Instant createdAt) {
}
