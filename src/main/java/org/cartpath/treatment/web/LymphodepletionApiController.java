package org.cartpath.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.TextLimits;
import org.cartpath.treatment.Lymphodepletion;
import org.cartpath.treatment.LymphodepletionAdministration;
import org.cartpath.treatment.LymphodepletionPlanRecord;
import org.cartpath.treatment.LymphodepletionPlanning;
import org.cartpath.treatment.LymphodepletionStatus;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.Outcome;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lymphodepletion plans, their verification and each day's administration, over REST. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Lymphodepletion", description = "Plans from the label's regimen, the patient's measurements and the"
        + " pharmacy's protocol; the pharmacist's signed verification; each dose given, held or modified. The treating"
        + " centre only (404 for every other organisation). POSTs accept Idempotency-Key: a replay answers as the first.")
class LymphodepletionApiController {

    record PlanBody(
            @Size(max = TextLimits.SHORT) String regimenId,
            @Size(max = TextLimits.SHORT) String anchorOn,
            @Size(max = TextLimits.SHORT) String plannedInfusionOn,
            @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.LONG) String renalOverrideReason,
            @Size(max = TextLimits.SHORT) String password,
            BigDecimal measuredGfrMlPerMinPer173m2,
            @Size(max = TextLimits.SHORT) String measuredGfrOn) {
    }

    record VerificationBody(@Size(max = TextLimits.SHORT) String password) {
    }

    record AdministrationBody(
            @Size(max = TextLimits.SHORT) String plannedOn,
            @Size(max = TextLimits.SHORT) String drug,
            @Size(max = TextLimits.SHORT) String status,
            @Size(max = TextLimits.SHORT) String givenAt,
            BigDecimal givenMg,
            @Size(max = TextLimits.LONG) String reason) {
    }

    private final LymphodepletionPlanning planning;
    private final Lymphodepletion lymphodepletion;

    LymphodepletionApiController(LymphodepletionPlanning planning, Lymphodepletion lymphodepletion) {
        this.planning = planning;
        this.lymphodepletion = lymphodepletion;
    }

    @PostMapping("/cases/{id}/lymphodepletion-plans")
    @Operation(summary = "Plan lymphodepletion (pharmacist of the treating centre; case RELEASED, RECEIVED or"
            + " LYMPHODEPLETION)", description = "regimenId is required when the label allows several (GET"
            + " …/lymphodepletion-plans/options). anchorOn (YYYY-MM-DD) is the first chemotherapy day, or the planned"
            + " day 0 for regimens dated from the infusion; both default to the booking's plan. plannedInfusionOn for"
            + " regimens dated from their first day. 422 measurement-missing or measurement-too-old (recorded) when the"
            + " weight or height is older than the centre's limit (cartpath.treatment.ld-max-measurement-age-days)."
            + " 422 lymphodepletion-before-collection when the first day is before the cells were collected."
            + " Fludarabine is dosed by Cockcroft–Gault from 18 and by the bedside Schwartz eGFR below"
            + " (docs/clinical/renal-function.md); a child whose estimate is outside its validated use is 422"
            + " renal-estimate-needs-override (recorded) unless renalOverrideReason is given and signed with password."
            + " A child's measured GFR (measuredGfrMlPerMinPer173m2 with measuredGfrOn, within the creatinine age"
            + " limit) is used instead of any estimate.")
    ResponseEntity<LymphodepletionPlanRecord> plan(Actor actor, @PathVariable String id,
            @RequestBody(required = false) PlanBody body) {
        PlanBody in = body != null ? body : new PlanBody(null, null, null, null, null, null, null, null);
        List<FieldProblem> problems = new ArrayList<>();
        LymphodepletionPlanning.PlanRequest request = new LymphodepletionPlanning.PlanRequest(in.regimenId(),
                Fields.date(in.anchorOn(), "anchorOn", problems), Fields.date(in.plannedInfusionOn(), "plannedInfusionOn",
                problems), in.reason(), in.renalOverrideReason(), in.password(), in.measuredGfrMlPerMinPer173m2(),
                Fields.date(in.measuredGfrOn(), "measuredGfrOn", problems));
        Fields.check(problems);
        LymphodepletionPlanRecord plan = planning.plan(actor, CaseId.of(id), request);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/lymphodepletion-plans/" + plan.id())).body(plan);
    }

    @GetMapping("/cases/{id}/lymphodepletion-plans")
    @Operation(summary = "Every lymphodepletion plan of the case, newest (current) first")
    List<LymphodepletionPlanRecord> plans(Actor actor, @PathVariable String id) {
        return planning.plans(actor, CaseId.of(id));
    }

    @GetMapping("/cases/{id}/lymphodepletion-plans/options")
    @Operation(summary = "The regimens the case's label allows and the booking's planned dates")
    LymphodepletionPlanning.Options options(Actor actor, @PathVariable String id) {
        return planning.options(actor, CaseId.of(id));
    }

    @GetMapping("/cases/{id}/lymphodepletion-plans/{planId}")
    LymphodepletionPlanRecord plan(Actor actor, @PathVariable String id, @PathVariable String planId) {
        return planning.plan(actor, CaseId.of(id), uuid(planId, "lymphodepletion plan"));
    }

    @PostMapping("/cases/{id}/lymphodepletion-plans/{planId}/verification")
    @Operation(summary = "The pharmacist verifies the current plan with an e-signature (password required)",
            description = "409 plan-superseded for an older version, 409 plan-already-verified; 422 measurement-too-old"
                    + " when the plan's measurements have grown too old since it was made.")
    LymphodepletionPlanRecord verify(Actor actor, @PathVariable String id, @PathVariable String planId,
            @RequestBody(required = false) VerificationBody body) {
        String password = body == null ? null : body.password();
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password", "is required: the verification is signed");
        }
        return planning.verify(actor, CaseId.of(id), uuid(planId, "lymphodepletion plan"), password);
    }

    @GetMapping("/cases/{id}/lymphodepletion")
    @Operation(summary = "Where lymphodepletion stands: the current plan, each dose and its record, completion, the"
            + " infusion window and the flags before day 0 (404 when nothing is planned)")
    LymphodepletionStatus status(Actor actor, @PathVariable String id) {
        return lymphodepletion.status(actor, CaseId.of(id))
                .orElseThrow(() -> new NotFoundException("lymphodepletion plan of case", id));
    }

    @PostMapping("/cases/{id}/lymphodepletion-administrations")
    @Operation(summary = "Record a planned dose as GIVEN, HELD or MODIFIED (ward nurse or pharmacist; case RECEIVED or"
            + " LYMPHODEPLETION)", description = "plannedOn (YYYY-MM-DD) and drug (FLUDARABINE, CYCLOPHOSPHAMIDE,"
            + " BENDAMUSTINE) name the dose in the current, verified plan. givenAt (ISO instant) for GIVEN and MODIFIED;"
            + " givenMg and reason for MODIFIED (lower than planned: a higher dose is 422 dose-above-plan, recorded);"
            + " reason for HELD. The first dose given moves the case to LYMPHODEPLETION.")
    ResponseEntity<LymphodepletionAdministration> administer(Actor actor, @PathVariable String id,
            @RequestBody(required = false) AdministrationBody body) {
        AdministrationBody in = body != null ? body : new AdministrationBody(null, null, null, null, null, null);
        List<FieldProblem> problems = new ArrayList<>();
        Lymphodepletion.AdministrationRequest request = new Lymphodepletion.AdministrationRequest(
                Fields.date(in.plannedOn(), "plannedOn", problems), Fields.choice(in.drug(), Drug.class, "drug", problems),
                Fields.choice(in.status(), Outcome.class, "status", problems),
                Fields.instant(in.givenAt(), "givenAt", problems), in.givenMg(), in.reason());
        Fields.check(problems);
        return ResponseEntity.status(201).body(lymphodepletion.record(actor, CaseId.of(id), request));
    }

    @GetMapping("/cases/{id}/lymphodepletion-administrations")
    @Operation(summary = "Every dose recorded for the case, against any plan, in the order recorded")
    List<LymphodepletionAdministration> administrations(Actor actor, @PathVariable String id) {
        return lymphodepletion.administrations(actor, CaseId.of(id));
    }

    static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what, value);
        }
    }
}
