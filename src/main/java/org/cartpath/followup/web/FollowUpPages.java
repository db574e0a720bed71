package org.cartpath.followup.web;

import java.util.List;
import java.util.Map;
import org.cartpath.followup.FollowUpAccess;
import org.cartpath.followup.FollowUpWorklist;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The follow-up worklist page: what is overdue, in its window or due in the next 14 days. */
@Controller
class FollowUpPages {

    private final FollowUpWorklist worklist;

    FollowUpPages(FollowUpWorklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping("/follow-up")
    String worklist(Actor actor, @RequestParam(required = false) String centre,
            @RequestParam(required = false) String referringHospital,
            @RequestParam(required = false) String responsible, Model model) {
        FollowUpAccess.requireWorklist(actor);
        FollowUpWorklist.Filter filter;
        List<FollowUpWorklist.Item> items;
        try {
            filter = FollowUpPlanApiController.filter(centre, referringHospital, responsible);
        } catch (ProblemException e) {
            // a filter from a hand-edited address: the whole list, with the error above it
            model.addAttribute("errors", Map.of(e.fieldProblems().isEmpty() ? "filter" : e.fieldProblems().get(0)
                    .field(), "Choose a filter from the lists"));
            filter = new FollowUpWorklist.Filter(null, null, null);
        }
        items = worklist.items(actor, filter);
        model.addAttribute("items", items);
        model.addAttribute("mayRecordVisits", FollowUpAccess.keepsFollowUp(actor));
        model.addAttribute("mayKeepContact", org.cartpath.followup.DischargeDocuments.mayKeepContact(actor));
        model.addAttribute("centres", worklist.organisations(actor, true));
        model.addAttribute("referringHospitals", worklist.organisations(actor, false));
        model.addAttribute("responsibleRoles", List.of(Role.DATA_MANAGER, Role.COORDINATOR));
        model.addAttribute("centre", filter.centre() == null ? "" : filter.centre().value().toString());
        model.addAttribute("referringHospital", filter.referringHospital() == null ? ""
                : filter.referringHospital().value().toString());
        model.addAttribute("responsible", filter.responsible() == null ? "" : filter.responsible().name());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "followup/worklist";
    }
}
