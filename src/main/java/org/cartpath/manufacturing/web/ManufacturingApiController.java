package org.cartpath.manufacturing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.CaseId;
import org.cartpath.manufacturing.CertificateOfAnalysis;
import org.cartpath.manufacturing.ExceptionalRoute;
import org.cartpath.manufacturing.FailureReason;
import org.cartpath.manufacturing.FailureResolution;
import org.cartpath.manufacturing.LotReleases;
import org.cartpath.manufacturing.ManufacturingReport;
import org.cartpath.manufacturing.ManufacturingReports;
import org.cartpath.manufacturing.ManufacturingReports.StatusReport;
import org.cartpath.manufacturing.ManufacturingStatus;
import org.cartpath.manufacturing.OutOfSpecificationRoutes;
import org.cartpath.manufacturing.ProductLot;
import org.cartpath.shared.Actor;
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

/**
 * Manufacturing over REST: manufacturers (bearer tokens) report status and release lots; the centre checks,
 * decides and accepts. Every POST accepts Idempotency-Key: a manufacturer's retried report has one effect.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Manufacturing", description = "Manufacturer status, certificates of analysis, release checks and acceptance")
class ManufacturingApiController {

    record ReportRequest(
            @Size(max = TextLimits.SHORT) String status,
            @Size(max = TextLimits.LONG) String failureReason,
            @Size(max = TextLimits.LONG) String resolution,
            @Size(max = TextLimits.LONG) String reason,
            LocalDate expectedReleaseOn) {
    }

    record ReleaseRequest(
            @Size(max = TextLimits.SHORT) String lotNumber,
            @Size(max = TextLimits.SHORT) String chainOfIdentity,
            BigDecimal doseCells,
            BigDecimal cd8Cells,
            BigDecimal cd4Cells,
            BigDecimal viabilityPercent,
            BigDecimal volumeMl,
            Integer bags,
            LocalDate expiresOn,
            @Size(max = TextLimits.LONG) String manufacturerOutOfSpecification) {
    }

    record SignatureRequest(
            @Size(max = TextLimits.SHORT) String password,
            @Size(max = TextLimits.LONG) String reason,
            @Size(max = TextLimits.SHORT) String route) {
    }

    private final ManufacturingReports manufacturing;
    private final LotReleases releases;
    private final OutOfSpecificationRoutes routes;

    ManufacturingApiController(ManufacturingReports manufacturing, LotReleases releases,
            OutOfSpecificationRoutes routes) {
        this.manufacturing = manufacturing;
        this.releases = releases;
        this.routes = routes;
    }

    @PostMapping("/cases/{id}/manufacturing-reports")
    @Operation(summary = "Report manufacturing status (manufacturer, or a coordinator mirroring its portal)",
            description = "status: MATERIAL_RECEIVED, MANUFACTURING_STARTED, IN_QC or FAILED (with failureReason "
                    + "POOR_GROWTH, LOW_VIABILITY, LOW_PURITY or OTHER and resolution RE_COLLECTION or RE_MANUFACTURE). "
                    + "Accepts Idempotency-Key.")
    ResponseEntity<ManufacturingReport> report(Actor actor, @PathVariable String id,
            @RequestBody(required = false) ReportRequest body) {
        ReportRequest request = body == null ? new ReportRequest(null, null, null, null, null) : body;
        RequestFields.required().field("status", request.status()).check();
        ManufacturingReport report = manufacturing.report(actor, CaseId.of(id), new StatusReport(
                RequestFields.choice(request.status(), ManufacturingStatus.class, "status"),
                RequestFields.choice(request.failureReason(), FailureReason.class, "failureReason"),
                RequestFields.choice(request.resolution(), FailureResolution.class, "resolution"),
                request.reason(), request.expectedReleaseOn()));
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    @GetMapping("/cases/{id}/manufacturing-reports")
    List<ManufacturingReport> reports(Actor actor, @PathVariable String id) {
        return manufacturing.history(actor, CaseId.of(id)).reports();
    }

    @PostMapping("/cases/{id}/product-lots")
    @Operation(summary = "Release a lot with its certificate of analysis (manufacturer)",
            description = "doseCells are CAR-positive viable T cells (for Breyanzi also cd8Cells and cd4Cells); "
                    + "manufacturerOutOfSpecification says why the manufacturer's own tests failed, if they did. "
                    + "Accepts Idempotency-Key.")
    ResponseEntity<ProductLot> release(Actor actor, @PathVariable String id,
            @RequestBody(required = false) ReleaseRequest body) {
        if (body == null) {
            RequestFields.required().field("lotNumber", null).check();
        }
        ProductLot lot = releases.release(actor, CaseId.of(id), new CertificateOfAnalysis(body.lotNumber(),
                body.chainOfIdentity(), body.doseCells(), body.cd8Cells(), body.cd4Cells(), body.viabilityPercent(),
                body.volumeMl(), body.bags(), body.expiresOn()), body.manufacturerOutOfSpecification());
        return ResponseEntity.status(HttpStatus.CREATED).body(lot);
    }

    @GetMapping("/cases/{id}/product-lots")
    List<ProductLot> lots(Actor actor, @PathVariable String id) {
        return manufacturing.history(actor, CaseId.of(id)).lots();
    }

    @PostMapping("/cases/{id}/product-lots/latest/check")
    @Operation(summary = "Check the latest lot against the case's label and the patient's weight at collection (centre)")
    ProductLot check(Actor actor, @PathVariable String id) {
        return releases.check(actor, CaseId.of(id));
    }

    @PostMapping("/cases/{id}/product-lots/latest/out-of-specification-decision")
    @Operation(summary = "The consultant's signed decision to give an out-of-specification lot by an exceptional route",
            description = "route: EXPANDED_ACCESS, SINGLE_PATIENT_IND or EXCEPTIONAL_RELEASE; reason and the "
                    + "consultant's password are required.")
    ProductLot decide(Actor actor, @PathVariable String id, @RequestBody(required = false) SignatureRequest body) {
        SignatureRequest request = body == null ? new SignatureRequest(null, null, null) : body;
        RequestFields.required().field("password", request.password()).field("route", request.route())
                .field("reason", request.reason()).check();
        return routes.decideOutOfSpecification(actor, CaseId.of(id),
                RequestFields.choice(request.route(), ExceptionalRoute.class, "route"), request.reason(), request.password());
    }

    @PostMapping("/cases/{id}/product-lots/latest/acceptance")
    @Operation(summary = "Centre QA accepts the latest lot with an e-signature (password required)")
    ProductLot accept(Actor actor, @PathVariable String id, @RequestBody(required = false) SignatureRequest body) {
        SignatureRequest request = body == null ? new SignatureRequest(null, null, null) : body;
        RequestFields.required().field("password", request.password()).check();
        return releases.accept(actor, CaseId.of(id), request.password(), request.reason());
    }

    @GetMapping("/manufacturing/failures")
    @Operation(summary = "Failed manufactures by reason: your centre's cases, your own reports as a manufacturer, or all"
            + " (commissioners and registries)")
    Map<FailureReason, Long> failures(Actor actor) {
        return manufacturing.failuresByReason(actor);
    }

    @GetMapping("/manufacturing/overview")
    @Operation(summary = "Every case of your centre from booking to release with its manufacturing status and slippage")
    List<ManufacturingReports.OverviewLine> overview(Actor actor) {
        return manufacturing.overview(actor);
    }
}
