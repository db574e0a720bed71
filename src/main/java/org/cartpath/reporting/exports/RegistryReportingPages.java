package org.cartpath.reporting.exports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Registry reporting" of one case: record the registry id and each form's submission status (ADR 0036). */
@Controller
class RegistryReportingPages {

    static final String VIEW = "reporting/registry-case";
    /** Every field of the page's two forms, empty: what the forms show before anything is typed. */
    private static final Map<String, String> EMPTY = Map.of("registry", "", "registryId", "", "form", "",
            "timepoint", "", "status", "", "statusOn", "");

    private final RegistryReporting reporting;

    RegistryReportingPages(RegistryReporting reporting) {
        this.reporting = reporting;
    }

    @GetMapping("/exports/registry/{id}")
    String page(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("reporting", reporting.ofCase(actor, ExportsPages.uuid(id)))
                .addAttribute("statuses", RegistryReporting.Status.values()).addAttribute("asked", EMPTY);
        return VIEW;
    }

    @PostMapping("/exports/registry/{id}/ids")
    String recordId(Actor actor, @PathVariable String id, @RequestParam(required = false) String registry,
            @RequestParam(required = false) String registryId, @RequestParam(required = false) String reason,
            Model model) {
        UUID caseId = ExportsPages.uuid(id);
        try {
            reporting.recordId(actor, caseId, new RegistryReporting.IdEntry(registry, registryId, reason));
        } catch (ProblemException e) {
            // recordId's own transaction has ended: its refusal is shown in the form's words
            return again(actor, caseId, e, Map.of("registry", text(registry), "registryId", text(registryId)), model);
        }
        return "redirect:/exports/registry/" + caseId;
    }

    @PostMapping("/exports/registry/{id}/submissions")
    String recordSubmission(Actor actor, @PathVariable String id, @RequestParam(required = false) String form,
            @RequestParam(required = false) String timepoint, @RequestParam(required = false) String status,
            @RequestParam(required = false) String statusOn, @RequestParam(required = false) String query,
            Model model) {
        UUID caseId = ExportsPages.uuid(id);
        try {
            reporting.recordSubmission(actor, caseId, new RegistryReporting.SubmissionEntry(form, timepoint, status,
                    statusOn, query));
        } catch (ProblemException e) {
            return again(actor, caseId, e, Map.of("form", text(form), "timepoint", text(timepoint), "status",
                    text(status), "statusOn", text(statusOn)), model);
        }
        return "redirect:/exports/registry/" + caseId;
    }

    private String again(Actor actor, UUID caseId, ProblemException e, Map<String, String> asked, Model model) {
        if (e.status() == 404 || e.status() == 403) {
            throw e;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        if (errors.isEmpty()) {
            errors.put(asked.containsKey("registryId") ? "registryId" : "status", e.detail());
        }
        Map<String, String> all = new LinkedHashMap<>(EMPTY);
        all.putAll(asked);
        model.addAttribute("reporting", reporting.ofCase(actor, caseId)).addAttribute("errors", errors)
                .addAttribute("statuses", RegistryReporting.Status.values()).addAttribute("asked", all);
        return VIEW;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
