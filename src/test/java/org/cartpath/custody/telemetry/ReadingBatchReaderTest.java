package org.cartpath.custody.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** A batch of readings is read whole or refused whole, naming the first bad row. */
class ReadingBatchReaderTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String HEADER = "logger_id,read_at,celsius\n";

    private List<Reading> csv(String body) {
        return new ReadingBatchReader(NOW).csv(new StringReader(body));
    }

    private List<Reading> json(String body) {
        return new ReadingBatchReader(NOW).json(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                JsonMapper.builder().build());
    }

    private static void refused(Runnable read, int row, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo("invalid-readings");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.detail()).contains("nothing was stored");
            if (row > 0) {
                assertThat(e.properties()).containsEntry("row", row);
            }
            assertThat(e.fieldProblems().get(0).message()).contains(message);
        });
    }

    @Test
    void readsCsvAndJsonAlike() {
        List<Reading> fromCsv = csv(HEADER + "L1,2026-11-26T10:00:00Z,-180.5\nL1,2026-11-26T10:01:00+00:00,-180.456\n\n");
        List<Reading> fromJson = json("{\"loggerId\":\"L1\",\"readings\":[{\"readAt\":\"2026-11-26T10:00:00Z\",\"celsius\":-180.5},"
                + "{\"readAt\":\"2026-11-26T10:01:00Z\",\"celsius\":-180.456}]}");
        assertThat(fromCsv).isEqualTo(fromJson);
        assertThat(fromCsv.get(1).celsius()).isEqualByComparingTo("-180.46");
    }

    @ParameterizedTest(name = "row {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "L1,2026-11-26T10:00:00Z,-180\\nL1,2026-11-26T10:01:00Z,cold | 2 | celsius must be a number",
            "L1,2026-11-26T10:00:00Z,-180\\nL1,2026-11-26 10:01,-180     | 2 | ISO-8601 with Z or an offset",
            "L1,2026-11-26T10:00:00Z,-180\\nL1,2026-11-26T12:02:01Z,-180 | 2 | is in the future",
            "L1,2026-11-26T10:00:00Z,-180\\nL1,2026-11-26T09:59:00Z,-180 | 2 | not after row 1",
            "L1,2026-11-26T10:00:00Z,-180\\nL1,2026-11-26T10:00:00Z,-180 | 2 | each time once",
            "L1,2026-11-26T10:00:00Z,-300                               | 1 | from -273.15 to 100",
            "L 1,2026-11-26T10:00:00Z,-180                              | 1 | logger id",
            "L1,2026-11-26T10:00:00Z                                    | 1 | expected 3 fields"})
    void refusesTheWholeCsvBatchNamingTheFirstBadRow(String rows, int row, String message) {
        refused(() -> csv(HEADER + rows.strip().replace("\\n", "\n")), row, message);
    }

    @Test
    void twoLoggersMayReadAtTheSameTimeButTheFutureAllowsOnlyClockDrift() {
        assertThat(csv(HEADER + "L1,2026-11-26T10:00:00Z,-180\nL2,2026-11-26T10:00:00Z,-181\nL1,2026-11-26T12:02:00Z,-180"))
                .hasSize(3);
    }

    @Test
    void refusesAMissingHeaderAnEmptyBatchAndBrokenJson() {
        refused(() -> csv("L1,2026-11-26T10:00:00Z,-180\n"), 0, "header");
        refused(() -> csv(HEADER), 0, "no readings");
        refused(() -> json("{\"readings\": [}"), 0, "not valid JSON");
        refused(() -> json("[]"), 0, "JSON object");
        refused(() -> json("{\"loggerId\": \"L1\"}"), 0, "no \"readings\"");
        refused(() -> json("{\"readings\":[{\"loggerId\":\"L1\",\"readAt\":\"2026-11-26T10:00:00Z\",\"celsius\":\"-180\"}]}"),
                1, "celsius must be a number");
        refused(() -> json("{\"readings\":[{\"loggerId\":\"L1\",\"readAt\":\"2026-11-26T10:00:00Z\",\"celsius\":-180,"
                + "\"humidity\":{\"value\":3}}]}"), 1, "unexpected field \"humidity\"");
    }

    @Test
    void refusesBatchesOverTheLimit() {
        StringBuilder body = new StringBuilder(HEADER);
        Instant at = NOW.minusSeconds(ReadingBatchReader.MAX_READINGS + 10L);
        for (int i = 0; i <= ReadingBatchReader.MAX_READINGS; i++) {
            body.append("L1,").append(at.plusSeconds(i)).append(",-180\n");
        }
        refused(() -> csv(body.toString()), ReadingBatchReader.MAX_READINGS + 1, "at most 250000");
    }
}
