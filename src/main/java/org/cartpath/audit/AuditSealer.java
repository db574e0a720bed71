package org.cartpath.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cartpath.shared.CanonicalJson;
import org.cartpath.shared.InternalJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Links committed audit rows into the hash chain (ADR 0025). Writers append rows without a lock, each carrying its
 * transaction's id ({@code xact_id}); the sealer, one instance at a time under a transaction-scoped advisory lock,
 * chains the rows whose transactions have all ended — {@code xact_id} below {@code pg_snapshot_xmin} of its
 * statement's snapshot — in the order {@code (xact_id, id)}. Every transaction that could still add a row has an id at
 * or above that horizon, so no row can later appear before one already sealed: the chain only ever grows at its head,
 * and the sealed rows are always a prefix of that order (which is how the next rows are found: after the head's).
 *
 * <p>An open transaction holds back the rows of every later transaction until it ends, never longer; a rolled-back
 * transaction's rows never become visible, so they leave no gap. Every so many rows or minutes, and on demand, the
 * sealer signs the chain's head ({@link AuditCheckpoint}).
 */
@Service
public class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    /** Key of the advisory lock that makes one sealer at a time chain rows ("cp-seal"). */
    static final long SEAL_LOCK = 0x63702d7365616cL;

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate sealing;
    private final CanonicalJson json;
    private final AuditSigningKey key;
    private final Clock clock;
    private final long checkpointEveryRows;
    private final Duration checkpointEvery;
    private final boolean signs;
    private final AtomicLong unsealedRows = new AtomicLong();
    private final AtomicLong oldestUnsealedMillis = new AtomicLong();

    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, JsonMapper mapper,
            AuditSigningKey key, Clock clock, MeterRegistry meters,
            @Value("${cartpath.audit.checkpoint-every-rows:1000}") long checkpointEveryRows,
            @Value("${cartpath.audit.checkpoint-every:PT5M}") Duration checkpointEvery,
            @Value("${cartpath.cli:false}") boolean commandLine) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.sealing = new TransactionTemplate(transactions);
        this.sealing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // read committed: each statement sees what committed before it, in particular the seals of the sealer that
        // held the lock before this one (under repeatable read the snapshot would predate the lock)
        this.sealing.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.json = new CanonicalJson(mapper);
        this.key = key;
        this.clock = clock;
        this.checkpointEveryRows = checkpointEveryRows;
        this.checkpointEvery = checkpointEvery;
        // audit-verify may run on another machine than cartpath, with a key of its own: it seals, it does not sign
        this.signs = !commandLine;
        Gauge.builder("cartpath.audit.unsealed.rows", unsealedRows, AtomicLong::get)
                .description("Committed audit rows not yet chained by the sealer").register(meters);
        Gauge.builder("cartpath.audit.seal.lag", oldestUnsealedMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest audit row not yet chained").register(meters);
    }

    /** The sealing lag as last measured: rows waiting and the age of the oldest. */
    public record Lag(long unsealedRows, Duration oldest) {
    }

    @Scheduled(initialDelayString = "${cartpath.audit.seal-every:PT0.3S}",
            fixedDelayString = "${cartpath.audit.seal-every:PT0.3S}")
    void sealOnSchedule() {
        try {
            seal(false);
        } catch (RuntimeException e) {
            log.warn("Sealing the audit trail failed; it is tried again shortly: {}", e.toString());
        }
        try {
            measureLag();
        } catch (RuntimeException e) {
            log.debug("Measuring the audit sealing lag failed", e);
        }
    }

    /**
     * Chains every row that can be chained now, waiting for another instance's sealer if it is at work; answers how
     * many rows this call chained. Rows of transactions still open (and of every transaction begun after them) wait.
     */
    @InternalJob("the sealer chains every organisation's audit rows; it answers a count and shows no row")
    public int sealNow() {
        int sealed = seal(true);
        measureLag();
        return sealed;
    }

    /** Seals what can be sealed and signs the head, unless the last checkpoint already covers it. */
    public Optional<AuditCheckpoint> checkpointNow() {
        seal(true);
        return Optional.ofNullable(sealing.execute(status -> {
            lock(true);
            Head head = head();
            if (head == null) {
                return null;
            }
            AuditCheckpoint last = lastCheckpoint();
            if (last != null && last.seq() == head.seq()) {
                return last;
            }
            return sign(head);
        }));
    }

    /** The sealing lag as last measured by this instance. */
    public Lag lag() {
        return new Lag(unsealedRows.get(), Duration.ofMillis(oldestUnsealedMillis.get()));
    }

    private int seal(boolean wait) {
        int total = 0;
        while (true) {
            Integer sealed = sealing.execute(status -> lock(wait) ? sealBatch() : null);
            if (sealed == null) {
                return total;
            }
            total += sealed;
            if (sealed < BATCH) {
                return total;
            }
        }
    }

    private boolean lock(boolean wait) {
        if (wait) {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(SEAL_LOCK).query(Integer.class).single();
            return true;
        }
        return jdbc.sql("select pg_try_advisory_xact_lock(?)").param(SEAL_LOCK).query(Boolean.class).single();
    }

    /** The chain's head: its place, its hash and the order key of its row (null for an empty chain). */
    private record Head(long seq, String hash, String xactId, Long eventId) {
    }

    private Head head() {
        return jdbc.sql("""
                select s.seq, s.hash, e.xact_id::text as xact_id, e.id as event_id
                from audit_seal s left join audit_event e on e.id = s.event_id
                order by s.seq desc limit 1""")
                .query((row, n) -> new Head(row.getLong("seq"), row.getString("hash"), row.getString("xact_id"),
                        (Long) row.getObject("event_id")))
                .optional().orElse(null);
    }

    private int sealBatch() {
        Head head = head();
        if (head != null && head.eventId() == null) {
            log.error("AUDIT_CHAIN_HEAD_MISSING: the audit row chained at {} is missing; sealing stops until it is "
                    + "restored (verify the audit trail)", head.seq());
            return 0;
        }
        // one statement: the horizon and the rows are read from the same snapshot, so every transaction below the
        // horizon has ended and its committed rows are all visible here
        List<AuditEvent> rows = jdbc.sql("""
                select e.* from audit_event e
                where e.xact_id < pg_snapshot_xmin(pg_current_snapshot())
                  and (e.xact_id, e.id) > (cast(:xactId as xid8), :id)
                order by e.xact_id, e.id
                limit :limit""")
                .param("xactId", head == null ? "0" : head.xactId())
                .param("id", head == null ? 0L : head.eventId())
                .param("limit", BATCH)
                .query((row, n) -> AuditVerifier.readRow(row))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        long seq = head == null ? 0 : head.seq();
        String previous = head == null ? AuditChain.GENESIS : head.hash();
        List<Object[]> seals = new ArrayList<>(rows.size());
        for (AuditEvent row : rows) {
            seq++;
            AuditEvent placed = row.at(seq, previous, null);
            String hash = AuditTrail.hashOf(placed, json);
            seals.add(new Object[] {seq, row.id(), previous, hash});
            previous = hash;
        }
        batch.batchUpdate("insert into audit_seal (seq, event_id, previous_hash, hash) values (?, ?, ?, ?)", seals);
        Head sealedHead = new Head(seq, previous, null, rows.get(rows.size() - 1).id());
        AuditCheckpoint last = lastCheckpoint();
        if (signs && (last == null || seq - last.seq() >= checkpointEveryRows
                || Duration.between(last.signedAt(), Instant.now(clock)).compareTo(checkpointEvery) >= 0)) {
            sign(sealedHead);
        }
        return rows.size();
    }

    private AuditCheckpoint sign(Head head) {
        Instant signedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        AuditCheckpoint checkpoint = new AuditCheckpoint(head.seq(), head.hash(), signedAt, key.keyId(),
                key.publicKey(), key.sign(AuditChain.checkpointMessage(head.seq(), head.hash(), signedAt)));
        jdbc.sql("""
                insert into audit_checkpoint (seq, hash, signed_at, key_id, public_key, signature)
                values (?, ?, ?, ?, ?, ?)""")
                .params(checkpoint.seq(), checkpoint.hash(), Timestamp.from(signedAt), checkpoint.keyId(),
                        checkpoint.publicKey(), checkpoint.signature())
                .update();
        return checkpoint;
    }

    private AuditCheckpoint lastCheckpoint() {
        return jdbc.sql("select * from audit_checkpoint order by id desc limit 1")
                .query((row, n) -> AuditCheckpoints.read(row)).optional().orElse(null);
    }

    private void measureLag() {
        Head head = head();
        Map<String, Object> lag = jdbc.sql("""
                select count(*) as rows, min(e.occurred_at) as oldest from audit_event e
                where (e.xact_id, e.id) > (cast(:xactId as xid8), :id)""")
                .param("xactId", head == null || head.xactId() == null ? "0" : head.xactId())
                .param("id", head == null || head.eventId() == null ? 0L : head.eventId())
                .query().singleRow();
        unsealedRows.set(((Number) lag.get("rows")).longValue());
        Timestamp oldest = (Timestamp) lag.get("oldest");
        oldestUnsealedMillis.set(oldest == null ? 0
                : Math.max(0, Duration.between(oldest.toInstant(), Instant.now(clock)).toMillis()));
    }
}
