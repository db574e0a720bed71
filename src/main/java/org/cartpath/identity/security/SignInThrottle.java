package org.cartpath.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cartpath.identity.internal.IdentityStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits password guessing (ADR 0003; NCSC and OWASP authentication guidance).
 *
 * <ul>
 *   <li>Per account: after 10 failed attempts within 15 minutes the account refuses sign-in until the
 *       oldest of those failures is 15 minutes old. Attempts refused while throttled are not counted, so
 *       nobody can extend the pause by hammering it, and a successful sign-in clears the count. The pause
 *       always ends by itself: nobody can lock a named user out for good.</li>
 *   <li>Per address: 50 failed attempts from one address within 15 minutes, across all accounts, pause
 *       that address the same way (stops one machine trying many accounts).</li>
 * </ul>
 */
@Component
public class SignInThrottle {

    public static final int ACCOUNT_LIMIT = 10;
    public static final int ADDRESS_LIMIT = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final IdentityStore store;
    private final Clock clock;
    private final int accountLimit;
    private final int addressLimit;

    /**
     * The limits are settings ({@code cartpath.signin.account.limit}, {@code cartpath.signin.address.limit})
     * because a site behind one NAT address may need a higher per-address limit.
     */
    SignInThrottle(IdentityStore store, Clock clock,
            @Value("${cartpath.signin.account.limit:" + ACCOUNT_LIMIT + "}") int accountLimit,
            @Value("${cartpath.signin.address.limit:" + ADDRESS_LIMIT + "}") int addressLimit) {
        this.store = store;
        this.clock = clock;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
    }

    /** When sign-in may be tried again for this account from this address, if it is paused now. */
    @Transactional(readOnly = true)
    public Optional<Instant> pausedUntil(String username, String address) {
        Instant now = Instant.now(clock);
        Instant since = now.minus(WINDOW);
        Optional<Instant> account = pause(store.failuresForAccount(username, since), accountLimit);
        Optional<Instant> byAddress = pause(store.failuresFromAddress(address, since), addressLimit);
        if (account.isPresent() && byAddress.isPresent()) {
            return Optional.of(account.get().isAfter(byAddress.get()) ? account.get() : byAddress.get());
        }
        return account.isPresent() ? account : byAddress;
    }

    private static Optional<Instant> pause(List<Instant> failuresOldestFirst, int limit) {
        if (failuresOldestFirst.size() < limit) {
            return Optional.empty();
        }
        // the pause ends when enough failures have aged out of the window to fall below the limit
        Instant releasing = failuresOldestFirst.get(failuresOldestFirst.size() - limit);
        return Optional.of(releasing.plus(WINDOW));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String username, String address) {
        store.recordSignInAttempt(username.trim(), address, false, Instant.now(clock));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String username, String address) {
        store.recordSignInAttempt(username.trim(), address, true, Instant.now(clock));
    }
}
