package org.cartpath.scheduling.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.scheduling.DiseaseKinetics;
import org.cartpath.scheduling.Urgency;
import org.cartpath.scheduling.Waitlist;
import org.cartpath.scheduling.WaitlistEntry;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A product's waitlist with its scores; the consultant's priority, the committee's override, leaving. */
@Controller
@RequestMapping("/scheduling/waitlist")
class WaitlistPageController {

    static final String VIEW = "scheduling/waitlist";

    private final Waitlist waitlist;

    WaitlistPageController(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(defaultValue = "KYMRIAH") String product, Model model) {
        return page(actor, product, Map.of(), Map.of(), model);
    }

    @PostMapping("/{id}/clinical-priority")
    String priority(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String urgency,
            @RequestParam(defaultValue = "") String kinetics, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes redirect) {
        UUID entryId = Ids.parse(id, "waitlist entry");
        return act(actor, entryId, "priority", Map.of("urgency", urgency, "kinetics", kinetics, "reason", reason), model,
                redirect, () -> waitlist.setClinicalPriority(actor, entryId,
                        RequestFields.choice(blank(urgency), Urgency.class, "urgency"),
                        RequestFields.choice(blank(kinetics), DiseaseKinetics.class, "kinetics"), reason),
                "Clinical priority saved.");
    }

    @PostMapping("/{id}/committee-override")
    String override(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String rank,
            @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        UUID entryId = Ids.parse(id, "waitlist entry");
        return act(actor, entryId, "override", Map.of("rank", rank, "reason", reason), model, redirect,
                () -> waitlist.overrideOrder(actor, entryId, rank(rank), reason), "The committee's decision is recorded.");
    }

    @PostMapping("/{id}/withdrawal")
    String leave(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model,
            RedirectAttributes redirect) {
        UUID entryId = Ids.parse(id, "waitlist entry");
        return act(actor, entryId, "leave", Map.of("reason", reason), model, redirect,
                () -> waitlist.leave(actor, entryId, reason), "The case has left the waitlist.");
    }

    private String act(Actor actor, UUID entryId, String action, Map<String, String> values, Model model,
            RedirectAttributes redirect, java.util.function.Supplier<WaitlistEntry> change, String done) {
        WaitlistEntry entry = waitlist.entry(actor, entryId).orElseThrow();
        try {
            change.get();
            redirect.addFlashAttribute("success", done);
            return "redirect:/scheduling/waitlist?product=" + entry.productCode();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            FormErrors.of(e).forEach((field, message) -> errors.put(action + "-" + field + "-" + entryId, message));
            Map<String, String> form = new LinkedHashMap<>();
            values.forEach((field, value) -> form.put(action + "-" + field + "-" + entryId, value));
            return page(actor, entry.productCode(), errors, form, model);
        }
    }

    private String page(Actor actor, String product, Map<String, String> errors, Map<String, String> form, Model model) {
        ProductCode code = RequestFields.choice(product, ProductCode.class, "product");
        model.addAttribute("product", code);
        model.addAttribute("products", ProductCode.values());
        model.addAttribute("entries", waitlist.ranked(actor, code));
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("kinetics", DiseaseKinetics.values());
        model.addAttribute("consultant", actor.hasRole(Role.CONSULTANT));
        model.addAttribute("committee", actor.hasAnyRole(Role.COORDINATOR, Role.CONSULTANT));
        model.addAttribute("coordinator", actor.hasRole(Role.COORDINATOR));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return VIEW;
    }

    private static Integer rank(String rank) {
        if (rank.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(rank.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("rank", "must be a whole number");
        }
    }

    private static String blank(String value) {
        return value.isBlank() ? null : value;
    }
}
