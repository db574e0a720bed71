package org.cartpath.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.SteroidAdvice;
import org.cartpath.monitoring.StockCheck;
import org.cartpath.monitoring.TocilizumabDoseGiven;
import org.cartpath.monitoring.TocilizumabOverride;
import org.cartpath.monitoring.TocilizumabStatus;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.shared.Actor;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tocilizumab (dose, doses given, spacing rules, override), steroid guidance and the stock check. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "CRS and ICANS treatment support", description = "Tocilizumab dose for the latest weight and its spacing"
        + " rules, steroid guidance (decision support only), tocilizumab stock. POSTs accept Idempotency-Key.")
class TocilizumabApiController {

    record OverrideRequest(@Size(max = TextLimits.SHORT) String password, @Size(max = TextLimits.LONG) String reason) {
    }

    record DoseRequest(Instant givenAt, BigDecimal doseMg, @Valid OverrideRequest override) {
    }

    record StockRequest(BigDecimal dosesOnSite) {
    }

    private final ToxicityTreatment treatment;

    TocilizumabApiController(ToxicityTreatment treatment) {
        this.treatment = treatment;
    }

    @GetMapping("/cases/{id}/tocilizumab")
    @Operation(summary = "The dose for the latest weight (Actemra/RoActemra: 12 mg/kg under 30 kg, 8 mg/kg from 30 kg,"
            + " at most 800 mg), the doses given and the earliest time of the next")
    TocilizumabStatus status(Actor actor, @PathVariable String id) {
        return treatment.tocilizumab(actor, CaseId.of(id));
    }

    @PostMapping("/cases/{id}/tocilizumab-doses")
    @Operation(summary = "Record a dose given (ward nurses and consultants)",
            description = "Refused with 422 naming the rule and earliestAllowedAt: tocilizumab-too-early (at least 8"
                    + " hours between doses, at most 3 in 24 hours), tocilizumab-episode-limit (at most 4 in a CRS"
                    + " episode), tocilizumab-dose-above-weight; weight-required without a weight. A consultant may"
                    + " override by sending override {password, reason}: an electronic signature with the meaning"
                    + " OVERRIDDEN; the dose and the case's timeline are flagged.")
    ResponseEntity<TocilizumabDoseGiven> give(Actor actor, @PathVariable String id,
            @RequestBody(required = false) DoseRequest body) {
        DoseRequest in = body != null ? body : new DoseRequest(null, null, null);
        TocilizumabOverride override = in.override() == null ? null
                : new TocilizumabOverride(in.override().password(), in.override().reason());
        return ResponseEntity.status(201)
                .body(treatment.recordTocilizumab(actor, CaseId.of(id), in.givenAt(), in.doseMg(), override));
    }

    @GetMapping("/cases/{id}/steroid-guidance")
    @Operation(summary = "Steroid guidance for the latest CRS and ICANS grades (ASCO 2021); decision support only,"
            + " never an order")
    SteroidAdvice steroids(Actor actor, @PathVariable String id) {
        return treatment.steroidGuidance(actor, CaseId.of(id));
    }

    @GetMapping("/cases/{id}/tocilizumab-stock")
    @Operation(summary = "Tocilizumab doses on site against the label version's requirement (or 'no requirement in"
            + " the catalogue')")
    StockCheck stock(Actor actor, @PathVariable String id) {
        return treatment.stockCheck(actor, CaseId.of(id));
    }

    @PostMapping("/cases/{id}/tocilizumab-stock")
    @Operation(summary = "Record the doses of tocilizumab held on site for the case (pharmacists, consultants,"
            + " coordinators)")
    ResponseEntity<StockCheck> count(Actor actor, @PathVariable String id, @RequestBody(required = false) StockRequest body) {
        StockRequest in = body != null ? body : new StockRequest(null);
        return ResponseEntity.status(201).body(treatment.recordStock(actor, CaseId.of(id),
                RequestFields.wholeNumber(in.dosesOnSite(), "dosesOnSite")));
    }
}
