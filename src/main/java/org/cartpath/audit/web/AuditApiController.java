package org.cartpath.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cartpath.audit.AuditEvent;
import org.cartpath.audit.AuditExport;
import org.cartpath.audit.AuditLog;
import org.cartpath.audit.AuditVerification;
import org.cartpath.audit.AuditVerifier;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit trail", description = "The hash-chained audit trail and its verification")
class AuditApiController {

    private final AuditLog log;
    private final AuditVerifier verifier;
    private final AuditExport export;
    private final java.time.ZoneId zone;

    AuditApiController(AuditLog log, AuditVerifier verifier, AuditExport export,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.log = log;
        this.verifier = verifier;
        this.export = export;
        this.zone = java.time.ZoneId.of(zone);
    }

    @GetMapping
    @Operation(summary = "Search the audit trail, newest first (administrators and auditors)")
    Page<AuditEvent> search(Actor actor, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String actorName,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return log.search(actor, new AuditLog.Filter(entityType, entityId, actorName, date("from", from), date("to", to)),
                new Page.Request(page, size), zone);
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the whole hash chain and report the first broken link, if any")
    AuditVerification verify(Actor actor) {
        if (!actor.hasAnyRole(Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw ProblemException.forbidden("Only administrators and auditors verify the audit trail");
        }
        return verifier.verify();
    }

    @GetMapping("/export")
    @Operation(summary = "The whole audit trail as JSON lines with its signed checkpoints, for verification offline "
            + "(java -jar cartpath.jar audit-verify --export FILE --public-key KEY; the operator's administrators and "
            + "auditors; docs/audit-export-format.md)")
    void exportTrail(Actor actor, HttpServletResponse response) throws IOException {
        export.requireExporter(actor);
        response.setContentType("application/jsonl");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("cartpath-audit-" + LocalDate.now(zone) + ".jsonl").build().toString());
        export.export(actor, response.getOutputStream());
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    @Operation(summary = "The Ed25519 public key that verifies the audit trail's signed checkpoints (PEM)")
    ResponseEntity<String> publicKey(Actor actor) {
        String pem = export.publicKeyPem(actor);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("cartpath-audit-public-key.pem").build().toString())
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(pem);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date like 2026-11-26");
        }
    }
}
