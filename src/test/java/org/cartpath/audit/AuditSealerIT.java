package org.cartpath.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sealer (ADR 0025) chains rows in an order no later commit can overtake: a rolled-back transaction leaves no gap,
 * an open transaction holds back the rows of later transactions and is never sealed past, and writers do not wait for
 * one another.
 */
@CartpathIntegrationTest
class AuditSealerIT {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    private final Actor actor = Actor.system("sealer test");

    @Test
    void aRolledBackTransactionLeavesNoGapInTheChain() {
        transaction.executeWithoutResult(status -> {
            audit.record(actor, "ROLLED_BACK", "Test", "r1", null, null, null);
            status.setRollbackOnly();
        });
        long kept = transaction.execute(status -> audit.record(actor, "KEPT", "Test", "r2", null, null, null));
        sealer.sealNow();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ROLLED_BACK'").query(Long.class).single())
                .isZero();
        assertThat(sealed(kept)).isTrue();
        assertThat(jdbc.sql("select max(seq) = count(*) from audit_seal").query(Boolean.class).single())
                .as("the chain's places are 1..n with no gap").isTrue();
        AuditVerification verification = verifier.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
    }

    @Test
    void anOpenTransactionHoldsBackLaterRowsAndIsNeverSealedPast() throws Exception {
        // two connections: the first writes an audit row and stays open; the application then commits a later one
        try (Connection open = TestDatabase.applicationRole(database).getConnection()) {
            open.setAutoCommit(false);
            long early;
            try (PreparedStatement insert = open.prepareStatement("""
                    insert into audit_event (occurred_at, actor_id, actor_type, actor_name, action, entity_type,
                        entity_id) values (now(), 'system:test', 'INTERNAL', 'sealer test', 'OPEN_LONG', 'Test', 'o1')
                    returning id""");
                    ResultSet row = insert.executeQuery()) {
                row.next();
                early = row.getLong(1);
            }
            long later = transaction.execute(status -> audit.record(actor, "COMMITTED_LATER", "Test", "o2", null, null,
                    null));
            sealer.sealNow();
            assertThat(sealed(later)).as("a row of a later transaction waits while an earlier one is open").isFalse();
            assertThat(sealer.lag().unsealedRows()).isPositive();
            assertThat(meters.get("cartpath.audit.unsealed.rows").gauge().value()).as("the lag is a metric").isPositive();
            open.commit();

            sealer.sealNow();
            assertThat(sealed(early)).isTrue();
            assertThat(sealed(later)).isTrue();
            assertThat(seqOf(early)).as("chained in transaction order").isLessThan(seqOf(later));
        }
        AuditVerification verification = verifier.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.awaitingSeal()).isZero();
    }

    @Test
    void aWriterDoesNotWaitForAnotherWritersOpenTransaction() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            long id = audit.record(actor, "SLOW_WRITER", "Test", "w1", null, null, null);
            written.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return id;
        }));
        try {
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            // before ADR 0025 this write queued behind the slow writer's chain lock until it committed
            CompletableFuture<Long> fast = CompletableFuture.supplyAsync(() -> transaction.execute(status ->
                    audit.record(actor, "FAST_WRITER", "Test", "w2", null, null, null)));
            assertThat(fast.get(5, TimeUnit.SECONDS)).isPositive();
            assertThat(slow).isNotDone();
        } finally {
            release.countDown();
        }
        long slowId = slow.get(10, TimeUnit.SECONDS);
        sealer.sealNow();
        assertThat(sealed(slowId)).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('SLOW_WRITER', 'FAST_WRITER')")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theSealerSignsTheChainsHeadWithItsPublicKey() throws Exception {
        transaction.executeWithoutResult(status -> audit.record(actor, "TO_BE_SIGNED", "Test", "s1", null, null, null));
        AuditCheckpoint checkpoint = sealer.checkpointNow().orElseThrow();
        assertThat(checkpoint.seq()).isEqualTo(jdbc.sql("select max(seq) from audit_seal").query(Long.class).single());
        assertThat(checkpoint.hash()).isEqualTo(jdbc.sql("select hash from audit_seal where seq = ?")
                .param(checkpoint.seq()).query(String.class).single());
        java.security.Signature signature = java.security.Signature.getInstance("Ed25519");
        signature.initVerify(OfflineAuditVerifier.readPublicKey(checkpoint.publicKey()));
        signature.update(AuditChain.checkpointMessage(checkpoint.seq(), checkpoint.hash(), checkpoint.signedAt()));
        assertThat(signature.verify(java.util.Base64.getDecoder().decode(checkpoint.signature()))).isTrue();
        List<String> stored = jdbc.sql("select signature from audit_checkpoint where seq = ?").param(checkpoint.seq())
                .query(String.class).list();
        assertThat(stored).contains(checkpoint.signature());
    }

    private boolean sealed(long id) {
        return jdbc.sql("select count(*) from audit_seal where event_id = ?").param(id).query(Long.class).single() == 1;
    }

    private long seqOf(long id) {
        return jdbc.sql("select seq from audit_seal where event_id = ?").param(id).query(Long.class).single();
    }
}
