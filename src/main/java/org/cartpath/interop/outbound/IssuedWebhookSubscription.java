package org.cartpath.interop.outbound;

/** A subscription just made, with the secret its receiver checks signatures with: shown this once. */
public record IssuedWebhookSubscription(WebhookSubscription subscription, String secret) {
}
