package org.cartpath.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.TextLimits;
import org.cartpath.treatment.DosingRules;
import org.cartpath.treatment.PharmacySettings;
import org.cartpath.treatment.RenalTableVersion;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.lymphodepletion.RenalBandTable.RenalBand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pharmacy's versioned protocol: renal band tables and dosing rules of the actor's centre. */
@RestController
@RequestMapping("/api/v1/pharmacy")
@Tag(name = "Pharmacy protocol", description = "The centre's fludarabine renal band tables and dosing rules (BSA"
        + " formula, rounding), versioned: pharmacists add versions, the centre's clinical staff read them. POSTs accept"
        + " Idempotency-Key.")
class PharmacyApiController {

    record RenalTableBody(
            @Size(max = TextLimits.SHORT) String name,
            @Size(max = TextLimits.LONG) String source,
            @Valid List<RenalBand> bands,
            @Size(max = TextLimits.LONG) String reason) {
    }

    record DosingRulesBody(
            @Size(max = TextLimits.SHORT) String bsaFormula,
            @Size(max = TextLimits.ITEMS) Map<String, BigDecimal> roundingIncrementsMg,
            @Size(max = TextLimits.LONG) String reason) {
    }

    private final PharmacySettings pharmacy;

    PharmacyApiController(PharmacySettings pharmacy) {
        this.pharmacy = pharmacy;
    }

    @GetMapping("/renal-band-tables")
    @Operation(summary = "Every version of the centre's renal band table, newest first (empty: cartpath's default applies)")
    Page<RenalTableVersion> renalTables(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return pharmacy.renalTables(actor, new Page.Request(page, size));
    }

    @GetMapping("/renal-band-tables/current")
    @Operation(summary = "The table lymphodepletion plans use now: the latest version, else cartpath's default (US Fludara)")
    RenalTableVersion currentRenalTable(Actor actor) {
        return pharmacy.currentRenalTable(actor);
    }

    @PostMapping("/renal-band-tables")
    @Operation(summary = "A new version of the renal band table (pharmacist)", description = "bands: {fromMlPerMin,"
            + " belowMlPerMin (empty for the open top band), percentOfDose (empty: do not give)}, covering every clearance"
            + " from 0 without gap or overlap.")
    ResponseEntity<RenalTableVersion> addRenalTable(Actor actor, @RequestBody(required = false) RenalTableBody body) {
        RenalTableBody in = body != null ? body : new RenalTableBody(null, null, null, null);
        return ResponseEntity.status(201).body(pharmacy.addRenalTable(actor, new PharmacySettings.NewRenalTable(in.name(),
                in.source(), in.bands(), in.reason())));
    }

    @GetMapping("/dosing-rules")
    @Operation(summary = "Every version of the centre's dosing rules, newest first (empty: Mosteller, whole milligrams)")
    Page<DosingRules> dosingRules(Actor actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return pharmacy.dosingRules(actor, new Page.Request(page, size));
    }

    @GetMapping("/dosing-rules/current")
    DosingRules currentDosingRules(Actor actor) {
        return pharmacy.currentDosingRules(actor);
    }

    @PostMapping("/dosing-rules")
    @Operation(summary = "A new version of the dosing rules (pharmacist)", description = "bsaFormula MOSTELLER, DUBOIS"
            + " or HAYCOCK; roundingIncrementsMg per drug (FLUDARABINE, CYCLOPHOSPHAMIDE, BENDAMUSTINE), e.g. 10 rounds"
            + " to the nearest 10 mg; a drug not named rounds to whole milligrams.")
    ResponseEntity<DosingRules> changeDosingRules(Actor actor, @RequestBody(required = false) DosingRulesBody body) {
        DosingRulesBody in = body != null ? body : new DosingRulesBody(null, null, null);
        List<FieldProblem> problems = new ArrayList<>();
        BodySurfaceArea.Formula formula = Fields.choice(in.bsaFormula(), BodySurfaceArea.Formula.class, "bsaFormula",
                problems);
        Map<Drug, BigDecimal> increments = new EnumMap<>(Drug.class);
        if (in.roundingIncrementsMg() != null) {
            in.roundingIncrementsMg().forEach((drug, mg) -> {
                Drug named = Fields.choice(drug, Drug.class, "roundingIncrementsMg." + drug, problems);
                if (named != null) {
                    increments.put(named, mg);
                }
            });
        }
        Fields.check(problems);
        return ResponseEntity.status(201).body(pharmacy.changeDosingRules(actor, formula, increments, in.reason()));
    }
}
