package org.cartpath.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sending side of a transactional outbox (a row written in the transaction of the change it reports, sent after
 * commit): claim one due row at a time in its own transaction and try it, until none is due; a failure is tried again
 * after a wait that doubles each time. The monitoring alerts' webhook and the stage-change webhooks (ADR 0033) send
 * this way; each keeps its own table, claim query and request.
 */
public final class Outbox {

    private Outbox() {
    }

    /**
     * Runs {@code deliverOne} in its own transaction until it finds nothing due (empty) and returns how many were
     * delivered ({@code true}); a delivery that fails ({@code false}) has already rescheduled itself. A transaction that
     * cannot run (the database away) ends the round, logged; the next round tries again.
     */
    public static int drain(TransactionTemplate transaction, Supplier<Optional<Boolean>> deliverOne, Logger log) {
        int delivered = 0;
        while (true) {
            Optional<Boolean> sent;
            try {
                sent = transaction.execute(status -> deliverOne.get());
            } catch (RuntimeException e) {
                log.warn("Outbox delivery failed to run: {}", e.getMessage());
                return delivered;
            }
            if (sent == null || sent.isEmpty()) {
                return delivered;
            }
            if (sent.get()) {
                delivered++;
            }
        }
    }

    /** When to try again after the {@code attempt}-th failure: {@code retryAfter}, doubled for each earlier failure. */
    public static Instant nextAttempt(Instant now, Duration retryAfter, int attempt) {
        return now.plus(retryAfter.multipliedBy(1L << Math.min(Math.max(attempt, 1) - 1, 20)));
    }
}
