package org.cartpath.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.cartpath.followup.SharedCare;
import org.cartpath.followup.SharedCareSubmission;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shared care with the referring hospital (docs/clinical/follow-up.md): the hospital's record system submits a clinic
 * visit of its patient with its API token; the treating centre accepts it or returns it with a question.
 */
@RestController
@Tag(name = "Shared care", description = "Clinic visits submitted by the referring hospital, reviewed by the centre")
class SharedCareApiController {

    record SubmissionBody(@Size(max = TextLimits.SHORT) String visitKey, @Size(max = TextLimits.SHORT) String timepoint,
            Boolean attended, @Size(max = TextLimits.SHORT) String on, @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.LONG) String note, @Size(max = TextLimits.SHORT) String nhsNumber) {
    }

    record ReviewBody(Integer version, @Size(max = TextLimits.LONG) String question) {
    }

    private final SharedCare sharedCare;

    SharedCareApiController(SharedCare sharedCare) {
        this.sharedCare = sharedCare;
    }

    @PostMapping("/api/v1/cases/{id}/follow-up/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The referring hospital submits a clinic visit of its patient (visitKey DAY_90, YEAR_2…;"
            + " optionally the registry timepoint it provides, e.g. DAY_100, with the visit date in its window) with the"
            + " patient's NHS number; pending until the treating centre accepts it. 422 patient-mismatch, 409"
            + " not-infused, visit-already-recorded, submission-already-open")
    SharedCareSubmission submit(Actor actor, @PathVariable String id, @RequestBody(required = false) SubmissionBody body) {
        return sharedCare.submit(actor, CaseId.of(id), visit(body));
    }

    @GetMapping("/api/v1/cases/{id}/follow-up/submissions")
    @Operation(summary = "The case's submissions, newest first (a referring hospital sees its own)")
    List<SharedCareSubmission> ofCase(Actor actor, @PathVariable String id) {
        return sharedCare.ofCase(actor, CaseId.of(id));
    }

    @GetMapping("/api/v1/follow-up-submissions/{id}")
    @Operation(summary = "One submission with its versions and the centre's decisions")
    SharedCareSubmission get(Actor actor, @PathVariable String id) {
        return sharedCare.get(actor, submissionId(id));
    }

    @PostMapping("/api/v1/follow-up-submissions/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The hospital corrects a returned submission: a new version, pending again; 409"
            + " submission-not-returned")
    SharedCareSubmission resubmit(Actor actor, @PathVariable String id,
            @RequestBody(required = false) SubmissionBody body) {
        return sharedCare.resubmit(actor, submissionId(id), visit(body));
    }

    @PostMapping("/api/v1/follow-up-submissions/{id}/acceptance")
    @Operation(summary = "The treating centre's data manager or consultant accepts the version they reviewed: the visit"
            + " is recorded and the registry time point it names completed; 409 submission-already-reviewed,"
            + " stale-version")
    SharedCareSubmission accept(Actor actor, @PathVariable String id, @RequestBody(required = false) ReviewBody body) {
        return sharedCare.accept(actor, submissionId(id), body == null ? null : body.version());
    }

    @PostMapping("/api/v1/follow-up-submissions/{id}/return")
    @Operation(summary = "The treating centre returns the version they reviewed to the hospital with a question")
    SharedCareSubmission returnWithQuestion(Actor actor, @PathVariable String id,
            @RequestBody(required = false) ReviewBody body) {
        return sharedCare.returnWithQuestion(actor, submissionId(id), body == null ? null : body.version(),
                body == null ? null : body.question());
    }

    static SharedCare.Visit visit(SubmissionBody body) {
        SubmissionBody in = body != null ? body : new SubmissionBody(null, null, null, null, null, null, null);
        return new SharedCare.Visit(in.visitKey(), in.timepoint(), in.attended(),
                FollowUpOutcomeApiController.date(in.on(), "on"), in.reason(), in.note(), in.nhsNumber());
    }

    static UUID submissionId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("follow-up submission", id);
        }
    }
}
