package org.cartpath.reliability;

/** Hostile values the fuzz suite sends. */
final class Payloads {

    /** Control characters (NUL included, which PostgreSQL refuses in text), bidi overrides, emoji, astral letters, quotes. */
    static final String UNICODE = "\u0000\u0001\u0007\b\t\r\n\u001b[31m \u202eevil\u202c \uD83D\uDE00 \uD835\uDD4F \u00e9\u0301"
            + " \uFEFF \uFFFF' OR '1'='1 \"; -- <script>alert(1)</script> ${7*7} %s %n";

    /** Path segments that are not ids. */
    static final String[] MALFORMED_IDS = {"abc", "-1", "0", "99999999999999999999", "00000000-0000-0000-0000-00000000000g",
            "%20", "%E2%80%AE", "x".repeat(500)};

    /** Query values. */
    static final String[] QUERY_VALUES = {"abc", "-1", "99999999999999999999", "1e309", "", "%20%20", "%00",
            "%F0%9F%98%80%E2%80%AE", "x".repeat(2000), "2026-13-45", "true"};

    /** What no response body may contain: a stack trace, an exception's name, SQL or a database error. */
    static final String[] LEAKS = {"Exception", "\tat ", "at org.", "at java.", "SELECT ", "INSERT INTO", "UPDATE ",
            "ERROR: ", "org.springframework", "org.postgresql", "java.lang", "Caused by", "jdbc"};

    private Payloads() {
    }
}
