package org.cartpath.identity.web;

import java.util.Map;
import org.cartpath.identity.UserManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: who they are, and changing their password. */
@Controller
class AccountController {

    private final UserManagement users;

    AccountController(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        return "identity/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("errors", Map.of());
        return "identity/change-password";
    }

    @PostMapping("/account/password")
    String changePassword(Actor actor, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
            Model model, RedirectAttributes redirect) {
        try {
            users.changeOwnPassword(actor, currentPassword, newPassword, confirmPassword);
        } catch (ProblemException e) {
            model.addAttribute("errors", FormErrors.of(e));
            return "identity/change-password";
        }
        redirect.addFlashAttribute("success", "Your password has been changed.");
        return "redirect:/account";
    }
}
