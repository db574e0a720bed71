package org.cartpath.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.cartpath.platform.CartpathSettings;
import org.springframework.stereotype.Component;

/**
 * Times as people read them: stored in UTC, shown in the configured zone (Europe/London by default), e.g.
 * {@code 26 Nov 2026 14:03}. Templates call it as {@code ${@times.format(instant)}}.
 */
@Component("times")
public class TimeFormatting {

    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy");

    TimeFormatting(CartpathSettings settings) {
        this.dateTime = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss").withZone(settings.time().zoneId());
    }

    public String format(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    public String format(LocalDate day) {
        return day == null ? "" : date.format(day);
    }
}
