package org.cartpath.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.cartpath.identity.internal.IdentityStore;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The throttle with the limits of ADR 0003 (10 per account, 50 per address, 15 minutes), on addresses of
 * its own so that it never pauses the other tests' 127.0.0.1.
 */
@CartpathIntegrationTest
class SignInThrottleIT {

    @Autowired
    IdentityStore store;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SignInThrottle throttle() {
        return new SignInThrottle(store, clock, SignInThrottle.ACCOUNT_LIMIT, SignInThrottle.ADDRESS_LIMIT);
    }

    @Test
    void fiftyFailuresFromOneAddressAcrossAccountsPauseThatAddressOnly() {
        SignInThrottle throttle = throttle();
        String address = "203.0.113." + (System.nanoTime() % 200);
        for (int i = 0; i < 49; i++) {
            throttle.recordFailure("someone-" + i + "-" + System.nanoTime(), address);
        }
        assertThat(throttle.pausedUntil("victim-" + System.nanoTime(), address)).isEmpty();
        throttle.recordFailure("someone-last-" + System.nanoTime(), address);
        assertThat(throttle.pausedUntil("victim-" + System.nanoTime(), address)).isPresent();
        assertThat(throttle.pausedUntil("victim-" + System.nanoTime(), "198.51.100.9")).as("other addresses").isEmpty();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.pausedUntil("victim-" + System.nanoTime(), address)).isEmpty();
    }

    @Test
    void theAccountPauseEndsFifteenMinutesAfterTheFailureThatStartedTheWindow() {
        SignInThrottle throttle = throttle();
        String username = "account-" + System.nanoTime();
        Instant first = Instant.now(clock);
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure(username, "192.0.2." + i);
            clock.advance(Duration.ofSeconds(30));
        }
        Instant until = throttle.pausedUntil(username, "192.0.2.99").orElseThrow();
        assertThat(Duration.between(first, until)).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(15).plusSeconds(1));
        clock.advance(Duration.between(Instant.now(clock), until).plusMillis(10));
        assertThat(throttle.pausedUntil(username, "192.0.2.99")).isEmpty();
    }
}
