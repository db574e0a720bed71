package org.cartpath.followup.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Strict reading of the schedule's inputs as text: a calendar date with no time, a track spelt exactly. */
public final class ScheduleRequests {

    public static final String TRACKS = Arrays.stream(RegistryTrack.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private ScheduleRequests() {
    }

    /** A date, or why the text is not one. */
    public record DateOrProblem(LocalDate date, String problem) {
    }

    /** {@code YYYY-MM-DD} and a real calendar date (no 2023-02-29, no 2024-13-01); a time is refused. */
    public static DateOrProblem calendarDate(String text) {
        if (text.contains("T") || text.contains(":") || text.contains(" ")) {
            return new DateOrProblem(null, "must be a calendar date only, YYYY-MM-DD, without a time");
        }
        if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return new DateOrProblem(null, "must be a date written YYYY-MM-DD");
        }
        try {
            return new DateOrProblem(LocalDate.parse(text, STRICT_DATE), null);
        } catch (DateTimeParseException e) {
            return new DateOrProblem(null, "is not a valid calendar date");
        }
    }

    /** The track spelt exactly (case-sensitive), or null. */
    public static RegistryTrack track(String text) {
        return Arrays.stream(RegistryTrack.values()).filter(t -> t.name().equals(text)).findFirst().orElse(null);
    }
}
