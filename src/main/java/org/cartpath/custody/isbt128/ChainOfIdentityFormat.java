package org.cartpath.custody.isbt128;

import java.util.ArrayList;
import java.util.List;

/**
 * ISBT 128 data structure 040, the Chain of Identity identifier (ICCBBA ST-028): the data identifier
 * {@code &/}, then 15 characters of data content: {@code CH}, the 5-character FIN, a 2-digit year and 6
 * characters A-Z or 0-9 assigned by the issuing facility.
 *
 * <p>Every problem is reported, not just the first, with positions counted from 1 in the whole scanned
 * text (so position 3 is the {@code C} of {@code CH}).
 */
public final class ChainOfIdentityFormat {

    public static final String DATA_IDENTIFIER = "&/";
    public static final String PREFIX = "CH";
    public static final int CONTENT_LENGTH = 15;
    public static final int SCANNED_LENGTH = DATA_IDENTIFIER.length() + CONTENT_LENGTH;

    // Indices into the scanned text: &/ at 0-1, CH at 2-3, FIN at 4-8, year at 9-10, serial at 11-16.
    private static final int PREFIX_AT = DATA_IDENTIFIER.length();
    private static final int FIN_AT = PREFIX_AT + PREFIX.length();
    private static final int YEAR_AT = FIN_AT + FacilityIdentificationNumber.LENGTH;
    private static final int SERIAL_AT = YEAR_AT + 2;

    private ChainOfIdentityFormat() {
    }

    /** Why {@code scanned} is not a COI as bar-code data; empty when it is one. */
    public static List<String> problemsIn(String scanned) {
        if (scanned == null || scanned.isEmpty()) {
            return List.of("identifier is empty");
        }
        List<String> problems = new ArrayList<>();
        boolean identified = scanned.startsWith(DATA_IDENTIFIER);
        if (!identified) {
            problems.add("wrong data identifier: expected " + Characters.quote(DATA_IDENTIFIER) + ", got "
                    + Characters.quote(scanned.substring(0, Math.min(2, scanned.length()))));
        }
        if (scanned.length() != SCANNED_LENGTH) {
            problems.add("wrong length: expected " + SCANNED_LENGTH + " characters (" + Characters.quote(DATA_IDENTIFIER)
                    + " + " + CONTENT_LENGTH + "), got " + scanned.length());
        }
        // Positions mean something only where the content sits where structure 040 puts it: after "&/",
        // or at the right length with a mistyped data identifier.
        if (identified || scanned.length() == SCANNED_LENGTH) {
            checkContent(scanned, problems);
        }
        return problems;
    }

    private static void checkContent(String scanned, List<String> problems) {
        if (scanned.length() <= PREFIX_AT) {
            return;
        }
        String prefix = scanned.substring(PREFIX_AT, Math.min(FIN_AT, scanned.length()));
        if (!prefix.equals(PREFIX)) {
            problems.add("missing " + Characters.quote(PREFIX) + " at positions " + (PREFIX_AT + 1) + "-" + FIN_AT
                    + ", got " + Characters.quote(prefix));
        }
        FacilityIdentificationNumber.checkAt(scanned, FIN_AT, problems);
        Positions.require(scanned, YEAR_AT, SERIAL_AT, Characters::isDigit, Characters.DIGIT, problems);
        Positions.require(scanned, SERIAL_AT, SCANNED_LENGTH, Characters::isUpperAlphanumeric, Characters.ALPHANUMERIC,
                problems);
    }
}
