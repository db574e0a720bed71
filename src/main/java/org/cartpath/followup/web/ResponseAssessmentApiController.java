package org.cartpath.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.cartpath.followup.ResponseAssessment;
import org.cartpath.followup.ResponseAssessments;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.followup.ResponseHistory;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Disease response assessments of an infused case (docs/clinical/response-assessment.md): recorded and corrected by
 * a consultant of the treating centre, read by the follow-up readers. The inputs are read and the category derived
 * exactly as the {@code response} calculator does ({@link ResponseCalculation}), their fields named
 * {@code inputs.<field>}.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}/follow-up/responses")
@Tag(name = "Response assessments", description = "Disease response after infusion by framework (B_ALL,"
        + " LUGANO_2014_PET, LUGANO_2014_CT, IMWG_2016): versioned, corrections with a reason, best response so far")
class ResponseAssessmentApiController {

    // The shape of the request body, for the OpenAPI document only: the body is read strictly by JsonInput.
    record AssessmentBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date",
            description = "on or after day 0 (the infusion), not in the future") String assessedOn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"B_ALL", "LUGANO_2014_PET", "LUGANO_2014_CT", "IMWG_2016"}) String framework,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the framework's fields, as the"
                    + " response calculator takes them") Map<String, Object> inputs,
            @Schema(description = "a category other than the derived one; needs categoryReason and password")
            String category, String categoryReason,
            @Schema(description = "your password, to sign a category other than the derived one") String password,
            String sourceDocument,
            @Schema(description = "corrections only: why") String reason,
            @Schema(description = "corrections only: the version corrected") Integer expectedVersion) {
    }

    private final ResponseAssessments assessments;

    ResponseAssessmentApiController(ResponseAssessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping
    @Operation(summary = "The case's response assessments: the current version of each, every version, the latest,"
            + " and the best response so far per framework with the date first reached")
    ResponseHistory history(Actor actor, @PathVariable String id) {
        return assessments.history(actor, CaseId.of(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a response assessment (consultant of the treating centre); cartpath derives the"
            + " category from the inputs",
            description = "409 case-not-infused before the infusion; 400 naming the field (assessedOn before day 0"
                    + " or in the future, inputs.<field> missing or malformed); 422 inconsistent-calculator-input"
                    + " for inputs that contradict each other; 422 signature-refused for a wrong password.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = AssessmentBody.class))))
    ResponseAssessment record(Actor actor, @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        CaseId caseId = CaseId.of(id);
        assessments.dayZeroForRecording(actor, caseId);
        return assessments.record(actor, caseId, entry(JsonInput.body(body)));
    }

    @PostMapping("/{responseId}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct a response assessment: a new version with a reason; the earlier versions are kept",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = AssessmentBody.class))))
    ResponseAssessment correct(Actor actor, @PathVariable String id, @PathVariable String responseId,
            @RequestBody(required = false) JsonNode body) {
        CaseId caseId = CaseId.of(id);
        UUID response = Ids.parse(responseId, "response assessment");
        assessments.dayZeroForRecording(actor, caseId);
        JsonInput in = JsonInput.body(body);
        Integer expected = in.has("expectedVersion") ? in.requiredWholeNumber("expectedVersion", 1, Integer.MAX_VALUE)
                : null;
        return assessments.correct(actor, caseId, response, entry(in), in.text("reason"), expected);
    }

    static ResponseAssessments.Entry entry(JsonInput in) {
        in.require("assessedOn", "framework", "inputs");
        LocalDate assessedOn = date(in, "assessedOn");
        ResponseFramework framework = ResponseFramework.valueOf(
                in.requiredChoice("framework", Framework.class).name());
        JsonNode inputs = in.required("inputs");
        if (!inputs.isObject()) {
            throw ProblemException.invalid("inputs", "must be an object of the framework's fields");
        }
        JsonInput nested = JsonInput.nested(inputs, "inputs.");
        ResponseCalculation.Derived derived = ResponseCalculation.derive(framework, nested);
        Map<String, Object> recorded = new java.util.LinkedHashMap<>(derived.inputs());
        if (framework == ResponseFramework.B_ALL) {
            recorded.putAll(ngsMrd(nested));
        }
        return new ResponseAssessments.Entry(assessedOn, framework, recorded, derived.recordedCategory(),
                in.text("category"), in.text("categoryReason"), in.text("password"), in.text("sourceDocument"));
    }

    /**
     * B-ALL only, recorded with the assessment but not part of the category (docs/clinical/response-assessment.md):
     * NGS MRD ({@code ngsMrdPercent}, 0–100 % of nucleated cells) with its assay's sensitivity
     * ({@code ngsMrdSensitivityPercent}, greater than 0 and at most 1 %, e.g. 0.0001 for 10⁻⁶), both or neither; a
     * result below the sensitivity is recorded as {@code ngsMrdNegative}. 400 naming the field otherwise.
     */
    static Map<String, Object> ngsMrd(JsonInput in) {
        java.math.BigDecimal result = in.optionalNumber("ngsMrdPercent", java.math.BigDecimal.ZERO,
                new java.math.BigDecimal("100"));
        java.math.BigDecimal sensitivity = in.optionalNumber("ngsMrdSensitivityPercent", java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ONE);
        if (result == null && sensitivity == null) {
            return Map.of();
        }
        if (sensitivity == null) {
            throw ProblemException.invalid(in.path("ngsMrdSensitivityPercent"), "is required with an NGS MRD result:"
                    + " the assay's sensitivity");
        }
        if (sensitivity.signum() == 0) {
            throw ProblemException.invalid(in.path("ngsMrdSensitivityPercent"), "must be greater than 0");
        }
        if (result == null) {
            throw ProblemException.invalid(in.path("ngsMrdPercent"), "is required with the assay's sensitivity");
        }
        Map<String, Object> ngs = new java.util.LinkedHashMap<>();
        ngs.put("ngsMrdPercent", result);
        ngs.put("ngsMrdSensitivityPercent", sensitivity);
        ngs.put("ngsMrdNegative", result.compareTo(sensitivity) < 0);
        return ngs;
    }

    enum Framework {
        B_ALL, LUGANO_2014_PET, LUGANO_2014_CT, IMWG_2016
    }

    private static LocalDate date(JsonInput in, String field) {
        JsonNode value = in.required(field);
        if (!value.isString()) {
            throw ProblemException.invalid(field, "must be a date (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
