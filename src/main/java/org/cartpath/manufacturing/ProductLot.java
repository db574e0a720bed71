package org.cartpath.manufacturing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A released product lot with everything decided about it, newest check last.
 *
 * @param manufacturerOutOfSpecification the manufacturer's own out-of-specification finding, if it made one
 */
public record ProductLot(
        UUID id,
        int attempt,
        CertificateOfAnalysis certificate,
        String manufacturerOutOfSpecification,
        Instant reportedAt,
        String reportedBy,
        List<LotAssessment> assessments,
        List<LotDecision> decisions) {

    public LotAssessment latestAssessment() {
        return assessments.isEmpty() ? null : assessments.get(assessments.size() - 1);
    }

    public boolean outOfSpecification() {
        LotAssessment latest = latestAssessment();
        return manufacturerOutOfSpecification != null
                || (latest != null && latest.result() == ReleaseChecks.Result.OUT_OF_SPECIFICATION);
    }

    public LotDecision decision(LotDecision.Kind kind) {
        return decisions.stream().filter(d -> d.kind() == kind).findFirst().orElse(null);
    }

    public boolean accepted() {
        return decision(LotDecision.Kind.QA_ACCEPTANCE) != null;
    }
}
