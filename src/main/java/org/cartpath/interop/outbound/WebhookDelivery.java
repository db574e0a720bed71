package org.cartpath.interop.outbound;

import java.time.Instant;
import java.util.UUID;

/** One notice owed to a subscription, and where its sending stands. */
public record WebhookDelivery(UUID id, UUID caseId, int caseVersion, String event, Instant createdAt, int attempts,
        Instant nextAttemptAt, Instant deliveredAt, Instant givenUpAt, Integer lastStatus, String lastError) {

    public String state() {
        if (deliveredAt != null) {
            return "Delivered";
        }
        return givenUpAt != null ? "Given up" : attempts == 0 ? "Waiting" : "Trying again";
    }
}
