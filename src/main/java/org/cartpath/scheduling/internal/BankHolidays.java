package org.cartpath.scheduling.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank holidays on which an apheresis unit does not collect unless it opens by an exception.
 *
 * <p>Source: GOV.UK "UK bank holidays" (www.gov.uk/bank-holidays), published by the UK Government as JSON in the
 * format of {@code scheduling/bank-holidays.json}, which cartpath ships for England and Wales, 2025 to 2028 (the
 * Banking and Financial Dealings Act 1971 and the royal proclamations behind it; substitute days included). A centre
 * updates it without a release by pointing {@code cartpath.scheduling.bank-holidays-file}
 * ({@code CARTPATH_BANK_HOLIDAYS_FILE}) at a newer copy of the same document; {@code
 * cartpath.scheduling.bank-holiday-division} chooses the division ({@code england-and-wales}, {@code scotland},
 * {@code northern-ireland}).
 */
@Component
public class BankHolidays {

    private static final Logger log = LoggerFactory.getLogger(BankHolidays.class);
    static final String SHIPPED = "scheduling/bank-holidays.json";

    private final TreeMap<LocalDate, String> days;
    private final String source;

    BankHolidays(@Value("${cartpath.scheduling.bank-holidays-file:}") String file,
            @Value("${cartpath.scheduling.bank-holiday-division:england-and-wales}") String division) {
        this.source = file == null || file.isBlank() ? "classpath:" + SHIPPED : file;
        this.days = read(readDocument(file), division, source);
        log.info("Bank holidays ({}) from {}: {} days, {} to {}", division, source, days.size(),
                days.isEmpty() ? "-" : days.firstKey(), days.isEmpty() ? "-" : days.lastKey());
    }

    /** The holiday's name on {@code day} ("Christmas Day (bank holiday)"), if it is one. */
    public Optional<String> on(LocalDate day) {
        String title = days.get(day);
        return title == null ? Optional.empty() : Optional.of(title + " (bank holiday)");
    }

    /** The last day the data covers: after it, bank holidays are unknown and a centre must update the file. */
    public Optional<LocalDate> knownUntil() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey().withMonth(12).withDayOfMonth(31));
    }

    public String source() {
        return source;
    }

    /** Reads the GOV.UK document: {@code {division: {events: [{title, date}]}}}; anything else is refused at start. */
    static TreeMap<LocalDate, String> read(String json, String division, String source) {
        JsonNode events = JsonMapper.builder().build().readTree(json).path(division).path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw new IllegalStateException("The bank holidays in " + source + " have no events for the division '"
                    + division + "' (expected the GOV.UK bank-holidays.json format)");
        }
        TreeMap<LocalDate, String> read = new TreeMap<>();
        for (JsonNode event : events) {
            String title = event.path("title").asString("").strip();
            String date = event.path("date").asString("");
            if (title.isEmpty()) {
                throw new IllegalStateException("A bank holiday in " + source + " has no title (date " + date + ")");
            }
            try {
                read.put(LocalDate.parse(date), title);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("The bank holiday '" + title + "' in " + source
                        + " has no ISO date (" + date + ")", e);
            }
        }
        return read;
    }

    private static String readDocument(String file) {
        try {
            if (file != null && !file.isBlank()) {
                return Files.readString(Path.of(file));
            }
            try (InputStream in = BankHolidays.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException("The shipped bank holidays " + SHIPPED + " are missing");
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bank holidays from " + file, e);
        }
    }

    Map<LocalDate, String> all() {
        return Map.copyOf(days);
    }
}
