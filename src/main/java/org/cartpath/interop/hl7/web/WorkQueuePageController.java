package org.cartpath.interop.hl7.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.interop.hl7.InterfaceWorkQueue;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The interface work queue pages: the centre's messages that wait, one message, matching it or rejecting it. */
@Controller
class WorkQueuePageController {

    static final String QUEUE = "interop/work-queue";
    static final String MESSAGE = "interop/work-queue-message";
    private static final Map<String, String> LABELS = Map.of(InterfaceWorkQueue.NHS_NUMBER, "Patient's NHS number",
            InterfaceWorkQueue.REASON, "Why the message is rejected");

    private final InterfaceWorkQueue queue;

    WorkQueuePageController(InterfaceWorkQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/interface/work-queue")
    String queue(Actor actor, Model model) {
        model.addAttribute("messages", queue.queued(actor));
        model.addAttribute("resolved", queue.recentlyResolved(actor));
        return QUEUE;
    }

    @GetMapping("/interface/work-queue/{id}")
    String message(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("item", queue.get(actor, Ids.parse(id, "message")));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return MESSAGE;
    }

    @PostMapping("/interface/work-queue/{id}/match")
    String match(Actor actor, @PathVariable String id, @RequestParam(required = false) String nhsNumber,
            RedirectAttributes redirect) {
        UUID messageId = Ids.parse(id, "message");
        try {
            int filed = queue.match(actor, messageId, nhsNumber);
            redirect.addFlashAttribute("success", "The message is matched and its " + filed + " result"
                    + (filed == 1 ? " is" : "s are") + " filed.");
            return "redirect:/interface/work-queue";
        } catch (ProblemException e) {
            return refused(e, messageId, redirect, nhsNumber);
        }
    }

    @PostMapping("/interface/work-queue/{id}/rejection")
    String reject(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        UUID messageId = Ids.parse(id, "message");
        try {
            queue.reject(actor, messageId, reason);
            redirect.addFlashAttribute("success", "The message is rejected; nothing from it is filed.");
            return "redirect:/interface/work-queue";
        } catch (ProblemException e) {
            return refused(e, messageId, redirect, null);
        }
    }

    private static String refused(ProblemException e, UUID id, RedirectAttributes redirect, String nhsNumber) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.fieldProblems().isEmpty()) {
            errors.put("form", e.detail());
        }
        e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), LABELS.getOrDefault(p.field(), p.field()) + ": "
                + p.message()));
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("nhsNumber", nhsNumber);
        return "redirect:/interface/work-queue/" + id;
    }
}
