package org.cartpath.shared;

/** Optimistic versions over HTTP: the ETag of a versioned record is its version in quotes. */
public final class Versions {

    private Versions() {
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names. A missing header is 428 (an update must say which
     * version it changes); a malformed one is 400.
     */
    public static int fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException("precondition-required", 428, "If-Match required",
                    "Send If-Match with the ETag of the version you are changing");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the ETag of the record, for example \"3\"");
        }
    }
}
