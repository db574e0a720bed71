package org.cartpath.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row written independently of a failing transaction (a refused signature, a refused infusion) is written after
 * that transaction ends, where Spring discards what goes wrong: a failed write is retried, and one that cannot be
 * written is logged at ERROR with its whole content, never lost silently.
 */
@CartpathIntegrationTest
class IndependentAuditRowIT {

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    private final Actor actor = Actor.system("independent audit test");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AuditTrail.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    /** An attempt whose content fails to serialise the first {@code failures} times it is read. */
    public static final class Attempt {
        private final AtomicInteger reads = new AtomicInteger();
        private final int failures;

        Attempt(int failures) {
            this.failures = failures;
        }

        public String getDoseMg() {
            if (reads.incrementAndGet() <= failures) {
                throw new IllegalStateException("transient failure " + reads.get());
            }
            return "1000";
        }

        @Override
        public String toString() {
            return "Attempt[doseMg=1000]";
        }
    }

    @Test
    void aRefusalRowWhoseFirstWriteFailsAfterTheRollbackIsRetriedAndKept() {
        String entity = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            audit.recordIndependently(actor, "TEST_REFUSED", "Test", entity, new Attempt(1), "refused for the test");
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TEST_REFUSED' and entity_id = ?")
                .param(entity).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select after_state from audit_event where entity_id = ?").param(entity).query(String.class)
                .single()).contains("1000");
    }

    @Test
    void aRefusalRowThatCannotBeWrittenIsLoggedAsAnErrorWithItsWholeContent() {
        String entity = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            audit.recordIndependently(actor, "TEST_REFUSED", "Test", entity, new Attempt(Integer.MAX_VALUE),
                    "refused for the test");
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ?").param(entity).query(Long.class)
                .single()).isZero();
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("AUDIT_ROW_LOST",
                        "action=TEST_REFUSED", "entityType=Test", "entityId=" + entity, "actorId=" + actor.id(),
                        "reason=refused for the test", "Attempt[doseMg=1000]"));
    }
}
