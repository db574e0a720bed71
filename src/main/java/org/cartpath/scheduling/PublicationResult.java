package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a publication did. Republishing the same week with the same content changes nothing ({@code UNCHANGED});
 * with other content it replaces the week ({@code REPLACED}), keeping every booked slot.
 *
 * @param source    PUBLISHED by the manufacturer or MIRRORED by a centre's coordinator
 * @param slots     the week's slots now
 * @param booked    how many of them are booked
 * @param withdrawn how many free slots this publication took away
 */
public record PublicationResult(UUID publicationId, int version, Outcome outcome, String source, String siteCode,
        String productCode, LocalDate weekStart, int slots, int booked, int withdrawn) {

    public enum Outcome { CREATED, REPLACED, UNCHANGED }
}
