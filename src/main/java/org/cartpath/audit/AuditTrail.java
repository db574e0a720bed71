package org.cartpath.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cartpath.shared.Actor;
import org.cartpath.shared.CanonicalJson;
import org.cartpath.shared.RequestIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit trail. {@link #record} joins the caller's transaction and refuses to run without
 * one, so an audit row is committed exactly when the change it records is.
 *
 * <p>Appends take no lock and read nothing: each row carries the id of its transaction, and {@link AuditSealer} links
 * the committed rows into one hash chain afterwards, in an order no later commit can overtake (ADR 0025). Writers of
 * every thread and every application instance therefore append in parallel.
 */
@Service
public class AuditTrail {

    /** The previous hash of the first row. */
    public static final String GENESIS = AuditChain.GENESIS;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CanonicalJson json;

    private final TransactionTemplate independent;

    AuditTrail(JdbcClient jdbc, Clock clock, JsonMapper mapper, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = new CanonicalJson(mapper);
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a state change.
     *
     * @param action     what happened, past tense in UPPER_SNAKE_CASE ({@code USER_CREATED})
     * @param entityType the kind of record changed ({@code User})
     * @param before     the record before the change (null when created); serialised as canonical JSON
     * @param after      the record after the change (null when removed)
     * @param reason     the reason given by the actor, if any
     * @return the id of the new row (its place in the chain, {@code seq}, is given when it is sealed)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(Actor actor, String action, String entityType, String entityId, Object before, Object after,
            String reason) {
        Objects.requireNonNull(actor, "actor");
        requireText(action, "action");
        requireText(entityType, "entityType");
        requireText(entityId, "entityId");
        // no lock and no read of the chain: the row carries its transaction's id (set by a trigger) and is chained
        // by AuditSealer once that transaction can no longer be overtaken (ADR 0025)
        return jdbc.sql("""
                insert into audit_event (occurred_at, actor_id, actor_type, actor_name, organisation_id, action,
                    entity_type, entity_id, before_state, after_state, reason, request_id)
                values (:occurredAt, :actorId, :actorType, :actorName, :organisationId, :action, :entityType,
                    :entityId, :before, :after, :reason, :requestId)
                returning id""")
                .param("occurredAt", java.sql.Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS)))
                .param("actorId", actor.id())
                .param("actorType", actor.type().name())
                .param("actorName", actor.displayName())
                .param("organisationId", actor.organisationId() == null ? null : actor.organisationId().value())
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("before", json.write(before))
                .param("after", json.write(after))
                .param("reason", reason)
                .param("requestId", RequestIds.current())
                .query(Long.class).single();
    }

    /**
     * Records an event that must be kept even though the current transaction is about to fail, such as a
     * refused signature. The row is written in its own transaction once the current one has ended (at once
     * if there is none), so it survives the current transaction's rollback; the sealer chains it like any other.
     *
     * <p>Never lost silently: a failed write is tried {@value #INDEPENDENT_ATTEMPTS} times; if every attempt fails,
     * the event is logged at ERROR with its whole content (marker {@code AUDIT_ROW_LOST}, so an operator can alert on
     * it and re-enter it) and, when there is no transaction to wait for, the failure is thrown to the caller. After a
     * transaction has ended Spring discards whatever a synchronisation throws, so there the log is the surfacing.
     */
    public void recordIndependently(Actor actor, String action, String entityType, String entityId, Object after,
            String reason) {
        String requestId = RequestIds.current();
        Runnable write = () -> {
            String previous = org.slf4j.MDC.get(RequestIds.MDC_KEY);
            if (requestId != null) {
                org.slf4j.MDC.put(RequestIds.MDC_KEY, requestId);
            }
            try {
                writeIndependently(actor, action, entityType, entityId, after, reason, requestId);
            } finally {
                if (previous == null) {
                    org.slf4j.MDC.remove(RequestIds.MDC_KEY);
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    try {
                        write.run();
                    } catch (RuntimeException alreadyLogged) {
                        // logged at ERROR with the event's content by writeIndependently; Spring would discard it
                    }
                }
            });
        } else {
            write.run();
        }
    }

    /** How often an independent row is tried before it is reported lost. */
    static final int INDEPENDENT_ATTEMPTS = 3;

    private void writeIndependently(Actor actor, String action, String entityType, String entityId, Object after,
            String reason, String requestId) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= INDEPENDENT_ATTEMPTS; attempt++) {
            try {
                independent.executeWithoutResult(status -> record(actor, action, entityType, entityId, null, after, reason));
                return;
            } catch (RuntimeException e) {
                failure = e;
                log.warn("Audit row {} of {} {} not written (attempt {} of {}): {}", action, entityType, entityId, attempt,
                        INDEPENDENT_ATTEMPTS, e.toString());
                if (attempt < INDEPENDENT_ATTEMPTS) {
                    try {
                        Thread.sleep(50L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        log.error("AUDIT_ROW_LOST: an independent audit row could not be written after {} attempts; its content: "
                + "action={} entityType={} entityId={} actorId={} actorType={} actorName={} organisationId={} reason={} "
                + "requestId={} after={}", INDEPENDENT_ATTEMPTS, action, entityType, entityId, actor.id(), actor.type(),
                actor.displayName(), actor.organisationId() == null ? null : actor.organisationId().value(), reason,
                requestId, describe(after), failure);
        throw failure;
    }

    /** The content of a lost row for the log: its canonical JSON, or as much as can be said when that fails. */
    private String describe(Object after) {
        try {
            return json.write(after);
        } catch (RuntimeException e) {
            try {
                return String.valueOf(after) + " (not serialisable: " + e.getMessage() + ")";
            } catch (RuntimeException again) {
                return "(a " + after.getClass().getName() + " that cannot be described: " + again + ")";
            }
        }
    }

    /**
     * Records that an actor looked at a record holding patient data. A plain insert into the append-only
     * {@code data_access} table: no lock, no read, not chained, so reads never queue behind one another (ADR 0025).
     */
    @Transactional
    public void recordAccess(Actor actor, String entityType, String entityId, String purpose) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // a read-only transaction cannot write (PostgreSQL refuses, and the read would answer 500): the row is
            // written at once in its own read-write transaction; a failure still fails the read, never lost silently
            independent.executeWithoutResult(status -> insertAccess(actor, entityType, entityId, purpose));
            return;
        }
        insertAccess(actor, entityType, entityId, purpose);
    }

    private void insertAccess(Actor actor, String entityType, String entityId, String purpose) {
        jdbc.sql("""
                insert into data_access (accessed_at, actor_id, actor_name, organisation_id, entity_type, entity_id,
                    purpose, request_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(java.sql.Timestamp.from(Instant.now(clock)), actor.id(), actor.displayName(),
                        actor.organisationId() == null ? null : actor.organisationId().value(), entityType, entityId,
                        purpose, RequestIds.current())
                .update();
    }

    /**
     * The hash of a row: SHA-256 over the previous hash, a newline, and the row's canonical JSON (every
     * field but the hash itself, keys sorted, instants in ISO-8601 UTC with microseconds).
     */
    static String hashOf(AuditEvent event, CanonicalJson json) {
        return AuditChain.link(event.previousHash(), canonicalRow(event, json));
    }

    /**
     * The canonical JSON a row's hash covers: its content and its place ({@code seq}), not its id nor its transaction,
     * exactly as before ADR 0025, so that rows chained before it still verify.
     */
    static String canonicalRow(AuditEvent event, CanonicalJson json) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("action", event.action());
        row.put("actorId", event.actorId());
        row.put("actorName", event.actorName());
        row.put("actorType", event.actorType());
        row.put("after", event.after());
        row.put("before", event.before());
        row.put("entityId", event.entityId());
        row.put("entityType", event.entityType());
        row.put("occurredAt", event.occurredAt().toString());
        row.put("organisationId", event.organisationId() == null ? null : event.organisationId().toString());
        row.put("reason", event.reason());
        row.put("requestId", event.requestId());
        row.put("seq", event.seq());
        return json.write(row);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for an audit row");
        }
    }
}
