package org.cartpath.custody.verification;

import java.time.Instant;
import java.util.UUID;

/**
 * An open two-person check whose first person has scanned and signed, waiting for a second person of one of the
 * step's roles to open it in their own session, scan again and sign.
 *
 * @param patientId the case's patient, for the name beside the reference on the treating centre's pages
 * @param itemLabel the item's eye-readable label (DIN or COI)
 */
public record AwaitingWitness(Verification verification, String caseReference, UUID patientId, String itemLabel,
        String firstSignerName, Instant firstSignedAt) {
}
