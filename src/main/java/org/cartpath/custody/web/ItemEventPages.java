package org.cartpath.custody.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.ItemEvents;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording what happened to an item the actor's organisation holds: stored, issued, thawed, administered… */
@Controller
class ItemEventPages {

    static final String FORM = "custody/item-event";

    private final ItemEvents events;
    private final CustodyLog log;
    private final CaseAccess access;

    ItemEventPages(ItemEvents events, CustodyLog log, CaseAccess access) {
        this.events = events;
        this.log = log;
        this.access = access;
    }

    @GetMapping("/custody-items/{id}/events/new")
    String form(Actor actor, @PathVariable String id, Model model) {
        CustodyItem item = events.visibleItem(actor, Ids.parse(id, "custody item"));
        Map<String, String> form = new HashMap<>();
        form.put("place", log.custody(item).place());
        return form(actor, item, form, Map.of(), model);
    }

    @PostMapping("/custody-items/{id}/events")
    String record(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        CustodyItem item = events.visibleItem(actor, Ids.parse(id, "custody item"));
        try {
            Integer version;
            try {
                version = Integer.valueOf(fields.getOrDefault("expectedVersion", ""));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("expectedVersion", "reload the page and try again");
            }
            CustodyLog.Appended appended = events.record(actor, item.id(), new ItemEvents.Request(fields.get("type"), null,
                    fields.get("place"), version, fields.get("reason"), fields.get("password")));
            redirect.addFlashAttribute("success", item.label() + ": " + appended.recorded().event().type().label().toLowerCase()
                    + " recorded.");
            return "redirect:/cases/" + item.caseId();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            Map<String, String> errors = e.type().equals("signature-refused") ? Map.of("password", e.detail()) : FormErrors.of(e);
            return form(actor, item, new HashMap<>(fields), errors, model);
        }
    }

    private String form(Actor actor, CustodyItem item, Map<String, String> form, Map<String, String> errors, Model model) {
        CaseView view = access.view(actor, item.caseId());
        Custody custody = log.custody(item);
        model.addAttribute("item", item);
        model.addAttribute("custody", custody);
        model.addAttribute("reference", view.therapyCase().reference());
        model.addAttribute("types", ItemEvents.RECORDED_HERE);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return FORM;
    }
}
