package org.cartpath.custody.telemetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of data-logger readings, CSV or JSON, and checks all of it before anything is stored: a batch
 * with one bad row is refused whole, naming the row (1 = the first reading), so that a retry after the fix
 * stores it completely. Rows are numbered in both formats; a CSV's header is not a row.
 *
 * <ul>
 *   <li>CSV: a header {@code logger_id,read_at,celsius} (or {@code loggerId,readAt,celsius}), then one reading a
 *       line; fields are not quoted (none can contain a comma).</li>
 *   <li>JSON: {@code {"loggerId": "...", "readings": [{"loggerId", "readAt", "celsius"}]}}; a reading without its
 *       own {@code loggerId} takes the batch's.</li>
 *   <li>{@code read_at} is ISO-8601 with {@code Z} or an offset; not in the future (beyond a little clock
 *       drift); each logger's readings in time order, none twice.</li>
 *   <li>{@code celsius} from -273.15 to 100, kept to two decimals (half up).</li>
 * </ul>
 */
final class ReadingBatchReader {

    static final int MAX_READINGS = 250_000;
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);
    private static final Pattern LOGGER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final BigDecimal ABSOLUTE_ZERO = new BigDecimal("-273.15");
    private static final BigDecimal HOTTEST = new BigDecimal("100");
    private static final Set<String> CSV_HEADERS = Set.of("logger_id,read_at,celsius", "loggerId,readAt,celsius");
    private static final int MOST_REPORTED = 20;

    private final Instant now;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, Instant> lastOfLogger = new HashMap<>();
    private final Map<String, Integer> lastRowOfLogger = new HashMap<>();
    private int firstBadRow;

    ReadingBatchReader(Instant now) {
        this.now = now;
    }

    List<Reading> csv(Reader body) {
        List<Reading> readings = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(body)) {
            String header = lines.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !CSV_HEADERS.contains(header.trim().replace(" ", ""))) {
                throw refused(0, "the first line must be the header logger_id,read_at,celsius");
            }
            String line;
            int row = 0;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                row++;
                if (row > MAX_READINGS) {
                    throw refused(row, "a batch holds at most " + MAX_READINGS + " readings; send the rest in another batch");
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 3) {
                    problem(row, "expected 3 fields (logger_id,read_at,celsius), got " + fields.length);
                    continue;
                }
                Reading reading = reading(row, fields[0].trim(), fields[1].trim(), fields[2].trim());
                if (reading != null) {
                    readings.add(reading);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return finish(readings);
    }

    List<Reading> json(InputStream body, JsonMapper mapper) {
        List<Reading> readings = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "the body must be a JSON object with \"readings\"");
            String batchLogger = null;
            boolean sawReadings = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("loggerId")) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw refused(0, "\"loggerId\" must be a string");
                    }
                    batchLogger = parser.getString();
                } else if (name.equals("readings") && value == JsonToken.START_ARRAY) {
                    sawReadings = true;
                    readArray(parser, batchLogger, readings);
                } else {
                    throw refused(0, "unexpected field \"" + name + "\": the body has \"loggerId\" and \"readings\"");
                }
            }
            if (!sawReadings) {
                throw refused(0, "the body has no \"readings\" array");
            }
        } catch (JacksonException e) {
            throw refused(0, "the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        return finish(readings);
    }

    private void readArray(JsonParser parser, String batchLogger, List<Reading> readings) {
        int row = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            row++;
            if (row > MAX_READINGS) {
                throw refused(row, "a batch holds at most " + MAX_READINGS + " readings; send the rest in another batch");
            }
            if (token != JsonToken.START_OBJECT) {
                problem(row, "each reading is an object with loggerId, readAt and celsius");
                parser.skipChildren();
                continue;
            }
            String logger = batchLogger;
            String readAt = null;
            String celsius = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "loggerId" -> logger = value == JsonToken.VALUE_STRING ? parser.getString() : "";
                    case "readAt" -> readAt = value == JsonToken.VALUE_STRING ? parser.getString() : "";
                    case "celsius" -> celsius = value.isNumeric() ? parser.getDecimalValue().toPlainString() : "not a number";
                    default -> problem(row, "unexpected field \"" + name + "\"");
                }
                parser.skipChildren();
            }
            Reading reading = reading(row, logger, readAt, celsius);
            if (reading != null) {
                readings.add(reading);
            }
        }
    }

    private Reading reading(int row, String logger, String readAt, String celsius) {
        int before = problems.size();
        if (logger == null || !LOGGER_ID.matcher(logger).matches()) {
            problem(row, "logger id must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        Instant at = null;
        if (readAt == null || readAt.isEmpty()) {
            problem(row, "read_at is required");
        } else {
            try {
                at = readAt.endsWith("Z") ? Instant.parse(readAt) : OffsetDateTime.parse(readAt).toInstant();
                if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
                    problem(row, "read_at " + readAt + " is in the future");
                }
            } catch (DateTimeParseException e) {
                problem(row, "read_at must be ISO-8601 with Z or an offset, e.g. 2026-11-26T10:15:00Z");
            }
        }
        BigDecimal value = null;
        try {
            value = celsius == null ? null : new BigDecimal(celsius).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            problem(row, "celsius must be a number");
        } else if (value.compareTo(ABSOLUTE_ZERO) < 0 || value.compareTo(HOTTEST) > 0) {
            problem(row, "celsius must be from -273.15 to 100");
        }
        if (problems.size() > before) {
            return null;
        }
        Instant previous = lastOfLogger.get(logger);
        if (previous != null && !at.isAfter(previous)) {
            problem(row, "read at " + at + ", not after row " + lastRowOfLogger.get(logger) + " of logger " + logger
                    + ": each logger's readings must be in time order, each time once");
            return null;
        }
        lastOfLogger.put(logger, at);
        lastRowOfLogger.put(logger, row);
        return new Reading(logger, at, value);
    }

    private List<Reading> finish(List<Reading> readings) {
        if (!problems.isEmpty()) {
            throw refused(firstBadRow, null);
        }
        if (readings.isEmpty()) {
            throw refused(0, "the batch holds no readings");
        }
        return readings;
    }

    private void problem(int row, String message) {
        if (problems.isEmpty()) {
            firstBadRow = row;
        }
        if (problems.size() < MOST_REPORTED) {
            problems.add(new FieldProblem("row " + row, message));
        }
    }

    private static void expect(JsonToken token, JsonToken expected, String message) {
        if (token != expected) {
            throw refused0(message);
        }
    }

    private ProblemException refused(int row, String message) {
        if (message != null) {
            problems.clear();
            problems.add(new FieldProblem(row == 0 ? "body" : "row " + row, message));
            firstBadRow = row;
        }
        String first = problems.get(0).field() + ": " + problems.get(0).message();
        return new ProblemException("invalid-readings", 400, "The readings cannot be stored",
                (firstBadRow > 0 ? "Row " + firstBadRow + " is not valid (" + first + ")" : first)
                        + "; nothing was stored", problems, firstBadRow > 0 ? Map.of("row", firstBadRow) : Map.of());
    }

    private static ProblemException refused0(String message) {
        return new ProblemException("invalid-readings", 400, "The readings cannot be stored", "body: " + message
                + "; nothing was stored", List.of(new FieldProblem("body", message)), Map.of());
    }
}
