package org.cartpath.treatment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new label version of a product the centre treats with, for its pharmacy to review against the centre's
 * lymphodepletion protocol and pre-infusion checklist (docs/adr/0022-reactions-through-the-event-publication-registry.md).
 * Open until a pharmacist of the centre marks it reviewed.
 */
public record LabelReview(UUID id, String labelVersionId, String productCode, String productName, String jurisdiction,
        LocalDate effectiveFrom, Instant openedAt, String reviewedByName, Instant reviewedAt, String note) {

    public boolean open() {
        return reviewedAt == null;
    }
}
