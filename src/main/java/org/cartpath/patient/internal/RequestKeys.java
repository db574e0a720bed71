package org.cartpath.patient.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.patient.PatientId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
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

    /**
     * What an earlier request with this key created, when the key was sent. Waits for a concurrent request
     * with the same key to finish first. The same key with a different request is 422.
     */
    public Optional<Remembered> replay(Actor actor, String key, String requestDigest) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 200 characters");
        }
        Optional<Remembered> remembered = lockAndFind(actor, key);
        if (remembered.isPresent() && !remembered.get().requestDigest().equals(requestDigest)) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request");
        }
        return remembered;
    }

    private Optional<Remembered> lockAndFind(Actor actor, String key) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?, hashtext(?))").params(LOCK_CLASS, actor.id() + "\n" + key)
                .query(Integer.class).single();
        return jdbc.sql("select * from patient_request_key where actor_id = ? and idempotency_key = ?")
                .params(actor.id(), key)
                .query((row, n) -> new Remembered(row.getString("request_digest"),
                        new PatientId(row.getObject("patient_id", UUID.class)), row.getObject("entry_id", UUID.class)))
                .optional();
    }

    /** Keeps what a request with a key created, when a key was sent. */
    public void remember(Actor actor, String key, String requestDigest, PatientId patient, UUID entryId, Instant at) {
        if (key == null) {
            return;
        }
        jdbc.sql("""
                insert into patient_request_key (actor_id, idempotency_key, request_digest, patient_id, entry_id, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(actor.id(), key, requestDigest, patient.value(), entryId, Timestamp.from(at))
                .update();
    }
}
