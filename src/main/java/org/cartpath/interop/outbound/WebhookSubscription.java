package org.cartpath.interop.outbound;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.shared.OrganisationId;

/**
 * An organisation's system told when one of its cases changes stage (ADR 0033). The secret that signs each delivery is
 * shown once, when the subscription is made ({@link IssuedWebhookSubscription}), and never again.
 *
 * @param delivered   deliveries answered 2xx
 * @param waiting     deliveries not yet answered 2xx and still being tried
 * @param givenUp     deliveries given up after the last attempt
 * @param lastError   the error of the most recent failed attempt, if the latest delivery has not yet succeeded
 */
public record WebhookSubscription(UUID id, OrganisationId organisationId, String organisationName, String url,
        String description, Instant createdAt, String createdByName, Instant endedAt, String endedByName,
        String endReason, long delivered, long waiting, long givenUp, String lastError) {

    public boolean active() {
        return endedAt == null;
    }
}
