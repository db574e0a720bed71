package org.cartpath.custody.web;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How long someone held an item, as people say it: "35 min", "4 h 10 min", "3 days 2 h". Templates call it as
 * {@code ${@custodyDurations.describe(duration)}}.
 */
@Component("custodyDurations")
public class Durations {

    public String describe(Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return (minutes / 60) + " h " + (minutes % 60) + " min";
        }
        return (minutes / (24 * 60)) + " days " + (minutes % (24 * 60)) / 60 + " h";
    }
}
