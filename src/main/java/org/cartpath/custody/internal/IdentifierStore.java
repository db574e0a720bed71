package org.cartpath.custody.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.journey.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** COIs of cases and the counters that number COIs and DINs per FIN and year. */
@Repository
public class IdentifierStore {

    private final JdbcClient jdbc;

    IdentifierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of a counter. The upsert takes the counter row's lock, so concurrent allocations queue and
     * each gets its own number; a rolled-back allocation gives its number back together with its identifier.
     */
    public int next(String kind, String fin, int twoDigitYear) {
        return jdbc.sql("""
                insert into custody_serial (kind, fin, year, last_value) values (?, ?, ?, 1)
                on conflict (kind, fin, year) do update set last_value = custody_serial.last_value + 1
                returning last_value""").params(kind, fin, twoDigitYear).query(Integer.class).single();
    }

    public Optional<ChainOfIdentityId> coi(CaseId caseId) {
        return jdbc.sql("select coi from custody_coi where case_id = ?").param(caseId.value())
                .query((row, n) -> new ChainOfIdentityId(row.getString(1))).optional();
    }

    public Optional<CaseId> caseOf(ChainOfIdentityId coi) {
        return jdbc.sql("select case_id from custody_coi where coi = ?").param(coi.content())
                .query((row, n) -> new CaseId(row.getObject(1, UUID.class))).optional();
    }

    public Optional<Instant> allocatedAt(CaseId caseId) {
        return jdbc.sql("select allocated_at from custody_coi where case_id = ?").param(caseId.value())
                .query((row, n) -> row.getTimestamp(1).toInstant()).optional();
    }

    public void insert(CaseId caseId, ChainOfIdentityId coi, Instant at, String by) {
        jdbc.sql("insert into custody_coi (case_id, coi, fin, allocated_at, allocated_by) values (?, ?, ?, ?, ?)")
                .params(caseId.value(), coi.content(), coi.fin(), Timestamp.from(at), by).update();
    }
}
