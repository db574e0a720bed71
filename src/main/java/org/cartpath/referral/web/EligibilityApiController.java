package org.cartpath.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.referral.EligibilityAssessment;
import org.cartpath.referral.EligibilityAssessments;
import org.cartpath.referral.EligibilityAssessments.Choice;
import org.cartpath.referral.EligibilityDecision;
import org.cartpath.referral.EligibilityEvaluation;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.Page;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases/{id}")
@Tag(name = "Eligibility", description = "Eligibility of a case's patient for a product under the current label "
        + "version: each criterion met, not met or unknown, with the data used and its source; confirmed or "
        + "overridden by the treating centre's consultant, signed and stored as shown")
class EligibilityApiController {

    static final String READ_PURPOSE = "API eligibility assessments";

    record EvaluationRequest(
            @Size(max = TextLimits.SHORT) String productCode,
            @Size(max = TextLimits.SHORT) String indication,
            @Size(max = TextLimits.SHORT) String jurisdiction) {
    }

    record EvaluationResponse(EligibilityEvaluation evaluation, String evaluationDigest, int nextVersion) {
    }

    record AssessmentRequest(
            @Size(max = TextLimits.SHORT) String productCode,
            @Size(max = TextLimits.SHORT) String indication,
            @Size(max = TextLimits.SHORT) String jurisdiction,
            @Size(max = TextLimits.SHORT) String decision,
            @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.SHORT) String password,
            @Size(max = TextLimits.SHORT) String evaluationDigest) {
    }

    private final EligibilityAssessments assessments;

    EligibilityApiController(EligibilityAssessments assessments) {
        this.assessments = assessments;
    }

    @PostMapping("/eligibility-evaluations")
    @Operation(summary = "Evaluate eligibility without recording it", description = "The treating centre's "
            + "consultants, with the case at TRIAGED or ELIGIBILITY_ASSESSED. productCode, indication and jurisdiction "
            + "default to the case's (the indication to the patient's diagnosis). Returns the evaluation and its "
            + "digest; send the digest with the assessment to be sure it is stored as it was shown. The read of "
            + "the patient is logged; nothing else is written.")
    EvaluationResponse evaluate(Actor actor, @PathVariable String id, @RequestBody(required = false) EvaluationRequest body) {
        EvaluationRequest request = body == null ? new EvaluationRequest(null, null, null) : body;
        EligibilityAssessments.Preview preview = assessments.evaluate(actor, CaseId.of(id),
                new Choice(request.productCode(), request.indication(), request.jurisdiction()));
        return new EvaluationResponse(preview.evaluation(), preview.digest(), preview.nextVersion());
    }

    @PostMapping("/eligibility-assessments")
    @Operation(summary = "Run and record an eligibility assessment", description = "Evaluates the patient against "
            + "the current label version and records it with the consultant's decision: CONFIRMED (the result "
            + "stands: a met result proceeds to the national panel, not met or unknown stops) or OVERRIDDEN (with "
            + "a reason: proceeds although not met or unknown, or stops although met). A re-assessment needs a "
            + "reason. The consultant's password signs it (APPROVED when confirmed, OVERRIDDEN when overridden; "
            + "422 signature-refused). With evaluationDigest from an evaluation, 409 eligibility-changed if the "
            + "result would differ from what was shown. A proceeding assessment moves the case to "
            + "ELIGIBILITY_ASSESSED; the case keeps the label version. Accepts Idempotency-Key: a replay answers "
            + "with the first assessment.")
    ResponseEntity<EligibilityAssessment> record(Actor actor, @PathVariable String id,
            @RequestBody(required = false) AssessmentRequest body) {
        AssessmentRequest request = body == null ? new AssessmentRequest(null, null, null, null, null, null, null) : body;
        EligibilityAssessment recorded = assessments.record(actor, CaseId.of(id),
                new Choice(request.productCode(), request.indication(), request.jurisdiction()),
                RequestFields.choice(request.decision(), EligibilityDecision.class, "decision"), request.reason(),
                request.password(), request.evaluationDigest());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/cases/" + id + "/eligibility-assessments/" + recorded.id()))
                .body(recorded);
    }

    @GetMapping("/eligibility-assessments")
    @Operation(summary = "The case's eligibility assessments, newest first", description = "For organisations that "
            + "see the case in full (manufacturers and couriers get 404). Each is as it was shown and signed, with "
            + "whether its signature still verifies. The read is logged.")
    Page<EligibilityAssessment> list(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.Request request = new Page.Request(page, size);
        List<EligibilityAssessment> all = assessments.assessments(actor, CaseId.of(id), READ_PURPOSE);
        List<EligibilityAssessment> items = all.stream().skip(request.offset()).limit(request.size()).toList();
        return new Page<>(items, request.page(), request.size(), all.size());
    }

    @GetMapping("/eligibility-assessments/{assessmentId}")
    EligibilityAssessment get(Actor actor, @PathVariable String id, @PathVariable String assessmentId) {
        UUID assessment = Ids.parse(assessmentId, "eligibility assessment");
        return assessments.assessment(actor, CaseId.of(id), assessment, READ_PURPOSE);
    }
}
