package org.cartpath.custody.isbt128;

import java.util.ArrayList;
import java.util.List;

/**
 * ISBT 128 data structure 001, the Donation Identification Number (ICCBBA ST-001): 13 data characters
 * (FIN, 2-digit year, 6-digit sequence number). As bar-code data it is the data identifier {@code =}, the
 * 13 characters and 2 flag characters; keyed in from the eye-readable text it is the 13 characters alone.
 *
 * <p>Flags cartpath supports: {@code 00} (flags not used, what cartpath prints) and 60-96, the ISO/IEC
 * 7064 MOD 37-2 check value plus 60, which is verified against the DIN. Other flag values have meanings
 * (container sets, local use) that cartpath does not interpret, so they are refused rather than ignored.
 */
public final class DinFormat {

    public static final String DATA_IDENTIFIER = "=";
    public static final int LENGTH = 13;
    public static final int SCANNED_LENGTH = DATA_IDENTIFIER.length() + LENGTH + 2;
    public static final String FLAGS_NOT_USED = "00";
    static final int CHECK_FLAG_OFFSET = 60;

    private static final int YEAR_AT = FacilityIdentificationNumber.LENGTH;

    private DinFormat() {
    }

    /** Why {@code scanned} (13 characters, or bar-code data starting {@code =}) is not a DIN; empty when it is one. */
    public static List<String> problemsIn(String scanned) {
        if (scanned == null || scanned.isEmpty()) {
            return List.of("identifier is empty");
        }
        List<String> problems = new ArrayList<>();
        if (!scanned.startsWith(DATA_IDENTIFIER)) {
            if (scanned.length() != LENGTH) {
                problems.add("wrong length: expected " + LENGTH + " characters, or " + SCANNED_LENGTH
                        + " starting with " + Characters.quote(DATA_IDENTIFIER) + ", got " + scanned.length());
            }
            checkContent(scanned, 0, problems);
            return problems;
        }
        if (scanned.length() != SCANNED_LENGTH) {
            problems.add("wrong length: expected " + SCANNED_LENGTH + " characters (" + Characters.quote(DATA_IDENTIFIER)
                    + " + " + LENGTH + " + 2 flag characters), got " + scanned.length());
        }
        int at = DATA_IDENTIFIER.length();
        boolean contentValid = checkContent(scanned, at, problems);
        if (scanned.length() == SCANNED_LENGTH) {
            checkFlags(scanned, scanned.substring(at, at + LENGTH), contentValid, problems);
        }
        return problems;
    }

    /** The flag characters that carry the check value of {@code din} (ICCBBA ST-001: check value + 60). */
    public static String checkFlags(String din) {
        return String.valueOf(CHECK_FLAG_OFFSET + KeyboardCheckCharacter.ALPHABET.indexOf(KeyboardCheckCharacter.of(din)));
    }

    private static boolean checkContent(String text, int at, List<String> problems) {
        int before = problems.size();
        FacilityIdentificationNumber.checkAt(text, at, problems);
        Positions.require(text, at + YEAR_AT, at + LENGTH, Characters::isDigit, Characters.DIGIT, problems);
        return problems.size() == before;
    }

    private static void checkFlags(String scanned, String din, boolean dinValid, List<String> problems) {
        int at = DATA_IDENTIFIER.length() + LENGTH;
        String flags = scanned.substring(at);
        int before = problems.size();
        Positions.require(scanned, at, SCANNED_LENGTH, Characters::isDigit, Characters.DIGIT, problems);
        if (problems.size() > before || flags.equals(FLAGS_NOT_USED)) {
            return;
        }
        int value = Integer.parseInt(flags);
        if (value < CHECK_FLAG_OFFSET || value > CHECK_FLAG_OFFSET + KeyboardCheckCharacter.MODULUS - 1) {
            problems.add("flag characters " + Characters.quote(flags) + " not supported: expected "
                    + Characters.quote(FLAGS_NOT_USED) + " or the check value + 60 (60-96)");
        } else if (dinValid && !flags.equals(checkFlags(din))) {
            // never the expected flags: they are the check value, and naming them would make a wrong DIN pass
            problems.add("flag characters " + Characters.quote(flags) + " do not match the DIN's check value: re-scan"
                    + " the bar code");
        }
    }
}
