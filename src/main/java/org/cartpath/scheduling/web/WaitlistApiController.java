package org.cartpath.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.journey.CaseId;
import org.cartpath.scheduling.DiseaseKinetics;
import org.cartpath.scheduling.RankedEntry;
import org.cartpath.scheduling.SlotOffer;
import org.cartpath.scheduling.Urgency;
import org.cartpath.scheduling.Waitlist;
import org.cartpath.scheduling.WaitlistEntry;
import org.cartpath.scheduling.internal.Fields;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Waitlist", description = "Cases waiting for a slot, their priority score and the committee's overrides")
class WaitlistApiController {

    record JoinRequest(@Size(max = TextLimits.SHORT) String caseId) {
    }

    record PriorityRequest(
            @Size(max = TextLimits.SHORT) String urgency,
            @Size(max = TextLimits.SHORT) String kinetics,
            @Size(max = TextLimits.LONG) String reason) {
    }

    record OverrideRequest(BigDecimal rank, @Size(max = TextLimits.LONG) String reason) {
    }

    record ReasonRequest(@Size(max = TextLimits.LONG) String reason) {
    }

    private final Waitlist waitlist;

    WaitlistApiController(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    @PostMapping("/waitlist-entries")
    @Operation(summary = "Put a case without a slot on its product's waitlist (the treating centre's coordinators)",
            description = "409 already-on-waitlist, case-already-booked or case-not-approved. Accepts Idempotency-Key.")
    ResponseEntity<WaitlistEntry> join(Actor actor, @RequestBody(required = false) JoinRequest body) {
        // blank is missing: Fields.id answers null for it
        java.util.UUID caseId = body == null ? null : Fields.id(body.caseId(), "caseId");
        if (caseId == null) {
            throw ProblemException.invalid("caseId", "is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(waitlist.join(actor, new CaseId(caseId)));
    }

    @GetMapping("/waitlists/{product}")
    @Operation(summary = "A product's waitlist in order, with each score's breakdown and expected slot date",
            description = "Treatment centre staff; other centres' cases show only position, score and centre.")
    List<RankedEntry> ranked(Actor actor, @PathVariable String product) {
        return waitlist.ranked(actor, RequestFields.choice(product, ProductCode.class, "product"));
    }

    @GetMapping("/cases/{id}/waitlist-position")
    @Operation(summary = "Where a case stands on its waitlist: position, score breakdown, expected dates (its treating centre and referrer)")
    RankedEntry position(Actor actor, @PathVariable String id) {
        CaseId caseId = CaseId.of(id);
        return waitlist.positionOfCase(actor, caseId).orElseThrow(() -> new NotFoundException("waitlist entry of case", id));
    }

    @PostMapping("/waitlist-entries/{id}/clinical-priority")
    @Operation(summary = "Set clinical urgency and disease kinetics, with a reason (the treating centre's consultants)")
    WaitlistEntry priority(Actor actor, @PathVariable String id, @RequestBody(required = false) PriorityRequest body) {
        PriorityRequest b = body == null ? new PriorityRequest(null, null, null) : body;
        return waitlist.setClinicalPriority(actor, Ids.parse(id, "waitlist entry"),
                RequestFields.choice(b.urgency(), Urgency.class, "urgency"),
                RequestFields.choice(b.kinetics(), DiseaseKinetics.class, "kinetics"), b.reason());
    }

    @PostMapping("/waitlist-entries/{id}/committee-override")
    @Operation(summary = "Place a case above the scored order (rank 1 = first), or return it (rank null), with a reason",
            description = "For the allocation committee: the treating centre's coordinators or consultants.")
    WaitlistEntry override(Actor actor, @PathVariable String id, @RequestBody(required = false) OverrideRequest body) {
        OverrideRequest b = body == null ? new OverrideRequest(null, null) : body;
        return waitlist.overrideOrder(actor, Ids.parse(id, "waitlist entry"), RequestFields.wholeNumber(b.rank(), "rank"),
                b.reason());
    }

    @PostMapping("/waitlist-entries/{id}/withdrawal")
    @Operation(summary = "Take a case off the waitlist, with a reason")
    WaitlistEntry leave(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonRequest body) {
        return waitlist.leave(actor, Ids.parse(id, "waitlist entry"), body == null ? null : body.reason());
    }

    @PostMapping("/slot-offers/{id}/declination")
    @Operation(summary = "Decline a slot offered to a case, with a reason; it goes to the next case")
    SlotOffer decline(Actor actor, @PathVariable String id, @RequestBody(required = false) ReasonRequest body) {
        return waitlist.declineOffer(actor, Ids.parse(id, "slot offer"), body == null ? null : body.reason());
    }
}
