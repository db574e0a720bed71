package org.cartpath.shared;

import org.slf4j.Logger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds one demo child once, the same way for every module that adds one on {@link DemoDataReady}: in one transaction,
 * under an advisory lock named for the seed (so that an instance starting at the same moment waits, then finds the
 * child), only when no patient has the child's NHS number yet. Demo data never stops cartpath from starting: a failure
 * is logged and the transaction rolled back.
 */
public final class DemoPatientSeeds {

    private DemoPatientSeeds() {
    }

    /** Whether the seed ran; {@code what} names the seed in the lock and the log ("treatment demo seed"…). */
    public static boolean seedOnce(JdbcClient jdbc, TransactionTemplate transaction, Logger log, String what,
            String nhsNumber, Runnable seed) {
        try {
            Boolean seeded = transaction.execute(status -> {
                jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 40))").param(what)
                        .query(Integer.class).single();
                if (jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhsNumber).query(Long.class)
                        .single() > 0) {
                    return false;
                }
                seed.run();
                return true;
            });
            return Boolean.TRUE.equals(seeded);
        } catch (RuntimeException e) {
            log.warn("Could not run the {}: {}", what, e.getMessage());
            return false;
        }
    }
}
