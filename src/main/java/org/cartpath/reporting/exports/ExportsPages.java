package org.cartpath.reporting.exports;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Registry and commissioning exports": the completeness report, starting an export, its progress (polled by htmx)
 * and the history with the downloads of each file and manifest (ADR 0026).
 */
@Controller
class ExportsPages {

    static final String VIEW = "reporting/exports";
    static final String PROGRESS = "reporting/exports :: progress";

    private final Exports exports;
    private final RegistryReporting registry;
    private final ZoneId zone;

    ExportsPages(Exports exports, RegistryReporting registry,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.exports = exports;
        this.registry = registry;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/exports")
    String page(Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String month, Model model) {
        Map<String, String> asked = asked(kind, month, null, false);
        model.addAttribute("asked", asked);
        if (kind != null || month != null) {
            try {
                model.addAttribute("completeness", exports.completeness(actor, kind, month));
            } catch (ProblemException e) {
                if (e.fieldProblems().isEmpty()) {
                    throw e;
                }
                model.addAttribute("errors", errors(e));
            }
        }
        return view(actor, model);
    }

    @PostMapping("/exports")
    String start(Actor actor, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String month, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String withGaps, @RequestParam(required = false) String format,
            Model model) {
        boolean gaps = "true".equals(withGaps);
        try {
            exports.start(actor, new Exports.Start(kind, month, purpose, gaps, format));
        } catch (ProblemException e) {
            // the refusal of start's own transaction, which has ended: shown in the form's words
            model.addAttribute("asked", asked(kind, month, purpose, gaps));
            if ("export-has-gaps".equals(e.type())) {
                model.addAttribute("errors", Map.of("withGaps", "Required fields are missing: fix them (below), or "
                        + "tick \"Export with the gaps listed in the manifest\""));
                model.addAttribute("completeness", exports.completeness(actor, kind, month));
            } else if (!e.fieldProblems().isEmpty()) {
                model.addAttribute("errors", errors(e));
            } else {
                throw e;
            }
            return view(actor, model);
        }
        return "redirect:/exports";
    }

    @PostMapping("/exports/{id}/restart")
    String restart(Actor actor, @PathVariable String id) {
        exports.restart(actor, uuid(id));
        return "redirect:/exports";
    }

    @GetMapping("/exports/{id}/progress")
    String progress(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("run", exports.get(actor, uuid(id))).addAttribute("zone", zone);
        return PROGRESS;
    }

    @GetMapping("/exports/{id}/file")
    ResponseEntity<byte[]> file(Actor actor, @PathVariable String id) {
        return download(exports.file(actor, uuid(id)));
    }

    @GetMapping("/exports/{id}/manifest")
    ResponseEntity<byte[]> manifest(Actor actor, @PathVariable String id) {
        return download(exports.manifest(actor, uuid(id)));
    }

    static ResponseEntity<byte[]> download(Exports.Download download) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.contentType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.fileName() + "\"")
                .body(download.content());
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("export", id);
        }
    }

    private String view(Actor actor, Model model) {
        List<ExportRun> history = exports.history(actor);
        model.addAttribute("history", history).addAttribute("kinds", ExportKind.values())
                .addAttribute("registryCases", registry.overview(actor))
                .addAttribute("zone", zone)
                .addAttribute("lastMonth", YearMonth.now(zone).minusMonths(1).toString());
        return VIEW;
    }

    private static Map<String, String> asked(String kind, String month, String purpose, boolean withGaps) {
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("kind", kind);
        asked.put("month", month);
        asked.put("purpose", purpose);
        asked.put("withGaps", String.valueOf(withGaps));
        return asked;
    }

    private static Map<String, String> errors(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        return errors;
    }
}
