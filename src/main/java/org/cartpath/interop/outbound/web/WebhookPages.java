package org.cartpath.interop.outbound.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.interop.outbound.IssuedWebhookSubscription;
import org.cartpath.interop.outbound.WebhookSubscription;
import org.cartpath.interop.outbound.WebhookSubscriptions;
import org.cartpath.interop.outbound.WebhookSubscriptions.NewSubscription;
import org.cartpath.shared.Actor;
import org.cartpath.shared.FormErrors;
import org.cartpath.shared.Ids;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' pages for the stage-change webhooks: list, add (the secret shown once), deliveries, end. */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookPages {

    private final WebhookSubscriptions subscriptions;
    private final OrganisationManagement organisations;

    WebhookPages(WebhookSubscriptions subscriptions, OrganisationManagement organisations) {
        this.subscriptions = subscriptions;
        this.organisations = organisations;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("subscriptions", subscriptions.list(actor));
        return "interop/webhooks";
    }

    @GetMapping("/new")
    String newForm(Actor actor, Model model) {
        requireAdministrator(actor);
        return form(actor, model, new HashMap<>(), Map.of());
    }

    @PostMapping
    String create(Actor actor, @RequestParam Map<String, String> fields, Model model) {
        requireAdministrator(actor);
        try {
            IssuedWebhookSubscription issued = subscriptions.create(actor, new NewSubscription(
                    WebhookForms.organisation(fields.get("organisationId")), fields.get("url"),
                    fields.get("description")));
            model.addAttribute("issued", issued);
            return "interop/webhook-issued";
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            return form(actor, model, new HashMap<>(fields), FormErrors.of(e));
        }
    }

    @GetMapping("/{id}")
    String show(Actor actor, @PathVariable String id, Model model) {
        UUID subscriptionId = Ids.parse(id, "webhook subscription");
        model.addAttribute("subscription", subscriptions.get(actor, subscriptionId));
        model.addAttribute("deliveries", subscriptions.deliveries(actor, subscriptionId, 50));
        model.addAttribute("errors", Map.of());
        model.addAttribute("reason", "");
        return "interop/webhook";
    }

    @PostMapping("/{id}/end")
    String end(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        UUID subscriptionId = Ids.parse(id, "webhook subscription");
        WebhookSubscription subscription = subscriptions.get(actor, subscriptionId);
        String problem = reason == null || reason.isBlank() ? "Give the reason this system is no longer told"
                : reason.trim().length() > TextLimits.SHORT
                        ? "The reason must be " + TextLimits.SHORT + " characters or fewer" : null;
        if (problem != null) {
            model.addAttribute("subscription", subscription);
            model.addAttribute("deliveries", subscriptions.deliveries(actor, subscriptionId, 50));
            model.addAttribute("errors", Map.of("reason", problem));
            model.addAttribute("reason", reason == null ? "" : reason);
            return "interop/webhook";
        }
        if (!subscription.active()) {
            redirect.addFlashAttribute("success", "This subscription was already ended by "
                    + subscription.endedByName() + ".");
            return "redirect:/admin/webhooks/" + subscriptionId;
        }
        subscriptions.end(actor, subscriptionId, reason);
        redirect.addFlashAttribute("success", "Nothing more will be sent to " + subscription.url() + ".");
        return "redirect:/admin/webhooks";
    }

    private String form(Actor actor, Model model, Map<String, String> form, Map<String, String> errors) {
        List<Organisation> choices = actor.operator()
                ? organisations.list(actor).stream().filter(o -> o.active()
                        && (o.kind() == OrganisationKind.TREATMENT_CENTRE
                                || o.kind() == OrganisationKind.REFERRING_HOSPITAL)).toList()
                : List.of();
        model.addAttribute("organisations", choices);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "interop/webhook-form";
    }

    private static void requireAdministrator(Actor actor) {
        if (!actor.hasRole(Role.ADMINISTRATOR)) {
            throw ProblemException.forbidden("Only administrators manage the systems told of case stage changes");
        }
    }
}
