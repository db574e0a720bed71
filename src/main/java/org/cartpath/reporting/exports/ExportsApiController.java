package org.cartpath.reporting.exports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.cartpath.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registry and commissioning exports for a data warehouse (ADR 0026), with the page's scope and rules. */
@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "Exports", description = "Registry and commissioning exports: SACT (NHS England SACT v4.0 rows of the "
        + "CAR-T regimen for a month), CDF_OUTCOMES (the pseudonymised CDF outcomes extract for NICE at the month's "
        + "end), CIBMTR_4100 (the CIBMTR follow-up forms due in the month), CIBMTR_4000, CIBMTR_4003, CIBMTR_4006 and "
        + "EBMT_MED_A (the registry forms of the patients infused in the month) and EBMT_FOLLOW_UP (the EBMT day-100, "
        + "6-month and annual forms due in the month); the registry forms as CSV or, with format JSON, one JSON document "
        + "per form and patient per line (ADR 0036). A treatment centre's data managers export their own centre's patients; the commissioner's analysts "
        + "the national, pseudonymised extracts; anyone else 403. A start is refused (422 export-has-gaps, with the "
        + "gaps) while required fields are missing unless withGaps is true; a replay while the same export runs "
        + "answers the running one.")
class ExportsApiController {

    private final Exports exports;

    ExportsApiController(Exports exports) {
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "The exports run, newest first (at most 50)")
    List<ExportRun> history(Actor actor) {
        return exports.history(actor);
    }

    @GetMapping("/completeness")
    @Operation(summary = "Every required field missing, per patient and form, for an export of kind and month")
    Exports.Completeness completeness(Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String month) {
        return exports.completeness(actor, kind, month);
    }

    @PostMapping
    @Operation(summary = "Start an export in the background: {kind, month (yyyy-MM), purpose, withGaps, format (CSV or JSON)}")
    ResponseEntity<ExportRun> start(Actor actor, @Valid @RequestBody Exports.Start request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(exports.start(actor, request));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One export: status, progress, rows, SHA-256")
    ExportRun get(Actor actor, @PathVariable String id) {
        return exports.get(actor, ExportsPages.uuid(id));
    }

    @PostMapping("/{id}/restart")
    @Operation(summary = "Start an interrupted or failed export again, as a new run")
    ResponseEntity<ExportRun> restart(Actor actor, @PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(exports.restart(actor, ExportsPages.uuid(id)));
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "The finished export's file (CSV, or JSON Lines for a JSON export)")
    ResponseEntity<byte[]> file(Actor actor, @PathVariable String id) {
        return ExportsPages.download(exports.file(actor, ExportsPages.uuid(id)));
    }

    @GetMapping("/{id}/manifest")
    @Operation(summary = "The finished export's manifest (JSON)")
    ResponseEntity<byte[]> manifest(Actor actor, @PathVariable String id) {
        return ExportsPages.download(exports.manifest(actor, ExportsPages.uuid(id)));
    }
}
