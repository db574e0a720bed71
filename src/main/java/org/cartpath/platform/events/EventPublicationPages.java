package org.cartpath.platform.events;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's administrators' page of reactions not yet completed (ADR 0022): which event, which listener, since
 * when, failed or waiting, and a button that hands one to its listener again.
 */
@Controller
@RequestMapping("/admin/event-publications")
class EventPublicationPages implements NavigationContributor {

    static final String LIST = "platform/event-publications";
    static final int SHOWN = 200;

    private final EventPublications publications;

    EventPublicationPages(EventPublications publications) {
        this.publications = publications;
    }

    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Reactions", "/admin/event-publications", 860, Set.of(Role.ADMINISTRATOR)));
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("publications", publications.incomplete(actor, SHOWN));
        model.addAttribute("total", publications.countIncomplete(actor));
        return LIST;
    }

    @PostMapping("/{id}/resubmission")
    String resubmit(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        publications.resubmit(actor, id);
        redirect.addFlashAttribute("success", "The reaction has been handed to its listener again. Reload the page to "
                + "see whether it completed.");
        return "redirect:/admin/event-publications";
    }
}
