package org.cartpath.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit trail as stored. {@code before} and {@code after} are canonical JSON text. {@code id} is the
 * row's own number, given when it is written; {@code seq}, {@code previousHash} and {@code hash} are its place in the
 * chain, given when the sealer chains it (null until then, usually for well under a second; ADR 0025).
 */
public record AuditEvent(
        long id,
        Long seq,
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

    /** The same row at a place in the chain. */
    AuditEvent at(long seq, String previousHash, String hash) {
        return new AuditEvent(id, seq, occurredAt, actorId, actorType, actorName, organisationId, action, entityType,
                entityId, before, after, reason, requestId, previousHash, hash);
    }

    /** Whether the sealer has chained the row yet. */
    public boolean sealed() {
        return seq != null;
    }
}
