package org.cartpath.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.TextLimits;
import org.cartpath.treatment.ChecklistConfiguration;
import org.cartpath.treatment.ChecklistStatus;
import org.cartpath.treatment.PreInfusionChecklist;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pre-infusion checklist of a case, and the centre's checklist configurations, over REST. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pre-infusion checklist", description = "Automatic items computed with their evidence; manual items ticked"
        + " by a ward nurse or consultant; one item overridden by a consultant with a signed reason. The treating centre"
        + " only (404 for every other organisation). POSTs accept Idempotency-Key.")
class ChecklistApiController {

    record TickBody(@Size(max = TextLimits.SHORT) String itemCode, @Size(max = TextLimits.LONG) String note) {
    }

    record OverrideBody(
            @Size(max = TextLimits.SHORT) String itemCode,
            @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.SHORT) String password) {
    }

    record WithdrawalBody(@Size(max = TextLimits.SHORT) String itemCode, @Size(max = TextLimits.LONG) String reason) {
    }

    record ConfigurationBody(
            @Size(max = TextLimits.SHORT) String productCode,
            @Valid List<PreInfusionChecklist.OwnItem> items,
            @Size(max = TextLimits.LONG) String reason) {
    }

    private final PreInfusionChecklist checklist;

    ChecklistApiController(PreInfusionChecklist checklist) {
        this.checklist = checklist;
    }

    @GetMapping("/cases/{id}/pre-infusion-checklist")
    @Operation(summary = "The case's checklist: each item's state (DONE_BY_CARTPATH, TICKED, OVERRIDDEN, OPEN), its"
            + " evidence, who ticked it and when")
    ChecklistStatus checklist(Actor actor, @PathVariable String id) {
        return checklist.checklist(actor, CaseId.of(id));
    }

    @PostMapping("/cases/{id}/pre-infusion-checklist/ticks")
    @Operation(summary = "Tick an item that needs a person (ward nurse or consultant; case RECEIVED or LYMPHODEPLETION)",
            description = "422 item-not-tickable for an item cartpath decides from its records, or whose evidence is"
                    + " against it. A tick counts for cartpath.treatment.checklist-valid-for (24 hours by default).")
    ResponseEntity<ChecklistStatus> tick(Actor actor, @PathVariable String id, @RequestBody(required = false) TickBody body) {
        TickBody in = body != null ? body : new TickBody(null, null);
        return ResponseEntity.status(201).body(checklist.tick(actor, CaseId.of(id), in.itemCode(), in.note()));
    }

    @PostMapping("/cases/{id}/pre-infusion-checklist/overrides")
    @Operation(summary = "A consultant overrides one item with a reason and an e-signature (password)",
            description = "422 item-not-overridable for the receipt, QA acceptance and lymphodepletion items (conditions of"
                    + " the infusion in their own right), a withdrawn consent, or while another item is overridden.")
    ResponseEntity<ChecklistStatus> override(Actor actor, @PathVariable String id,
            @RequestBody(required = false) OverrideBody body) {
        OverrideBody in = body != null ? body : new OverrideBody(null, null, null);
        if (in.password() == null || in.password().isEmpty()) {
            throw ProblemException.invalid("password", "is required: the override is signed");
        }
        return ResponseEntity.status(201).body(checklist.override(actor, CaseId.of(id), in.itemCode(), in.reason(),
                in.password()));
    }

    @PostMapping("/cases/{id}/pre-infusion-checklist/withdrawals")
    @Operation(summary = "Withdraw an item's tick (or, for a consultant, its override) with the reason")
    ResponseEntity<ChecklistStatus> withdraw(Actor actor, @PathVariable String id,
            @RequestBody(required = false) WithdrawalBody body) {
        WithdrawalBody in = body != null ? body : new WithdrawalBody(null, null);
        return ResponseEntity.status(201).body(checklist.withdraw(actor, CaseId.of(id), in.itemCode(), in.reason()));
    }

    @GetMapping("/pre-infusion-checklists")
    @Operation(summary = "The checklists that apply at your centre: cartpath's default (seven items, ADR 0017) and the"
            + " centre's own, latest versions")
    List<ChecklistConfiguration> configurations(Actor actor) {
        return checklist.configurations(actor);
    }

    @PostMapping("/pre-infusion-checklists")
    @Operation(summary = "A new version of your centre's checklist, for one product (productCode) or all (QA,"
            + " consultant)", description = "items: the centre's own items ({label, hint}), added to the seven default"
            + " items, which cannot be removed; up to 10.")
    ResponseEntity<ChecklistConfiguration> configure(Actor actor, @RequestBody(required = false) ConfigurationBody body) {
        ConfigurationBody in = body != null ? body : new ConfigurationBody(null, null, null);
        return ResponseEntity.status(201).body(checklist.configure(actor, in.productCode(), in.items(), in.reason()));
    }
}
