package org.cartpath.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail is one unbroken chain under concurrency, and the database will not let it be rewritten. */
@CartpathIntegrationTest
class AuditTrailIT {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditSealer sealer;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    private final Actor actor = Actor.system("audit test");

    @Test
    void twentyThreadsWritingAtOnceGiveOneUnbrokenChain() throws Exception {
        long before = count();
        int threads = 20;
        int rowsPerThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rowsPerThread; i++) {
                        int n = i;
                        transaction.executeWithoutResult(status -> audit.record(actor, "CONCURRENCY_TESTED",
                                "Test", thread + "-" + n, null, Map.of("thread", thread, "n", n), null));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count() - before).isEqualTo(threads * rowsPerThread);
        assertThat(jdbc.sql("select count(distinct entity_id) from audit_event where action = 'CONCURRENCY_TESTED'")
                .query(Long.class).single()).isEqualTo(threads * rowsPerThread);
        sealer.sealNow();
        AuditVerification verification = verifier.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.rowsChecked()).isEqualTo(count());
        assertThat(jdbc.sql("select max(seq) from audit_seal").query(Long.class).single()).isEqualTo(count());
    }

    @Test
    void aRecordOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> audit.record(actor, "NOT_ALLOWED", "Test", "1", null, null, null))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void aReadLoggedInsideAReadOnlyTransactionIsWrittenAndTheReadCommits() {
        String entity = java.util.UUID.randomUUID().toString();
        TransactionTemplate readOnly = new TransactionTemplate(transaction.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> audit.recordAccess(actor, "Patient", entity, "read-only read"));
        assertThat(jdbc.sql("select count(*) from data_access where entity_id = ? and purpose = 'read-only read'")
                .param(entity).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theApplicationRoleCannotUpdateDeleteOrTruncateAuditRows() {
        transaction.executeWithoutResult(status -> audit.record(actor, "PROTECTED", "Test", "p", null, null, null));
        JdbcTemplate app = new JdbcTemplate(TestDatabase.applicationRole(database));
        assertThatThrownBy(() -> app.update("update audit_event set reason = 'rewritten' where action = 'PROTECTED'"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("delete from audit_event where action = 'PROTECTED'"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.execute("truncate audit_event"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("update audit_seal set hash = previous_hash"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("delete from audit_seal"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("delete from audit_checkpoint"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("update data_access set purpose = 'x'"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("delete from electronic_signature"))
                .rootCause().hasMessageContaining("permission denied");
        // and the triggers hold even for the owner, unless it deliberately disables them
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.superuser(database));
        assertThatThrownBy(() -> owner.update("delete from audit_event where action = 'PROTECTED'"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PROTECTED'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void aRowAlteredBySuperuserIsReportedAtItsPlace() {
        long id = transaction.execute(status -> {
            audit.record(actor, "BEFORE_TAMPERING", "Test", "t0", null, null, null);
            return audit.record(actor, "TO_BE_TAMPERED", "Test", "t1", null, Map.of("dose", 100), null);
        });
        transaction.executeWithoutResult(status -> audit.record(actor, "AFTER_TAMPERING", "Test", "t2", null, null, null));
        assertThat(verifier.verify().intact()).isTrue();
        long seq = seqOf(id);

        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.superuser(database));
        String original = superuser.queryForObject("select after_state from audit_event where id = ?", String.class, id);
        try {
            tamper(superuser, "update audit_event set after_state = '{\"dose\":1000}' where id = " + id);
            AuditVerification broken = verifier.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBrokenSeq()).isEqualTo(seq);
            assertThat(broken.problem()).contains("altered");
        } finally {
            tamper(superuser, "update audit_event set after_state = '" + original + "' where id = " + id);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aDeletedSealOrADeletedRowIsReportedAsMissingAtItsPlace() {
        long id = transaction.execute(status -> audit.record(actor, "TO_BE_DELETED", "Test", "d1", null, null, null));
        transaction.executeWithoutResult(status -> audit.record(actor, "AFTER_DELETION", "Test", "d2", null, null, null));
        sealer.sealNow();
        long seq = seqOf(id);
        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.superuser(database));
        Map<String, Object> seal = superuser.queryForMap("select * from audit_seal where seq = ?", seq);
        try {
            tamper(superuser, "delete from audit_seal where seq = " + seq);
            AuditVerification broken = verifier.verify();
            assertThat(broken.firstBrokenSeq()).isEqualTo(seq);
            assertThat(broken.problem()).contains("row " + seq + " is missing");
        } finally {
            restore(superuser, "audit_seal", seal);
        }
        assertThat(verifier.verify().intact()).isTrue();

        Map<String, Object> row = superuser.queryForMap("select * from audit_event where id = ?", id);
        try {
            tamper(superuser, "delete from audit_event where id = " + id);
            AuditVerification broken = verifier.verify();
            assertThat(broken.firstBrokenSeq()).isEqualTo(seq);
            assertThat(broken.problem()).contains("row " + seq + " is missing");
        } finally {
            superuser.execute("begin; set local session_replication_role = replica; "
                    + "insert into audit_event overriding system value select * from json_populate_record(null::audit_event, '"
                    + rowAsJson(row) + "'); commit;");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aRowInsertedBehindTheChainsHeadIsReportedAsNeverSealed() {
        transaction.executeWithoutResult(status -> audit.record(actor, "BEFORE_FORGERY", "Test", "f0", null, null, null));
        sealer.sealNow();
        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.superuser(database));
        // a forger writes a row dated in the past, with an old transaction id so that it sorts before the head
        superuser.execute("begin; set local session_replication_role = replica; insert into audit_event (occurred_at, "
                + "actor_id, actor_type, actor_name, action, entity_type, entity_id, xact_id) values (now() - interval "
                + "'1 day', 'forger', 'PERSON', 'Forger', 'FORGED', 'Test', 'f1', '1'); commit;");
        long forged = superuser.queryForObject("select id from audit_event where action = 'FORGED'", Long.class);
        try {
            AuditVerification broken = verifier.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.overdueUnsealed()).isEqualTo(1);
            assertThat(broken.firstOverdueId()).isEqualTo(forged);
            assertThat(broken.problem()).contains("row id " + forged);
            assertThat(jdbc.sql("select count(*) from audit_seal where event_id = ?").param(forged).query(Long.class)
                    .single()).as("the sealer never chains a row behind its head").isZero();
        } finally {
            tamper(superuser, "delete from audit_event where id = " + forged);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    private long seqOf(long id) {
        sealer.sealNow();
        return jdbc.sql("select seq from audit_seal where event_id = ?").param(id).query(Long.class).single();
    }

    private static void restore(JdbcTemplate superuser, String table, Map<String, Object> row) {
        superuser.execute("begin; set local session_replication_role = replica; insert into " + table
                + " select * from json_populate_record(null::" + table + ", '" + rowAsJson(row) + "'); commit;");
    }

    /** A superuser switching the append-only triggers off for one statement, as an attacker with superuser could. */
    private static void tamper(JdbcTemplate superuser, String sql) {
        superuser.execute("begin; set local session_replication_role = replica; " + sql + "; commit;");
    }

    private static String rowAsJson(Map<String, Object> row) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        row.forEach((k, v) -> json.put(k, v instanceof java.sql.Timestamp t ? t.toInstant().toString()
                : v instanceof org.postgresql.util.PGobject o ? o.getValue() : v));
        return org.cartpath.testing.Http.JSON.writeValueAsString(json).replace("'", "''");
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
