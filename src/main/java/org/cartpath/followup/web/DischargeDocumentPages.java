package org.cartpath.followup.web;

import java.util.Map;
import org.cartpath.followup.CentreContact;
import org.cartpath.followup.DischargeDocuments;
import org.cartpath.followup.DischargeSummaries;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient alert card and the discharge summary to print, and the page where a centre sets the 24-hour contact
 * both print.
 */
@Controller
class DischargeDocumentPages {

    private final DischargeDocuments documents;
    private final DischargeSummaries summaries;

    DischargeDocumentPages(DischargeDocuments documents, DischargeSummaries summaries) {
        this.documents = documents;
        this.summaries = summaries;
    }

    @GetMapping("/cases/{id}/follow-up/alert-card.pdf")
    ResponseEntity<byte[]> alertCard(Actor actor, @PathVariable String id) {
        return pdf(documents.printAlertCard(actor, CaseId.of(id)), "alert-card.pdf");
    }

    @GetMapping("/cases/{id}/follow-up/discharge-summary.pdf")
    ResponseEntity<byte[]> dischargeSummary(Actor actor, @PathVariable String id) {
        return pdf(summaries.print(actor, CaseId.of(id)), "discharge-summary.pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf);
    }

    @GetMapping("/follow-up/centre-contact")
    String contact(Actor actor, Model model) {
        requireKeeper(actor);
        CentreContact current = documents.centreContact(actor).orElse(null);
        model.addAttribute("current", current);
        model.addAttribute("form", Map.of("serviceName", current == null ? "" : current.serviceName(),
                "phone", current == null ? "" : current.phone()));
        model.addAttribute("errors", Map.of());
        return "followup/centre-contact";
    }

    @PostMapping("/follow-up/centre-contact")
    String setContact(Actor actor, @RequestParam(defaultValue = "") String serviceName,
            @RequestParam(defaultValue = "") String phone, Model model, RedirectAttributes redirect) {
        requireKeeper(actor);
        try {
            documents.setCentreContact(actor, serviceName, phone);
        } catch (ProblemException e) {
            model.addAttribute("current", documents.centreContact(actor).orElse(null));
            model.addAttribute("form", Map.of("serviceName", serviceName, "phone", phone));
            model.addAttribute("errors", FormErrors.of(e));
            return "followup/centre-contact";
        }
        redirect.addFlashAttribute("success", "Your centre's 24-hour contact is saved; alert cards print it.");
        return "redirect:/follow-up/centre-contact";
    }

    private static void requireKeeper(Actor actor) {
        if (!DischargeDocuments.mayKeepContact(actor)) {
            throw ProblemException.forbidden("A treatment centre's coordinators, consultants and administrators set"
                    + " its 24-hour contact");
        }
    }
}
