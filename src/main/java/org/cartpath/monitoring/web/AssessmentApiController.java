package org.cartpath.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.RecordedAssessment;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.Page;
import org.cartpath.shared.TextLimits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CRS and ICANS assessments: recorded with their raw inputs, graded, corrected by new versions. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Toxicity assessments", description = "CRS and ICANS assessments graded by ASTCT 2019; corrections are"
        + " new versions with a reason. Ward nurses and consultants of the treating centre. POSTs accept"
        + " Idempotency-Key.")
class AssessmentApiController {

    record CorrectionRequest(@Size(max = TextLimits.LONG) String reason, @Valid AssessmentRequest assessment) {
    }

    private final MonitoringManagement monitoring;

    AssessmentApiController(MonitoringManagement monitoring) {
        this.monitoring = monitoring;
    }

    @PostMapping("/cases/{id}/assessments")
    @Operation(summary = "Record an assessment; answers with the CRS and ICANS grades and the reason for each",
            description = "Vasopressors: NOREPINEPHRINE, EPINEPHRINE, PHENYLEPHRINE, DOPAMINE, VASOPRESSIN. oxygenDevice:"
                    + " NONE, BLOW_BY, NASAL_CANNULA (flow required), HIGH_FLOW_NASAL_CANNULA, FACEMASK, NON_REBREATHER,"
                    + " VENTURI, CPAP, BIPAP, MECHANICAL_VENTILATION. Send iceItems {orientation 0–4, naming 0–3,"
                    + " followsCommands, writing, attention 0–1} or the eight capdAnswers (NEVER…ALWAYS) as the age"
                    + " recorded at day 0 calls for (422 wrong-assessment-tool otherwise), or unableToAssess true for a"
                    + " patient who cannot be roused. consciousness: AWAKENS_SPONTANEOUSLY, AWAKENS_TO_VOICE,"
                    + " AWAKENS_TO_TOUCH, UNAROUSABLE; seizure: NONE, RAPIDLY_RESOLVING, PROLONGED_OR_REPETITIVE;"
                    + " cerebralEdema: NONE, FOCAL, DIFFUSE. 409 before infusion or before day 0 is recorded.")
    ResponseEntity<RecordedAssessment> record(Actor actor, @PathVariable String id,
            @RequestBody(required = false) AssessmentRequest body) {
        AssessmentRequest in = body != null ? body : AssessmentRequest.empty();
        RecordedAssessment recorded = monitoring.recordAssessment(actor, CaseId.of(id), in.toInput());
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + recorded.id())).body(recorded);
    }

    @GetMapping("/cases/{id}/assessments")
    @Operation(summary = "The current version of each assessment of the case, newest first")
    Page<RecordedAssessment> list(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return monitoring.assessments(actor, CaseId.of(id), new Page.Request(page, size));
    }

    @GetMapping("/assessments/{id}")
    RecordedAssessment get(Actor actor, @PathVariable String id) {
        return monitoring.assessment(actor, Ids.parse(id, "assessment"));
    }

    @GetMapping("/assessments/{id}/versions")
    @Operation(summary = "Every version of the assessment, first to last")
    List<RecordedAssessment> versions(Actor actor, @PathVariable String id) {
        return monitoring.versions(actor, Ids.parse(id, "assessment"));
    }

    @PostMapping("/assessments/{id}/corrections")
    @Operation(summary = "Correct an assessment: a new version with a reason; only the current version can be"
            + " corrected (409 stale-version)")
    ResponseEntity<RecordedAssessment> correct(Actor actor, @PathVariable String id,
            @RequestBody(required = false) CorrectionRequest body) {
        CorrectionRequest in = body != null ? body : new CorrectionRequest(null, null);
        AssessmentRequest assessment = in.assessment() != null ? in.assessment() : AssessmentRequest.empty();
        RecordedAssessment recorded = monitoring.correctAssessment(actor, Ids.parse(id, "assessment"),
                assessment.toInput(), in.reason());
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + recorded.id())).body(recorded);
    }
}
