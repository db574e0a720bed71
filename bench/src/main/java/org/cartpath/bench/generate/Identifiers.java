package org.cartpath.bench.generate;

/**
 * The identifiers the generator makes, in the formats cartpath checks: NHS numbers with their modulus 11 check digit
 * (NHS Data Dictionary, "NHS Number"), ISBT 128 facility identification numbers, chain-of-identity identifiers and
 * donation identification numbers (cartpath's custody module: ChainOfIdentityId, Din). Pure functions, unit-tested.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** The modulus 11 check digit of the first nine digits, or -1 when there is none (the remainder gives 10). */
    public static int nhsCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    /**
     * The first valid NHS number at or after {@code candidate} (a ten-digit number in the 999 range, which NHS England
     * keeps for test data and never issues to a person).
     */
    public static String nhsNumberFrom(long candidate) {
        for (long c = candidate / 10; c <= 999_999_999L; c++) {
            String nine = String.format("%09d", c);
            int check = nhsCheckDigit(nine);
            if (check >= 0 && c * 10 + check >= candidate) {
                return nine + check;
            }
        }
        throw new IllegalArgumentException("no valid NHS number left in the 999 range after " + candidate);
    }

    /** A facility identification number {@code [A-NP-Z1-9][A-Z0-9]{4}}: a letter for the kind, four digits. */
    public static String fin(char kind, int n) {
        if (kind == 'O' || kind == '0' || n < 0 || n > 9999) {
            throw new IllegalArgumentException("fin " + kind + n);
        }
        return kind + String.format("%04d", n);
    }

    /** A chain-of-identity identifier: CH, the centre's FIN, two digits of the year, a six-digit serial. */
    public static String coi(String fin, int year, int serial) {
        return "CH" + fin + String.format("%02d", Math.floorMod(year, 100)) + String.format("%06d", serial);
    }

    /** A donation identification number: the FIN, two digits of the year, a six-digit sequence. */
    public static String din(String fin, int year, int sequence) {
        return fin + String.format("%02d", Math.floorMod(year, 100)) + String.format("%06d", sequence);
    }

    /** A text field for PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped. */
    public static String copyText(String value) {
        if (value == null) {
            return "\\N";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
