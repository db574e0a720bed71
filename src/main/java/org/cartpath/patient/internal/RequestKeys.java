package org.cartpath.patient.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.patient.PatientId;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of requests to the patient API. A key belongs to the actor (person or system) that
 * sent it; a transaction-scoped advisory lock on the key makes a concurrent replay wait for the first
 * request and then find its answer.
 */
@Repository
public class RequestKeys {

    /** Advisory lock class for idempotency keys (two-key form: its key space is separate from the one-key form). */
    private static final int LOCK_CLASS = 0x70617469; // "pati"

    /** What a request with this key created. */
    public record Remembered(String requestDigest, PatientId patientId, UUID entryId) {
    }

    private final JdbcClient jdbc;

    RequestKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for any other request with the same key to finish, then returns what it created, if anything. */
    public Optional<Remembered> lockAndFind(Actor actor, String key) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?, hashtext(?))").params(LOCK_CLASS, actor.id() + "\n" + key)
                .query(Integer.class).single();
        return jdbc.sql("select * from patient_request_key where actor_id = ? and idempotency_key = ?")
                .params(actor.id(), key)
                .query((row, n) -> new Remembered(row.getString("request_digest"),
                        new PatientId(row.getObject("patient_id", UUID.class)), row.getObject("entry_id", UUID.class)))
                .optional();
    }

    public void remember(Actor actor, String key, String requestDigest, PatientId patient, UUID entryId, Instant at) {
        jdbc.sql("""
                insert into patient_request_key (actor_id, idempotency_key, request_digest, patient_id, entry_id, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(actor.id(), key, requestDigest, patient.value(), entryId, Timestamp.from(at))
                .update();
    }
}
