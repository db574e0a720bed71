package org.cartpath.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.cartpath.shared.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the audit chain from the first row and reports the first broken link: a missing row (a gap
 * in the sequence), a row that does not point at its predecessor's hash, or a row whose content no longer
 * matches its hash. Rows are streamed, so the trail can be any length.
 */
@Service
public class AuditVerifier {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final CanonicalJson json;
    private final Clock clock;

    AuditVerifier(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper mapper, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = new CanonicalJson(mapper);
        this.clock = clock;
    }

    public AuditVerification verify() {
        return readOnly.execute(status -> {
            Walk walk = new Walk();
            jdbc.query("select * from audit_event order by seq", (ResultSet row) -> {
                if (walk.broken == null) {
                    walk.check(read(row));
                }
            });
            return new AuditVerification(walk.broken == null, walk.rows, walk.broken, walk.problem, walk.previousHash,
                    Instant.now(clock));
        });
    }

    private final class Walk {
        long rows;
        long expectedSeq = 1;
        String previousHash = AuditTrail.GENESIS;
        Long broken;
        String problem;

        void check(AuditEvent event) {
            rows++;
            if (event.seq() != expectedSeq) {
                fail(expectedSeq, "row " + expectedSeq + " is missing (the next row is " + event.seq() + ")");
            } else if (!event.previousHash().equals(previousHash)) {
                fail(event.seq(), "row " + event.seq() + " does not link to the hash of row " + (event.seq() - 1));
            } else if (!AuditTrail.hashOf(event, json).equals(event.hash())) {
                fail(event.seq(), "row " + event.seq() + " has been altered: its content no longer matches its hash");
            } else {
                previousHash = event.hash();
                expectedSeq++;
            }
        }

        void fail(long seq, String why) {
            broken = seq;
            problem = why;
        }
    }

    static AuditEvent read(ResultSet row) throws SQLException {
        return new AuditEvent(
                row.getLong("seq"),
                row.getTimestamp("occurred_at").toInstant().truncatedTo(ChronoUnit.MICROS),
                row.getString("actor_id"),
                row.getString("actor_type"),
                row.getString("actor_name"),
                row.getObject("organisation_id", UUID.class),
                row.getString("action"),
                row.getString("entity_type"),
                row.getString("entity_id"),
                row.getString("before_state"),
                row.getString("after_state"),
                row.getString("reason"),
                row.getString("request_id"),
                row.getString("previous_hash"),
                row.getString("hash"));
    }
}
