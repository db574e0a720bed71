package org.cartpath.identity.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cartpath.identity.ApiScopes;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.ApiTokenManagement.NewApiToken;
import org.cartpath.identity.IssuedApiToken;
import org.cartpath.identity.OrganisationManagement;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/api-tokens")
class AdminApiTokenController {

    static final String LIST = "identity/api-tokens";
    static final String FORM = "identity/api-token-form";
    static final String ISSUED = "identity/api-token-issued";

    private final ApiTokenManagement tokens;
    private final OrganisationManagement organisations;

    AdminApiTokenController(ApiTokenManagement tokens, OrganisationManagement organisations) {
        this.tokens = tokens;
        this.organisations = organisations;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.list(actor));
        return LIST;
    }

    @GetMapping("/new")
    String newForm(Actor actor, Model model) {
        AdminOrganisationController.requireAdministrator(actor);
        Map<String, Object> form = new HashMap<>();
        form.put("organisationId", "");
        form.put("roles", List.of());
        form.put("scopes", List.copyOf(ApiScopes.DEFAULT));
        return form(actor, model, form, Map.of());
    }

    @PostMapping
    String create(Actor actor, @RequestParam Map<String, String> fields,
            @RequestParam(name = "roles", required = false) List<String> roles,
            @RequestParam(name = "scopes", required = false) List<String> scopes, Model model) {
        Map<String, Object> form = new HashMap<>(fields);
        form.put("roles", roles == null ? List.of() : roles);
        form.put("scopes", scopes == null ? List.of() : scopes);
        try {
            IssuedApiToken issued = tokens.create(actor, new NewApiToken(Choices.organisation(fields.get("organisationId")),
                    fields.get("name"), Choices.roles(roles), scopes == null ? null : Set.copyOf(scopes)));
            model.addAttribute("issued", issued);
            return ISSUED;
        } catch (ProblemException e) {
            if (e.status() == 403) {
                throw e;
            }
            return form(actor, model, form, FormErrors.of(e));
        }
    }

    @PostMapping("/{id}/revocation")
    String revoke(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        UUID tokenId = Ids.parse(id, "API token");
        var revoked = tokens.revoke(actor, tokenId, reason);
        redirect.addFlashAttribute("success", "The token '" + revoked.name() + "' has been revoked. It no longer works.");
        return "redirect:/admin/api-tokens";
    }

    private String form(Actor actor, Model model, Map<String, Object> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", java.util.Arrays.stream(Role.values()).filter(r -> r != Role.ADMINISTRATOR).toList());
        model.addAttribute("organisations", organisations.list(actor));
        model.addAttribute("scopeChoices", ApiScopes.CHOICES);
        return FORM;
    }
}
