package org.cartpath.identity.security;

import java.time.ZoneId;

/** The time zone in which times are shown to people (stored times are UTC). */
public record DisplayZone(ZoneId zoneId) {
}
