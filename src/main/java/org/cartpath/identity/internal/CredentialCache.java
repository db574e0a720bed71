package org.cartpath.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A short-lived cache of what a request needs to know about who is calling: a signed-in user's credentials and an
 * API token (ADR 0029). It is only trusted while every change to those rows reaches it: the database sends a notice
 * on {@code cartpath_credentials} in the transaction that changes a user, their roles, their organisation or a token
 * (V200), and {@link CredentialChangeListener} passes each notice to {@link #invalidate(String)} on every instance.
 * <p>
 * It fails safe: until the listener is listening, and from the moment its connection is lost, nothing is served
 * from the cache and nothing is stored in it, so every request reads the database as it did before the cache
 * existed. A load that overlapped any invalidation is not stored (the generation check), so a notice that arrives
 * while a request is reading the old row cannot be overtaken by that read. Entries also expire after
 * {@link #TIME_TO_LIVE}, a bound for a notice lost without the connection being noticed lost.
 */
@Component
public final class CredentialCache {

    /** How long an entry is trusted at most, even with no notice. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    /** Beyond this many entries the cache starts again empty rather than grow. */
    static final int MAXIMUM_ENTRIES = 20_000;

    private record Entry(Object value, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Object lock = new Object();
    private volatile boolean listening;
    private volatile long generation;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong bypasses = new AtomicLong();
    private final AtomicLong connectionsLost = new AtomicLong();

    public CredentialCache(Clock clock) {
        this.clock = clock;
    }

    /** The user's credentials, from the cache if it may be trusted, otherwise from {@code load}. */
    public Optional<IdentityStore.Credentials> user(String userId, Supplier<Optional<IdentityStore.Credentials>> load) {
        return get("user " + userId, load);
    }

    /** The API token with this prefix, from the cache if it may be trusted, otherwise from {@code load}. */
    public Optional<IdentityStore.StoredToken> token(String prefix, Supplier<Optional<IdentityStore.StoredToken>> load) {
        return get("token " + prefix, load);
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> get(String key, Supplier<Optional<T>> load) {
        if (!listening) {
            bypasses.incrementAndGet();
            return load.get();
        }
        Instant now = Instant.now(clock);
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            hits.incrementAndGet();
            return Optional.of((T) entry.value());
        }
        misses.incrementAndGet();
        long before = generation;
        Optional<T> loaded = load.get();
        if (loaded.isPresent()) {
            synchronized (lock) {
                // stored only if no notice (and no lost connection) came while the row was being read
                if (listening && generation == before) {
                    if (entries.size() >= MAXIMUM_ENTRIES) {
                        entries.clear();
                    }
                    entries.put(key, new Entry(loaded.get(), now.plus(TIME_TO_LIVE)));
                }
            }
        }
        return loaded;
    }

    /**
     * A notice from the database: {@code user <id>}, {@code token <prefix>}, or anything else (an organisation
     * changed, a notice not understood), which empties the whole cache.
     */
    public void invalidate(String notice) {
        synchronized (lock) {
            generation++;
            if (notice != null && (notice.startsWith("user ") || notice.startsWith("token "))) {
                entries.remove(notice);
            } else {
                entries.clear();
            }
        }
    }

    /** The listener is listening again: start from empty and trust what is loaded from now on. */
    public void listening() {
        synchronized (lock) {
            generation++;
            entries.clear();
            listening = true;
        }
    }

    /** The listener's connection is gone: forget everything and read the database until it is back. */
    public void notListening() {
        synchronized (lock) {
            if (listening) {
                connectionsLost.incrementAndGet();
            }
            listening = false;
            generation++;
            entries.clear();
        }
    }

    public boolean isListening() {
        return listening;
    }

    public Statistics statistics() {
        return new Statistics(hits.get(), misses.get(), bypasses.get(), connectionsLost.get(), entries.size());
    }

    /** Counters since start: served from the cache, read on a miss, read because the cache was not trusted. */
    public record Statistics(long hits, long misses, long bypasses, long connectionsLost, int entries) {
    }
}
