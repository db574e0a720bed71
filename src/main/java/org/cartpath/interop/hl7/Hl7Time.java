package org.cartpath.interop.hl7;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * HL7 v2 times (DTM, HL7 v2.5.1 chapter 2A.22): {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}. A time without
 * an offset is the sender's local time, which for an NHS laboratory is the centre's time zone.
 */
final class Hl7Time {

    private Hl7Time() {
    }

    /** The instant, or null when {@code value} is empty; a value that is not a DTM throws {@link IllegalArgumentException}. */
    static Instant parse(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        ZoneOffset offset = null;
        int sign = Math.max(text.indexOf('+'), text.indexOf('-'));
        if (sign > 0) {
            try {
                offset = ZoneOffset.of(text.substring(sign, sign + 3) + ":" + text.substring(sign + 3));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + value + "' is not an HL7 time: bad offset");
            }
            text = text.substring(0, sign);
        }
        int dot = text.indexOf('.');
        if (dot > 0) {
            text = text.substring(0, dot);
        }
        if (!text.matches("[0-9]{8}([0-9]{4}([0-9]{2})?)?")) {
            throw new IllegalArgumentException("'" + value + "' is not an HL7 time (YYYYMMDD[HHMM[SS]])");
        }
        try {
            LocalDateTime local = text.length() == 8
                    ? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay()
                    : LocalDateTime.parse((text + "00").substring(0, 14), DateTimeFormatter.ofPattern("uuuuMMddHHmmss"));
            return offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not an HL7 time: " + e.getMessage());
        }
    }
}
