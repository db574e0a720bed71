package org.cartpath.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.OrganisationId;

/**
 * A clinic visit the referring hospital submitted for a case in shared care (docs/clinical/follow-up.md): pending
 * until the treating centre accepts it (it is then the recorded visit) or returns it with a question (the hospital
 * corrects it and submits a new version). Each version and each decision is kept.
 *
 * @param timepoint the registry time point whose data the visit provides (completed when accepted), if any
 * @param version   the latest version submitted
 */
public record SharedCareSubmission(UUID id, CaseId caseId, String caseReference, OrganisationId hospital,
        String visitKey, String visitLabel, String timepoint, String timepointLabel, Status status, int version,
        List<Version> versions, List<Review> reviews) {

    /** Where a submission stands. */
    public enum Status {
        PENDING("Waiting for the centre's review"),
        RETURNED("Returned with a question"),
        ACCEPTED("Accepted");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the hospital submitted, once per version; {@code nhsNumber} is the number it stated for the patient. */
    public record Version(int version, boolean attended, LocalDate on, String reason, String note, String nhsNumber,
            String submittedBy, Instant submittedAt) {
    }

    /** The centre's decision on a version: accepted, or returned with its question. */
    public record Review(int version, Status decision, String question, String reviewedBy, Instant reviewedAt) {
    }

    /** The latest version. */
    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    /** The question of the latest return, if the submission is returned. */
    public String question() {
        return status != Status.RETURNED || reviews.isEmpty() ? null : reviews.get(reviews.size() - 1).question();
    }
}
