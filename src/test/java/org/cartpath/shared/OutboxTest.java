package org.cartpath.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outbox's wait before trying a failed delivery again: the first wait after one failure, doubling after each. */
class OutboxTest {

    @ParameterizedTest(name = "after failure {0}, {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "10, 15360", "0, 30"})
    void theWaitDoublesAfterEachFailure(int attempt, long seconds) {
        Instant now = Instant.parse("2026-12-08T06:00:00Z");
        assertThat(Outbox.nextAttempt(now, Duration.ofSeconds(30), attempt)).isEqualTo(now.plusSeconds(seconds));
    }

    @ParameterizedTest(name = "attempt {0} waits no more than 2^20 times the first wait")
    @CsvSource({"21", "64", "1000"})
    void theDoublingStopsBeforeItOverflows(int attempt) {
        Instant now = Instant.parse("2026-12-08T06:00:00Z");
        assertThat(Outbox.nextAttempt(now, Duration.ofSeconds(1), attempt)).isEqualTo(now.plusSeconds(1L << 20));
    }
}
