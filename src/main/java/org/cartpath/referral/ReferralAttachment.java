package org.cartpath.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * A letter or report attached to a referral, described without its content.
 *
 * @param contentType the type told by the file's content (PDF, PNG or JPEG), not the one the uploader declared
 * @param sha256      the digest of the stored bytes, lower-case hex
 * @param messageId   the answer the file came with, if any
 */
public record ReferralAttachment(
        UUID id,
        ReferralId referralId,
        UUID messageId,
        String fileName,
        String contentType,
        int sizeBytes,
        String sha256,
        String uploadedBy,
        String organisationName,
        Instant uploadedAt) {
}
