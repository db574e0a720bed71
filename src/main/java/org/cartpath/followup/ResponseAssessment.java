package org.cartpath.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a disease response assessment after infusion (docs/clinical/response-assessment.md): the date
 * assessed, the framework, its inputs as entered, the category cartpath derived from them and the category recorded
 * (the same unless the consultant recorded another with a signed reason), the source document if any, who recorded
 * it and when. {@code responseId} is the assessment across its versions; a correction is a new version with a
 * reason, and the older versions are kept.
 */
public record ResponseAssessment(UUID id, UUID responseId, int version, LocalDate assessedOn,
        ResponseFramework framework, Map<String, Object> inputs, String derivedCategory, String category,
        String categoryLabel, String categoryReason, UUID signatureId, String sourceDocument, String correctionReason,
        String recordedBy, Instant recordedAt) {

    /** Whether the recorded category differs from the one cartpath derived. */
    public boolean categoryOverridden() {
        return !category.equals(derivedCategory);
    }

    public String derivedCategoryLabel() {
        return framework.label(derivedCategory);
    }
}
