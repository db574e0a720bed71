package org.cartpath.interop.outbound.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cartpath.interop.outbound.IssuedWebhookSubscription;
import org.cartpath.interop.outbound.WebhookDelivery;
import org.cartpath.interop.outbound.WebhookSubscription;
import org.cartpath.interop.outbound.WebhookSubscriptions;
import org.cartpath.interop.outbound.WebhookSubscriptions.NewSubscription;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The stage-change webhooks by API (docs/interop/webhooks.md): for the organisation's administrators. */
@RestController
@RequestMapping("/api/v1/webhook-subscriptions")
@Tag(name = "Webhooks", description = "A hospital system told when one of its cases changes stage (ADR 0033)")
class WebhookApiController {

    record SubscriptionBody(@Size(max = TextLimits.SHORT) String organisationId, @Size(max = 2000) String url,
            @Size(max = TextLimits.SHORT) String description) {
    }

    record EndBody(@Size(max = TextLimits.SHORT) String reason) {
    }

    private final WebhookSubscriptions subscriptions;

    WebhookApiController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribes a system (url: https://, or http:// to localhost) to the stage changes of the"
            + " organisation's cases; the answer carries the signing secret, shown only this once. 409"
            + " subscription-exists, too-many-subscriptions")
    IssuedWebhookSubscription create(Actor actor, @RequestBody(required = false) SubscriptionBody body) {
        SubscriptionBody given = body == null ? new SubscriptionBody(null, null, null) : body;
        return subscriptions.create(actor, new NewSubscription(WebhookForms.organisation(given.organisationId()),
                given.url(), given.description()));
    }

    @GetMapping
    @Operation(summary = "The subscriptions of the organisations the administrator manages, active first")
    List<WebhookSubscription> list(Actor actor) {
        return subscriptions.list(actor);
    }

    @GetMapping("/{id}")
    WebhookSubscription get(Actor actor, @PathVariable String id) {
        return subscriptions.get(actor, Ids.parse(id, "webhook subscription"));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The subscription's most recent deliveries and where each stands, newest first")
    List<WebhookDelivery> deliveries(Actor actor, @PathVariable String id,
            @RequestParam(defaultValue = "50") int limit) {
        return subscriptions.deliveries(actor, Ids.parse(id, "webhook subscription"), limit);
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "Ends the subscription, with a reason: nothing more is sent to it. 409 subscription-ended")
    WebhookSubscription end(Actor actor, @PathVariable String id, @RequestBody(required = false) EndBody body) {
        return subscriptions.end(actor, Ids.parse(id, "webhook subscription"), body == null ? null : body.reason());
    }
}
