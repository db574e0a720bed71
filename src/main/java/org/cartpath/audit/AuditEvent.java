package org.cartpath.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit trail as stored. {@code before} and {@code after} are canonical JSON text. */
public record AuditEvent(
        long seq,
        Instant occurredAt,
        String actorId,
        String actorType,
        String actorName,
        UUID organisationId,
        String action,
        String entityType,
        String entityId,
        String before,
        String after,
        String reason,
        String requestId,
        String previousHash,
        String hash) {
}
