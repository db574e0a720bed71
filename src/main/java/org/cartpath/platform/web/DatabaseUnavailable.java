package org.cartpath.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.cartpath.platform.database.TransactionRetries;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means "the database cannot be reached just now" rather than a fault in cartpath: the answer is
 * then 503 {@code database-unavailable} with {@code Retry-After}, at once (the pool waits at most
 * {@code cartpath.db.connection-timeout} for a connection), and the application recovers by itself when PostgreSQL
 * is back (docs/security-and-reliability.md).
 */
final class DatabaseUnavailable {

    static final String TYPE = "database-unavailable";
    static final String TITLE = "The database is unavailable";
    static final String DETAIL = "cartpath cannot reach its database just now. Nothing was changed; try again in a"
            + " minute.";
    static final String RETRY_AFTER_SECONDS = "30";

    /** A transaction that kept colliding with others (40001, 40P01) after every attempt {@code TransactionRetries} made. */
    static final String BUSY_TYPE = "database-busy";
    static final String BUSY_TITLE = "The database is busy";
    static final String BUSY_DETAIL = "Other changes kept colliding with this one, and cartpath tried several times."
            + " Nothing was changed; try again.";
    static final String BUSY_RETRY_AFTER_SECONDS = "1";

    /** True when the transaction was given up by PostgreSQL as a serialization failure or a deadlock, every time. */
    static boolean busy(Throwable failure) {
        return TransactionRetries.retryableState(failure) != null;
    }

    private DatabaseUnavailable() {
    }

    /** True when the failure, or anything that caused it, is a lost or refused database connection. */
    static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server is shutting down, crashed or is starting:
     * PostgreSQL Appendix A, "PostgreSQL Error Codes").
     */
    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
