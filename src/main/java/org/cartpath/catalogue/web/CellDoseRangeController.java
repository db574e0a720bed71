package org.cartpath.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.DoseRange;
import org.cartpath.catalogue.Indication;
import org.cartpath.catalogue.Jurisdiction;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.TextLimits;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The cell dose range calculator (docs/clinical/dosing.md): what the current label allows for a patient's weight. */
@RestController
@Tag(name = "Calculators", description = "Clinical calculators; each answer names the rule and source it applied")
class CellDoseRangeController {

    record CellDoseRangeRequest(
            @Size(max = TextLimits.SHORT) String product,
            @Size(max = TextLimits.SHORT) String indication,
            @Size(max = TextLimits.SHORT) String jurisdiction,
            BigDecimal weightKg) {
    }

    private final Catalogue catalogue;

    CellDoseRangeController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping("/api/v1/calculators/cell-dose-range")
    @Operation(summary = "The CAR-positive viable T cell dose range the current label allows: minCells, maxCells and "
            + "targetCells (null where the label gives no such bound) and the basis applied. 400 names a field that is "
            + "missing or unknown, or a weight outside 0.5-350 kg; 422 when the catalogue holds no such label")
    DoseRange cellDoseRange(Actor actor, @RequestBody CellDoseRangeRequest body) {
        if (body == null) {
            throw ProblemException.invalid("product", "is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        ProductCode product = Codes.field(body.product(), "product", ProductCode.class, problems);
        Indication indication = Codes.field(body.indication(), "indication", Indication.class, problems);
        Jurisdiction jurisdiction = Codes.field(body.jurisdiction(), "jurisdiction", Jurisdiction.class, problems);
        if (body.weightKg() == null) {
            problems.add(new FieldProblem("weightKg", "is required"));
        } else if (body.weightKg().compareTo(Catalogue.MIN_WEIGHT_KG) < 0
                || body.weightKg().compareTo(Catalogue.MAX_WEIGHT_KG) > 0) {
            problems.add(new FieldProblem("weightKg", "must be from 0.5 to 350 kg"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return catalogue.cellDoseRange(product, indication, jurisdiction, body.weightKg());
    }
}
