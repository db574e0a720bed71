package org.cartpath.identity.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.UserManagement;
import org.cartpath.identity.UserManagement.NewUser;
import org.cartpath.identity.UserManagement.UserChange;
import org.cartpath.identity.UserManagement.UserWithTemporaryPassword;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/users")
class AdminUserController {

    static final String LIST = "identity/users";
    static final String FORM = "identity/user-form";
    static final String TEMPORARY_PASSWORD = "identity/temporary-password";

    private final UserManagement users;
    private final OrganisationManagement organisations;

    AdminUserController(UserManagement users, OrganisationManagement organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String organisation, Model model) {
        AdminOrganisationController.requireAdministrator(actor);
        model.addAttribute("users", users.list(actor, Choices.organisation(organisation)));
        model.addAttribute("organisations", organisations.list(actor));
        model.addAttribute("selectedOrganisation", organisation == null ? "" : organisation);
        return LIST;
    }

    @GetMapping("/new")
    String newForm(Actor actor, Model model) {
        AdminOrganisationController.requireAdministrator(actor);
        Map<String, Object> form = new HashMap<>();
        form.put("organisationId", actor.organisationId().toString());
        form.put("roles", List.of());
        return form(actor, model, null, form, Map.of());
    }

    @PostMapping
    String create(Actor actor, @RequestParam Map<String, String> fields,
            @RequestParam(name = "roles", required = false) List<String> roles, Model model) {
        Map<String, Object> form = new HashMap<>(fields);
        form.put("roles", roles == null ? List.of() : roles);
        try {
            UserWithTemporaryPassword created = users.create(actor, new NewUser(
                    Choices.organisation(fields.get("organisationId")), fields.get("username"), fields.get("displayName"),
                    fields.get("email"), fields.get("jobTitle"), Choices.roles(roles)));
            model.addAttribute("created", true);
            model.addAttribute("user", created.user());
            model.addAttribute("temporaryPassword", created.temporaryPassword());
            return TEMPORARY_PASSWORD;
        } catch (ProblemException e) {
            if (e.status() == 403) {
                throw e;
            }
            return form(actor, model, null, form, FormErrors.of(e));
        }
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable String id, Model model) {
        AdminOrganisationController.requireAdministrator(actor);
        UserAccount user = users.get(actor, UserId.of(id));
        Map<String, Object> form = new HashMap<>();
        form.put("displayName", user.displayName());
        form.put("email", user.email() == null ? "" : user.email());
        form.put("jobTitle", user.jobTitle() == null ? "" : user.jobTitle());
        form.put("enabled", String.valueOf(user.enabled()));
        form.put("version", String.valueOf(user.version()));
        form.put("roles", user.roles().stream().map(Role::name).toList());
        return form(actor, model, user, form, Map.of());
    }

    @PostMapping("/{id}")
    String change(Actor actor, @PathVariable String id, @RequestParam Map<String, String> fields,
            @RequestParam(name = "roles", required = false) List<String> roles, Model model,
            RedirectAttributes redirect) {
        AdminOrganisationController.requireAdministrator(actor);
        UserAccount user = users.get(actor, UserId.of(id));
        Map<String, Object> form = new HashMap<>(fields);
        form.put("roles", roles == null ? List.of() : roles);
        try {
            UserAccount changed = users.change(actor, user.id(), new UserChange(fields.get("displayName"),
                    fields.get("email"), fields.get("jobTitle"), Choices.roles(roles), "true".equals(fields.get("enabled"))),
                    AdminOrganisationController.parseVersion(fields.get("version")));
            redirect.addFlashAttribute("success", changed.displayName() + " has been saved.");
            return "redirect:/admin/users";
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return form(actor, model, user, form, FormErrors.of(e));
        }
    }

    @PostMapping("/{id}/password-reset")
    String resetPassword(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason,
            Model model) {
        UserWithTemporaryPassword reset = users.resetPassword(actor, UserId.of(id), reason);
        model.addAttribute("created", false);
        model.addAttribute("user", reset.user());
        model.addAttribute("temporaryPassword", reset.temporaryPassword());
        return TEMPORARY_PASSWORD;
    }

    private String form(Actor actor, Model model, UserAccount user, Map<String, Object> form,
            Map<String, String> errors) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.list(actor));
        return FORM;
    }
}
