package org.cartpath.audit.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.audit.AuditExport;
import org.cartpath.audit.AuditLog;
import org.cartpath.audit.AuditSealer;
import org.cartpath.audit.AuditVerifier;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators and auditors: search, page through, and verify the chain. */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

    static final String VIEW = "audit/audit-log";
    private static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final AuditVerifier verifier;
    private final AuditSealer sealer;
    private final AuditExport export;
    private final java.time.ZoneId zone;

    AuditPageController(AuditLog log, AuditVerifier verifier, AuditSealer sealer, AuditExport export,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.log = log;
        this.verifier = verifier;
        this.sealer = sealer;
        this.export = export;
        this.zone = java.time.ZoneId.of(zone);
    }

    @GetMapping
    String search(Actor actor, @RequestParam Map<String, String> params, Model model) {
        return render(actor, params, model);
    }

    @PostMapping("/verification")
    String verify(Actor actor, @RequestParam Map<String, String> params, Model model) {
        requireReader(actor);
        model.addAttribute("verification", verifier.verify());
        return render(actor, params, model);
    }

    private String render(Actor actor, Map<String, String> params, Model model) {
        requireReader(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(params.get("from"), "from", errors);
        LocalDate to = date(params.get("to"), "to", errors);
        int page = 0;
        try {
            page = Math.max(0, Integer.parseInt(params.getOrDefault("page", "0")));
        } catch (NumberFormatException e) {
            errors.put("page", "Page must be a number");
        }
        AuditLog.Filter filter = new AuditLog.Filter(params.get("entityType"), params.get("entityId"),
                params.get("actor"), from, to);
        Page<org.cartpath.audit.AuditEvent> events = new Page<>(java.util.List.of(), 0, PAGE_SIZE, 0);
        if (errors.isEmpty()) {
            try {
                events = log.search(actor, filter, new Page.Request(page, PAGE_SIZE), zone);
            } catch (ProblemException e) {
                e.fieldProblems().forEach(p -> errors.put(p.field(), p.message()));
                if (e.fieldProblems().isEmpty()) {
                    throw e;
                }
            }
        }
        model.addAttribute("filter", params);
        model.addAttribute("events", events);
        model.addAttribute("errors", errors);
        model.addAttribute("sealing", sealer.lag());
        model.addAttribute("mayExport", export.mayExport(actor));
        model.addAttribute("keyId", export.keyId());
        return VIEW;
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter the date as YYYY-MM-DD");
            return null;
        }
    }

    private static void requireReader(Actor actor) {
        if (!actor.hasAnyRole(Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw ProblemException.forbidden("Only administrators and auditors read the audit trail");
        }
    }
}
