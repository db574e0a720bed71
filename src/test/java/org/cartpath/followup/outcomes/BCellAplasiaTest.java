package org.cartpath.followup.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * B-cell aplasia from the CD19+ B-cell counts (docs/clinical/follow-up.md, ADR 0035): below the threshold is aplasia,
 * at it or above is B cells present; aplasia is lost on two consecutive counts at or above it after aplasia, the date
 * of loss the first of them; one such count is a loss not yet confirmed. Default threshold 100 cells/µL.
 */
class BCellAplasiaTest {
    static final String SERIES = """
                                        | 100 | NOT_MEASURED       | -   | -
            28:0                        | 100 | IN_APLASIA         | 28  | -
            28:99.99                    | 100 | IN_APLASIA         | 28  | -
            28:100                      | 100 | NEVER_IN_APLASIA   | -   | -
            28:0 90:100                 | 100 | LOSS_NOT_CONFIRMED | 28  | -
            28:0 90:150 120:180         | 100 | LOST               | 28  | 90
            28:0 90:150 120:40          | 100 | IN_APLASIA         | 120 | -
            28:0 90:150 120:40 180:120 200:300 | 100 | LOST        | 120 | 180
            28:5 60:150 60:20           | 100 | LOSS_NOT_CONFIRMED | 28  | -
            28:0 90:15                  | 10  | LOSS_NOT_CONFIRMED | 28  | -
            28:0 90:15 120:9            | 10  | IN_APLASIA         | 120 | -
            28:0 90:15 120:10           | 10  | LOST               | 28  | 90
            """;


    static final LocalDate DAY_ZERO = LocalDate.of(2026, 1, 5);

    /** "day:count day:count …" → counts on day 0 + day. */
    static List<BCellAplasia.Count> series(String text) {
        List<BCellAplasia.Count> counts = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        for (String point : text.trim().split("\\s+")) {
            String[] dc = point.split(":");
            counts.add(new BCellAplasia.Count(DAY_ZERO.plusDays(Integer.parseInt(dc[0])), new BigDecimal(dc[1])));
        }
        return counts;
    }

    @ParameterizedTest(name = "[{0}] below {1} → {2}, last confirmed day {3}, lost day {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = SERIES)
    void theStatusTheDateLastConfirmedAndTheDateLostFollowTheThreshold(String counts, BigDecimal below,
            BCellAplasia.Status status, Integer lastConfirmedDay, Integer lostDay) {
        BCellAplasia.Assessment a = BCellAplasia.assess(series(counts), below);

        assertThat(a.status()).isEqualTo(status);
        assertThat(a.lastConfirmedOn()).isEqualTo(lastConfirmedDay == null ? null : DAY_ZERO.plusDays(lastConfirmedDay));
        assertThat(a.lostOn()).isEqualTo(lostDay == null ? null : DAY_ZERO.plusDays(lostDay));
        assertThat(a.flagged()).isEqualTo(status == BCellAplasia.Status.LOST
                || status == BCellAplasia.Status.LOSS_NOT_CONFIRMED);
        assertThat(a.thresholdCellsPerMicrolitre()).isEqualByComparingTo(below);
    }

    @Test
    void aThresholdOfZeroOrLessIsRefused() {
        assertThatThrownBy(() -> BCellAplasia.assess(series("28:0"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
