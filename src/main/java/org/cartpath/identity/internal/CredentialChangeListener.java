package org.cartpath.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on {@code cartpath_credentials} with a connection of its own and hands every notice to the
 * {@link CredentialCache} (ADR 0029). The database sends a notice when a transaction that changed a user, their roles,
 * their organisation or an API token commits (the triggers of V200), so every instance forgets the old credentials
 * before the change can be seen by any request there.
 * <p>
 * When the connection fails (the database restarted, the connection was cut, a heartbeat found it dead) the cache is
 * told at once and stops serving; it is trusted again only after {@code LISTEN} succeeds on a new connection.
 */
@Component
public class CredentialChangeListener implements SmartLifecycle {

    static final String CHANNEL = "cartpath_credentials";

    /** How long one wait for notices lasts; also how quickly the thread sees that it should stop. */
    private static final int WAIT_MILLIS = 500;
    /** An idle connection is proved alive this often: a connection lost without a word is noticed within this. */
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long RECONNECT_MILLIS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(CredentialChangeListener.class);

    private final DataSource dataSource;
    private final CredentialCache cache;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    CredentialChangeListener(DataSource dataSource, CredentialCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::listen, "credential-change-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2 * WAIT_MILLIS + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cache.notListening();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (and so before any request) and stopped after it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection notices = c.unwrap(PGConnection.class);
                cache.listening();
                log.debug("Listening on {}", CHANNEL);
                long lastHeard = System.nanoTime();
                while (running) {
                    PGNotification[] received = notices.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        for (PGNotification notice : received) {
                            cache.invalidate(notice.getParameter());
                        }
                        lastHeard = System.nanoTime();
                    } else if (System.nanoTime() - lastHeard > HEARTBEAT_NANOS) {
                        if (!c.isValid(2)) {
                            throw new SQLException("the connection listening on " + CHANNEL + " did not answer");
                        }
                        lastHeard = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running && cache.isListening()) {
                    log.warn("Credential cache off until the database connection listening for credential changes is back: {}",
                            e.getMessage());
                } else if (running) {
                    log.debug("Still no connection to listen for credential changes: {}", e.getMessage());
                }
            } finally {
                connection = null;
                cache.notListening();
            }
            if (running) {
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The database process of the listening connection, if it is connected (tests cut it to prove the cache fails safe). */
    public java.util.OptionalInt backendProcess() {
        Connection c = connection;
        if (c == null) {
            return java.util.OptionalInt.empty();
        }
        try {
            return java.util.OptionalInt.of(c.unwrap(PGConnection.class).getBackendPID());
        } catch (SQLException e) {
            return java.util.OptionalInt.empty();
        }
    }
}
