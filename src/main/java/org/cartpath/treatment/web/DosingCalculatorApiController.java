package org.cartpath.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.dosing.CreatinineClearance;
import org.cartpath.treatment.dosing.SerumCreatinine;
import org.cartpath.treatment.dosing.Sex;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stateless dosing calculators for lymphodepletion: body surface area and creatinine clearance. Nothing is
 * stored. A missing body is read as an empty one, so the answer names every required field.
 */
@RestController
@RequestMapping("/api/v1/calculators")
@Tag(name = "Dosing calculators", description = "Body surface area and Cockcroft–Gault creatinine clearance;"
        + " decision support, nothing is stored")
class DosingCalculatorApiController {

    record BodySurfaceAreaRequest(
            BigDecimal heightCm,
            BigDecimal weightKg,
            @Size(max = TextLimits.SHORT) String formula) {
    }

    record BodySurfaceAreaResponse(BigDecimal bsaM2) {
    }

    record CreatinineClearanceRequest(
            BigDecimal ageYears,
            BigDecimal weightKg,
            @Size(max = TextLimits.SHORT) String sex,
            BigDecimal serumCreatinineMgPerDl,
            BigDecimal serumCreatinineUmolPerL) {
    }

    record CreatinineClearanceResponse(BigDecimal mlPerMin) {
    }

    @PostMapping("/body-surface-area")
    @Operation(summary = "Body surface area in m² (3 decimals) by MOSTELLER, DUBOIS or HAYCOCK")
    BodySurfaceAreaResponse bodySurfaceArea(@RequestBody(required = false) BodySurfaceAreaRequest body) {
        BodySurfaceAreaRequest in = body != null ? body : new BodySurfaceAreaRequest(null, null, null);
        RequestFields.required()
                .field("heightCm", in.heightCm())
                .field("weightKg", in.weightKg())
                .field("formula", in.formula())
                .check();
        BodySurfaceArea area = BodySurfaceArea.of(
                RequestFields.choice(in.formula(), BodySurfaceArea.Formula.class, "formula"), in.heightCm(), in.weightKg());
        return new BodySurfaceAreaResponse(area.squareMetres());
    }

    @PostMapping("/creatinine-clearance")
    @Operation(summary = "Creatinine clearance in mL/min (1 decimal) by Cockcroft–Gault",
            description = "Send the serum creatinine in exactly one unit: serumCreatinineMgPerDl or"
                    + " serumCreatinineUmolPerL. sex is FEMALE or MALE.")
    CreatinineClearanceResponse creatinineClearance(@RequestBody(required = false) CreatinineClearanceRequest body) {
        CreatinineClearanceRequest in = body != null ? body : new CreatinineClearanceRequest(null, null, null, null, null);
        RequestFields.required()
                .field("ageYears", in.ageYears())
                .field("weightKg", in.weightKg())
                .field("sex", in.sex())
                .exactlyOne(SerumCreatinine.Unit.MG_PER_DL.field(), in.serumCreatinineMgPerDl(),
                        SerumCreatinine.Unit.UMOL_PER_L.field(), in.serumCreatinineUmolPerL())
                .check();
        CreatinineClearance clearance = CreatinineClearance.cockcroftGault(
                RequestFields.wholeNumber(in.ageYears(), "ageYears"), in.weightKg(),
                RequestFields.choice(in.sex(), Sex.class, "sex"), creatinine(in));
        return new CreatinineClearanceResponse(clearance.mlPerMin());
    }

    private static SerumCreatinine creatinine(CreatinineClearanceRequest in) {
        return in.serumCreatinineMgPerDl() != null
                ? new SerumCreatinine(in.serumCreatinineMgPerDl(), SerumCreatinine.Unit.MG_PER_DL)
                : new SerumCreatinine(in.serumCreatinineUmolPerL(), SerumCreatinine.Unit.UMOL_PER_L);
    }
}
