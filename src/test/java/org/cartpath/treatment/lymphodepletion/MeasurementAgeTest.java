package org.cartpath.treatment.lymphodepletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weight-age rule: a measurement {@code max} days old is used, one a day older is not. */
class MeasurementAgeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    @ParameterizedTest(name = "measured {0} day(s) before, limit {1}: too old = {2}")
    @CsvSource({
            "0, 3, false",
            "1, 3, false",
            "3, 3, false",
            "4, 3, true",
            "30, 3, true",
            "0, 0, false",
            "1, 0, true",
            "7, 7, false",
            "8, 7, true"})
    void aMeasurementOlderThanTheLimitIsTooOld(int daysBefore, int maxDays, boolean tooOld) {
        assertThat(MeasurementAge.tooOld(TODAY.minusDays(daysBefore), TODAY, maxDays)).isEqualTo(tooOld);
        assertThat(MeasurementAge.days(TODAY.minusDays(daysBefore), TODAY)).isEqualTo(daysBefore);
    }

    @Test
    void aMissingMeasurementIsNotTooOldButMissing() {
        assertThat(MeasurementAge.tooOld(null, TODAY, 3)).isFalse();
    }

    @Test
    void aNegativeLimitIsAConfigurationError() {
        assertThatThrownBy(() -> MeasurementAge.tooOld(TODAY, TODAY, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
