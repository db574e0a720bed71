package org.cartpath.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    /** A clock that moves only when the test moves it. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final CredentialCache cache = new CredentialCache(clock);
    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<Optional<IdentityStore.Credentials>> database() {
        return () -> {
            reads.incrementAndGet();
            return Optional.of(new IdentityStore.Credentials(null, "hash", false, true));
        };
    }

    @Test
    void aUserReadOnceIsServedFromTheCacheWhileItsListenerListens() {
        cache.listening();
        cache.user("u1", database());
        cache.user("u1", database());
        cache.user("u1", database());
        assertThat(reads).hasValue(1);
        assertThat(cache.statistics().hits()).isEqualTo(2);
    }

    @Test
    void nothingIsCachedBeforeTheListenerListens() {
        cache.user("u1", database());
        cache.user("u1", database());
        assertThat(reads).hasValue(2);
        assertThat(cache.statistics().bypasses()).isEqualTo(2);
    }

    @Test
    void aLostListenerConnectionEmptiesTheCacheAndEveryLookupReadsTheDatabaseUntilItListensAgain() {
        cache.listening();
        cache.user("u1", database());
        cache.notListening();
        cache.user("u1", database());
        cache.user("u1", database());
        assertThat(reads).hasValue(3);
        assertThat(cache.statistics().connectionsLost()).isEqualTo(1);
        assertThat(cache.statistics().entries()).isZero();
        cache.listening();
        cache.user("u1", database());
        cache.user("u1", database());
        assertThat(reads).hasValue(4);
    }

    @Test
    void aNoticeAboutAUserMakesTheNextLookupReadTheDatabaseAndLeavesOtherUsersCached() {
        cache.listening();
        cache.user("u1", database());
        cache.user("u2", database());
        cache.invalidate("user u1");
        cache.user("u1", database());
        cache.user("u2", database());
        assertThat(reads).hasValue(3);
    }

    @Test
    void aNoticeAboutATokenForgetsThatToken() {
        cache.listening();
        AtomicInteger tokenReads = new AtomicInteger();
        Supplier<Optional<IdentityStore.StoredToken>> load = () -> {
            tokenReads.incrementAndGet();
            return Optional.of(new IdentityStore.StoredToken(null, "hash", null, false, true));
        };
        cache.token("abc", load);
        cache.token("abc", load);
        cache.invalidate("token abc");
        cache.token("abc", load);
        assertThat(tokenReads).hasValue(2);
    }

    @Test
    void aNoticeAboutAnOrganisationForgetsEveryone() {
        cache.listening();
        cache.user("u1", database());
        cache.user("u2", database());
        cache.invalidate("organisation 42");
        cache.user("u1", database());
        cache.user("u2", database());
        assertThat(reads).hasValue(4);
    }

    @Test
    void aReadThatANoticeOvertookIsUsedOnceButNotKept() {
        cache.listening();
        cache.user("u1", () -> {
            reads.incrementAndGet();
            // the change commits and its notice arrives while this request is still reading the old row
            cache.invalidate("user u1");
            return Optional.of(new IdentityStore.Credentials(null, "old hash", false, true));
        });
        cache.user("u1", database());
        assertThat(reads).hasValue(2);
    }

    @Test
    void anEntryIsTrustedForItsTimeToLiveAtMostEvenWithoutANotice() {
        cache.listening();
        cache.user("u1", database());
        clock.advance(CredentialCache.TIME_TO_LIVE.minus(Duration.ofMillis(1)));
        cache.user("u1", database());
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        cache.user("u1", database());
        assertThat(reads).hasValue(2);
    }

    @Test
    void anUnknownUserIsNotRememberedAsUnknown() {
        cache.listening();
        cache.user("nobody", () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        cache.user("nobody", () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertThat(reads).hasValue(2);
    }
}
