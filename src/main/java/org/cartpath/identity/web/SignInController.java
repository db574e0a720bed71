package org.cartpath.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.cartpath.identity.CurrentActor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. The form posts to Spring Security's sign-in filter at the same address. */
@Controller
class SignInController {

    static final String VIEW = "identity/sign-in";

    @GetMapping("/sign-in")
    String signIn(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "ended", required = false) String ended,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            HttpServletRequest request, Model model) {
        if (CurrentActor.get().isPresent()) {
            return "redirect:/";
        }
        if (error != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            String message = failure instanceof AuthenticationException e && e.getMessage() != null
                    ? e.getMessage() : "The username or password is not correct";
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
            model.addAttribute("error", message);
        }
        if (ended != null) {
            model.addAttribute("notice", switch (ended) {
                case "idle" -> "You were signed out because you did nothing for 15 minutes. Sign in again to continue.";
                case "absolute" -> "You were signed out because you signed in 12 hours ago. Sign in again to continue.";
                case "disabled" -> "Your account has been disabled. Ask your administrator.";
                default -> "You were signed out.";
            });
        }
        if (signedOut != null) {
            model.addAttribute("notice", "You have signed out.");
        }
        return VIEW;
    }
}
