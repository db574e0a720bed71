package org.cartpath.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot be reached" (503) and which are cartpath's own (500) or the caller's. */
class DatabaseUnavailableTest {

    @ParameterizedTest(name = "SQLSTATE {0} → unavailable: {1}")
    @CsvSource({
            "08001, true", // unable to connect
            "08006, true", // connection failure
            "08003, true", // connection does not exist
            "57P01, true", // admin shutdown
            "57P02, true", // crash shutdown
            "57P03, true", // cannot connect now (starting up)
            "57014, false", // query cancelled
            "23505, false", // unique violation
            "40001, false", // serialization failure: retry, but the database is there
            "P0001, false", // raise exception
            "42P01, false"}) // undefined table
    void sqlStatesOfALostOrRefusedConnectionAreUnavailable(String state, boolean unavailable) {
        SQLException sql = new SQLException("failure", state);
        assertThat(DatabaseUnavailable.explains(new UncategorizedSQLException("task", "select 1", sql)))
                .isEqualTo(unavailable);
    }

    @Test
    void springsConnectionFailuresAreUnavailableWhereverTheyAreWrapped() {
        assertThat(DatabaseUnavailable.explains(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException("commit failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new RuntimeException(new jakarta.servlet.ServletException(
                new CannotGetJdbcConnectionException("no connection"))))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.explains(new DataIntegrityViolationException("duplicate"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new SQLException("no state"))).isFalse();
    }
}
