package org.cartpath.custody.isbt128;

import java.util.ArrayList;
import java.util.List;

/**
 * The ISBT 128 keyboard check character: ISO/IEC 7064 MOD 37-2 (a pure system, modulus 37, radix 2) over
 * the data characters, printed in a box after an eye-readable identifier so that a keyed-in identifier
 * can be checked (ICCBBA ST-001; UK Red Book, annex 2).
 *
 * <p>Characters and their values: 0-9 are 0-9, A-Z are 10-35, {@code *} is 36; the check character is
 * rendered back through the same table. Lower-case letters are refused, not upper-cased: ISBT 128 data
 * characters are upper case only, and a check character over something other than what is printed is
 * worthless.
 */
public final class KeyboardCheckCharacter {

    /**
     * How a keyed check character that is not the identifier's is reported. It never says which character was
     * expected: that would tell anyone how to make a mistyped identifier pass the keying check.
     */
    public static final String MISMATCH = "check character does not match";

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
    static final int MODULUS = 37;
    private static final int MOST_REPORTED = 10;

    private KeyboardCheckCharacter() {
    }

    /** The check character over {@code data}; refuses empty data and characters outside 0-9, A-Z, {@code *}. */
    public static char of(String data) {
        List<String> problems = problemsIn(data);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        // ISO/IEC 7064 recursive method: p = ((p + v(c)) * 2) mod 37 for each character, K = (38 - p) mod 37
        int p = 0;
        for (int i = 0; i < data.length(); i++) {
            p = ((p + value(data.charAt(i))) * 2) % MODULUS;
        }
        return ALPHABET.charAt((MODULUS + 1 - p) % MODULUS);
    }

    /** Why {@code data} has no check character: empty, or which characters (1-based positions) are not allowed. */
    public static List<String> problemsIn(String data) {
        if (data == null || data.isEmpty()) {
            return List.of("data is empty: the check character needs at least one character");
        }
        List<String> problems = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                refused++;
                if (refused <= MOST_REPORTED) {
                    problems.add(Characters.notAllowed(c, i + 1, "0-9, A-Z or *"));
                }
            }
        }
        if (refused > MOST_REPORTED) {
            problems.add("and " + (refused - MOST_REPORTED) + " more characters not allowed");
        }
        return problems;
    }

    /**
     * Why a check character a person keyed in beside an identifier is wrong: not a single character of the
     * 37, or not the one the identifier has. Nothing keyed (null or empty) is nothing to check.
     *
     * @param expected the identifier's check character, or null when the identifier is itself invalid and
     *                 there is nothing to compare with
     */
    public static List<String> problemsWithKeyed(String keyed, Character expected) {
        if (keyed == null || keyed.isEmpty()) {
            return List.of();
        }
        if (keyed.length() != 1 || !isCheckCharacter(keyed.charAt(0))) {
            String problem = "check character must be a single character 0-9, A-Z or *, got " + Characters.quote(keyed);
            return List.of(keyed.length() == 1 && keyed.charAt(0) >= 'a' && keyed.charAt(0) <= 'z'
                    ? problem + "; letters must be upper case" : problem);
        }
        if (expected != null && keyed.charAt(0) != expected) {
            return List.of(MISMATCH + ": re-scan the bar code, or re-key the identifier and its check character from"
                    + " the label");
        }
        return List.of();
    }

    /** Whether {@code c} is one of the 37 characters a check character can be. */
    public static boolean isCheckCharacter(char c) {
        return ALPHABET.indexOf(c) >= 0;
    }

    /** The ISO/IEC 7064 value of a character: 0-9, A-Z as 10-35, {@code *} as 36. */
    static int value(char c) {
        int v = ALPHABET.indexOf(c);
        if (v < 0) {
            throw new IllegalArgumentException(Characters.notAllowed(c, 1, "0-9, A-Z or *"));
        }
        return v;
    }
}
