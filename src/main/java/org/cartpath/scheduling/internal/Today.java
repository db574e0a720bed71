package org.cartpath.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The injected clock in cartpath's time zone: "today" for apheresis days is a day in Europe/London. */
@Component
public class Today {

    private final Clock clock;
    private final ZoneId zone;

    Today(Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public LocalDate date() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public ZoneId zone() {
        return zone;
    }
}
