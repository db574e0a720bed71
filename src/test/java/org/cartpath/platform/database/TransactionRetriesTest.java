package org.cartpath.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.PessimisticLockingFailureException;

/** Which failures {@link TransactionRetries} runs again, found however deeply Spring wrapped them, and its pauses. */
class TransactionRetriesTest {

    @ParameterizedTest(name = "SQLSTATE {0} retried: {1}")
    @CsvSource({
        "40001, true",   // serialization_failure
        "40P01, true",   // deadlock_detected
        "40002, false",  // transaction_integrity_constraint_violation: running it again fails the same way
        "23505, false",  // unique_violation
        "55P03, false",  // lock_not_available (NOWAIT): the caller asked not to wait
        "08006, false",  // connection_failure: the database is unavailable, answered 503 at once
        "57014, false"   // query_canceled (statement timeout)
    })
    void onlySerializationFailuresAndDeadlocksAreRetried(String state, boolean retried) {
        SQLException cause = new SQLException("simulated", state);
        RuntimeException wrapped = new PessimisticLockingFailureException("wrapped", new RuntimeException(cause));
        assertThat(TransactionRetries.retryableState(wrapped)).isEqualTo(retried ? state : null);
        assertThat(TransactionRetries.retryableState(new RuntimeException("no SQL state"))).isNull();
    }

    @ParameterizedTest(name = "attempt {0} waits {1} to {2} ms")
    @CsvSource({"1, 10, 20", "2, 20, 40", "3, 40, 80"})
    void thePauseDoublesWithEachAttemptAndIsJittered(int attempt, long least, long most) {
        for (int i = 0; i < 200; i++) {
            assertThat(TransactionRetries.backoffMillis(attempt)).isBetween(least, most);
        }
    }
}
