package org.cartpath.identity.web;

import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.OrganisationManagement.NewOrganisation;
import org.cartpath.identity.OrganisationManagement.OrganisationChange;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/organisations")
class AdminOrganisationController {

    static final String LIST = "identity/organisations";
    static final String FORM = "identity/organisation-form";

    private final OrganisationManagement organisations;

    AdminOrganisationController(OrganisationManagement organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        requireAdministrator(actor);
        model.addAttribute("organisations", organisations.list(actor));
        model.addAttribute("canCreate", actor.operator() && actor.hasRole(Role.ADMINISTRATOR));
        return LIST;
    }

    @GetMapping("/new")
    String newForm(Actor actor, Model model) {
        requireAdministrator(actor);
        model.addAttribute("form", Map.of());
        return form(model, null, Map.of());
    }

    @PostMapping
    String create(Actor actor, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            Organisation created = organisations.create(actor, new NewOrganisation(form.get("name"),
                    Choices.kind(form.get("kind")), form.get("region"), form.get("odsCode"), form.get("fin")));
            redirect.addFlashAttribute("success", created.name() + " has been added.");
            return "redirect:/admin/organisations";
        } catch (ProblemException e) {
            if (e.status() == 403) {
                throw e;
            }
            model.addAttribute("form", form);
            return form(model, null, FormErrors.of(e));
        }
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable String id, Model model) {
        requireAdministrator(actor);
        Organisation organisation = organisations.get(actor, OrganisationId.of(id));
        model.addAttribute("form", Map.of("name", organisation.name(), "region", nullToEmpty(organisation.region()),
                "odsCode", nullToEmpty(organisation.odsCode()), "fin", nullToEmpty(organisation.fin()),
                "active", String.valueOf(organisation.active()), "version", String.valueOf(organisation.version())));
        return form(model, organisation, Map.of());
    }

    @PostMapping("/{id}")
    String change(Actor actor, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Organisation organisation = organisations.get(actor, OrganisationId.of(id));
        try {
            int version = parseVersion(form.get("version"));
            Organisation changed = organisations.change(actor, organisation.id(), new OrganisationChange(form.get("name"),
                    form.get("region"), form.get("odsCode"), form.get("fin"), "true".equals(form.get("active"))), version);
            redirect.addFlashAttribute("success", changed.name() + " has been saved.");
            return "redirect:/admin/organisations";
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            model.addAttribute("form", form);
            return form(model, organisation, FormErrors.of(e));
        }
    }

    private String form(Model model, Organisation organisation, Map<String, String> errors) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("errors", errors);
        return FORM;
    }

    static int parseVersion(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException | NullPointerException e) {
            throw ProblemException.invalid("version", "is missing; reload the page");
        }
    }

    static void requireAdministrator(Actor actor) {
        if (!actor.hasRole(Role.ADMINISTRATOR)) {
            throw ProblemException.forbidden("Only administrators manage organisations, users and API tokens");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
