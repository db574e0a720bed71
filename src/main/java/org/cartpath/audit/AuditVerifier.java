package org.cartpath.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.cartpath.shared.CanonicalJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the audit chain from the first row and reports the first broken link: a missing row (a gap
 * in the sequence, or a chained row whose content is gone), a row that does not point at its predecessor's hash, or a
 * row whose content no longer matches its hash. Rows are streamed, so the trail can be any length.
 *
 * <p>It first has the sealer chain what it can (ADR 0025), then counts the rows still awaiting their seal and reports
 * the ones that should have been chained and were not: committed longer ago than the bound
 * ({@code cartpath.audit.unsealed-bound}), or lying behind the chain's head, where no sealer will ever reach them.
 */
@Service
public class AuditVerifier {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final CanonicalJson json;
    private final Clock clock;
    private final AuditSealer sealer;
    private final Duration unsealedBound;

    AuditVerifier(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper mapper, Clock clock,
            AuditSealer sealer, @Value("${cartpath.audit.unsealed-bound:PT1M}") Duration unsealedBound) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // one snapshot for the walk and the counts
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = new CanonicalJson(mapper);
        this.clock = clock;
        this.sealer = sealer;
        this.unsealedBound = unsealedBound;
    }

    public AuditVerification verify() {
        sealer.sealNow();
        return readOnly.execute(status -> {
            Walk walk = new Walk();
            jdbc.query("""
                    select s.seq as chain_seq, s.previous_hash, s.hash, s.event_id, e.*
                    from audit_seal s left join audit_event e on e.id = s.event_id order by s.seq""",
                    (ResultSet row) -> {
                        if (walk.broken == null) {
                            walk.check(row);
                        }
                    });
            Map<String, Object> unsealed = jdbc.queryForMap("""
                    with head as (select e.xact_id, e.id from audit_seal s join audit_event e on e.id = s.event_id
                                  order by s.seq desc limit 1)
                    select count(*) as awaiting,
                           count(*) filter (where o.overdue) as overdue,
                           min(e.id) filter (where o.overdue) as first_overdue
                    from audit_event e
                    cross join lateral (select
                        coalesce((e.xact_id, e.id) < (select h.xact_id, h.id from head h), false) as stranded,
                        e.xact_id < pg_snapshot_xmin(pg_current_snapshot()) as committed) k
                    cross join lateral (select k.stranded or (k.committed and e.occurred_at < ?) as overdue) o
                    where not exists (select 1 from audit_seal s where s.event_id = e.id)""",
                    java.sql.Timestamp.from(Instant.now(clock).minus(unsealedBound)));
            long awaiting = ((Number) unsealed.get("awaiting")).longValue();
            long overdue = ((Number) unsealed.get("overdue")).longValue();
            Long firstOverdue = unsealed.get("first_overdue") == null ? null
                    : ((Number) unsealed.get("first_overdue")).longValue();
            String problem = walk.problem;
            if (problem == null && overdue > 0) {
                problem = overdue + " committed audit row(s) have not been chained (the first is row id " + firstOverdue
                        + "): they were inserted behind the chain's head, or the sealer has not run for "
                        + unsealedBound.toSeconds() + " s";
            }
            return new AuditVerification(problem == null, walk.rows, walk.broken, problem, walk.previousHash,
                    Instant.now(clock), awaiting, overdue, firstOverdue);
        });
    }

    private final class Walk {
        long rows;
        long expectedSeq = 1;
        String previousHash = AuditChain.GENESIS;
        Long broken;
        String problem;

        void check(ResultSet row) throws SQLException {
            rows++;
            long seq = row.getLong("chain_seq");
            if (seq != expectedSeq) {
                fail(expectedSeq, "row " + expectedSeq + " is missing (the next row is " + seq + ")");
                return;
            }
            if (row.getObject("id") == null) {
                fail(seq, "row " + seq + " is missing (its audit event " + row.getLong("event_id") + " is gone)");
                return;
            }
            AuditEvent event = readRow(row).at(seq, row.getString("previous_hash"), row.getString("hash"));
            if (!event.previousHash().equals(previousHash)) {
                fail(seq, "row " + seq + " does not link to the hash of row " + (seq - 1));
            } else if (!AuditTrail.hashOf(event, json).equals(event.hash())) {
                fail(seq, "row " + seq + " has been altered: its content no longer matches its hash");
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

    /** A row as stored, chained or not: with {@code seq}, {@code previous_hash} and {@code hash} when selected. */
    static AuditEvent read(ResultSet row) throws SQLException {
        AuditEvent event = readRow(row);
        long seq = row.getLong("seq");
        return row.wasNull() ? event : event.at(seq, row.getString("previous_hash"), row.getString("hash"));
    }

    /** The content of an audit_event row, not yet placed in the chain. */
    static AuditEvent readRow(ResultSet row) throws SQLException {
        return new AuditEvent(
                row.getLong("id"),
                null,
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
                null,
                null);
    }
}
