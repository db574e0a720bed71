package org.cartpath.custody.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.scan.HardStopOverride;
import org.cartpath.custody.scan.HardStopOverrides;
import org.cartpath.custody.scan.Scan;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The full-screen hard stop (ADR 0016): what was expected against what was scanned, who scanned it and
 * when. Only QA sees the override form (a reason and QA's signature); then a second person co-signs.
 */
@Controller
class HardStopPages {

    static final String PAGE = "custody/hard-stop";

    private final HardStopOverrides overrides;
    private final CaseAccess access;

    HardStopPages(HardStopOverrides overrides, CaseAccess access) {
        this.overrides = overrides;
        this.access = access;
    }

    @GetMapping("/custody/hard-stops/{scanId}")
    String show(Actor actor, @PathVariable String scanId, Model model) {
        Scan scan = overrides.hardStop(actor, Ids.parse(scanId, "hard stop"));
        return render(actor, scan, Map.of(), model);
    }

    @PostMapping("/custody/hard-stops/{scanId}/override")
    String override(Actor actor, @PathVariable String scanId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String password, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Scan scan = overrides.hardStop(actor, Ids.parse(scanId, "hard stop"));
        try {
            overrides.request(actor, scan.id(), reason, password);
            redirect.addFlashAttribute("success", "Override signed. It takes effect when a second person co-signs it.");
            return "redirect:/custody/hard-stops/" + scan.id();
        } catch (ProblemException e) {
            return refused(actor, scan, e, model, response);
        }
    }

    @PostMapping("/custody/hard-stops/{scanId}/co-signature")
    String coSign(Actor actor, @PathVariable String scanId, @RequestParam(required = false) String password, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Scan scan = overrides.hardStop(actor, Ids.parse(scanId, "hard stop"));
        try {
            overrides.witness(actor, scan.id(), password);
            redirect.addFlashAttribute("success", "The hard stop is overridden and the case is flagged.");
            return "redirect:/cases/" + scan.caseId();
        } catch (ProblemException e) {
            return refused(actor, scan, e, model, response);
        }
    }

    private String refused(Actor actor, Scan scan, ProblemException e, Model model, HttpServletResponse response) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
        response.setStatus(e.status());
        Map<String, String> errors = e.type().equals("signature-refused") ? Map.of("password", e.detail()) : FormErrors.of(e);
        return render(actor, scan, errors, model);
    }

    String render(Actor actor, Scan scan, Map<String, String> errors, Model model) {
        CaseView view = access.centreStaff(actor, scan.caseId());
        Optional<HardStopOverride> override = overrides.find(scan.id());
        model.addAttribute("scan", scan);
        model.addAttribute("reference", view.therapyCase().reference());
        model.addAttribute("override", override.orElse(null));
        model.addAttribute("mayOverride", actor.hasRole(Role.QA) && override.isEmpty());
        model.addAttribute("mayCoSign", override.isPresent() && !override.get().isEffective()
                && !override.get().qaUserId().equals(actor.id()));
        model.addAttribute("errors", errors);
        return PAGE;
    }
}
