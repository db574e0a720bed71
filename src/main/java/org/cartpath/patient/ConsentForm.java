package org.cartpath.patient;

import java.time.Instant;
import java.util.UUID;

/**
 * The signed consent form attached to a consent entry, described without its content.
 *
 * @param consentId   the consent entry the form records
 * @param contentType the type told by the file's content (PDF, PNG or JPEG), not the one the uploader declared
 * @param sha256      the digest of the stored bytes, lower-case hex
 */
public record ConsentForm(
        UUID id,
        UUID consentId,
        String fileName,
        String contentType,
        int sizeBytes,
        String sha256,
        String uploadedBy,
        String organisationName,
        Instant uploadedAt) {
}
