package org.cartpath.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.cartpath.shared.EventDates.CollectionDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The date rules of docs/clinical/dates.md, at their boundaries. */
class EventDatesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final LocalDate BOOKED = LocalDate.parse("2026-12-09");

    @Test
    void theClockToleranceIsFiveMinutes() {
        assertThat(EventDates.CLOCK_TOLERANCE).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0} s from now: in the future = {1}")
    @CsvSource({
            "-86400, false",
            "-1,     false",
            "0,      false",
            "1,      false",
            "300,    false",
            "301,    true",
            "3600,   true"})
    void aTimeIsInTheFutureOnlyBeyondTheTolerance(long secondsFromNow, boolean inFuture) {
        assertThat(EventDates.inFuture(NOW.plusSeconds(secondsFromNow), NOW)).isEqualTo(inFuture);
    }

    @ParameterizedTest(name = "{0} s from now: refused = {1}")
    @CsvSource({"0, false", "300, false", "301, true"})
    void aFutureTimeIsRefusedNamingItsField(long secondsFromNow, boolean refused) {
        Instant at = NOW.plusSeconds(secondsFromNow);
        if (refused) {
            assertThatThrownBy(() -> EventDates.requireNotInFuture("collectedAt", at, NOW, "the collection"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo("timestamp-in-future");
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.fieldProblems()).extracting(ProblemException.FieldProblem::field)
                                .containsExactly("collectedAt");
                    });
        } else {
            EventDates.requireNotInFuture("collectedAt", at, NOW, "the collection");
        }
    }

    @ParameterizedTest(name = "collected {0} days from the booked day: {1}")
    @CsvSource({
            "-7, OFF_BOOKED_DAY",
            "-1, OFF_BOOKED_DAY",
            "0,  ON_BOOKED_DAY",
            "1,  OFF_BOOKED_DAY"})
    void aCollectionIsOnTheBookedDayOnlyOnThatDay(int daysFromBooked, CollectionDay expected) {
        assertThat(EventDates.collectionDay(BOOKED.plusDays(daysFromBooked), BOOKED)).isEqualTo(expected);
    }

    @Test
    void aCollectionWithoutABookedDayHasNothingToBeReconciledWith() {
        assertThat(EventDates.collectionDay(BOOKED, null)).isEqualTo(CollectionDay.NOTHING_BOOKED);
    }

    @ParameterizedTest(name = "{0} s after the previous step: refused = {1}")
    @CsvSource({
            "-86400, true",
            "-1,     true",
            "0,      false",
            "1,      false"})
    void aStepMayNotBeBeforeTheStepItFollows(long secondsAfterPrevious, boolean refused) {
        Instant collected = NOW.minusSeconds(3600);
        var refusal = EventDates.before("shipment-before-collection", "occurredAt", collected.plusSeconds(secondsAfterPrevious),
                collected, "the hand-over must not be before the cells were collected");
        refusal.ifPresent(e -> {
            assertThat(e.type()).isEqualTo("shipment-before-collection");
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.fieldProblems().get(0).field()).isEqualTo("occurredAt");
        });
        assertThat(refusal.isPresent()).isEqualTo(refused);
    }

    @ParameterizedTest(name = "first day {0} days after the collection: refused = {1}")
    @CsvSource({"-1, true", "0, false", "1, false"})
    void aDayMayNotBeBeforeTheDayOfTheStepItFollows(int daysAfter, boolean refused) {
        LocalDate collected = LocalDate.parse("2026-11-09");
        assertThat(EventDates.dayBefore("lymphodepletion-before-collection", "anchorOn", collected.plusDays(daysAfter),
                collected, "is before the collection", "Lymphodepletion before the collection").isPresent())
                .isEqualTo(refused);
    }

    @Test
    void nothingToCompareIsInOrder() {
        assertThat(EventDates.before("t", "f", null, NOW, "m")).isEmpty();
        assertThat(EventDates.before("t", "f", NOW, null, "m")).isEmpty();
        assertThat(EventDates.dayBefore("t", "f", null, BOOKED, "m", "d")).isEmpty();
    }
}
