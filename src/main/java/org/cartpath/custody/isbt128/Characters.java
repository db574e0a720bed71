package org.cartpath.custody.isbt128;

/** How the ISBT 128 rules describe a character that is not allowed, so every message reads the same. */
final class Characters {

    static final String ALPHANUMERIC = "A-Z or 0-9";
    static final String DIGIT = "0-9";

    private Characters() {
    }

    static boolean isUpperAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code character 'a' not allowed at position 7: expected A-Z or 0-9; letters must be upper case}. */
    static String notAllowed(char c, int position, String expected) {
        String message = "character " + describe(c) + " not allowed at position " + position + ": expected " + expected;
        return c >= 'a' && c <= 'z' ? message + "; letters must be upper case" : message;
    }

    /** A printable ASCII character in quotes; anything else (control, non-ASCII) as its code point. */
    static String describe(char c) {
        return c >= ' ' && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** Text as received, quoted, with characters that would not show as their code points. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            quoted.append(c >= ' ' && c < 127 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return quoted.append('"').toString();
    }
}
