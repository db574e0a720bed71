package org.cartpath.shared;

import java.util.UUID;

/** Parsing of opaque ids from paths and forms: a malformed id is simply a record that does not exist. */
public final class Ids {
    private Ids() {
    }

    public static UUID parse(String value, String what) {
        if (value == null) {
            throw new NotFoundException(what, "(none)");
        }
        try {
            UUID uuid = UUID.fromString(value.trim());
            if (!uuid.toString().equalsIgnoreCase(value.trim())) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what, value);
        }
    }
}
