package org.cartpath.custody;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.custody.isbt128.DinFormat;
import org.cartpath.custody.isbt128.FacilityIdentificationNumber;
import org.cartpath.custody.isbt128.KeyboardCheckCharacter;

/**
 * A Donation Identification Number (DIN): ISBT 128 data structure 001 (ICCBBA ST-001), one per collection.
 * Flags are not part of the identity: a scanned DIN's flags are checked, then dropped.
 *
 * @param value the 13 characters: FIN (5), 2-digit year, 6-digit sequence number
 */
public record Din(String value) {

    private static final int MAX_SEQUENCE = 999_999;

    public Din {
        List<String> problems = value != null && value.startsWith(DinFormat.DATA_IDENTIFIER)
                ? List.of("a DIN's value is its 13 characters, without the data identifier \"=\"")
                : DinFormat.problemsIn(value);
        if (!problems.isEmpty()) {
            throw new InvalidIdentifierException(problems);
        }
    }

    /**
     * Reads a DIN exactly as given (nothing trimmed or upper-cased): either the 13 characters keyed in from
     * the eye-readable text, or bar-code data {@code =}, 13 characters and flags {@code 00} or 60-96.
     */
    public static Din parse(String scanned) {
        List<String> problems = DinFormat.problemsIn(scanned);
        if (!problems.isEmpty()) {
            throw new InvalidIdentifierException(problems);
        }
        int at = scanned.startsWith(DinFormat.DATA_IDENTIFIER) ? DinFormat.DATA_IDENTIFIER.length() : 0;
        return new Din(scanned.substring(at, at + DinFormat.LENGTH));
    }

    /** Every reason {@code scanned} is not a DIN; empty when it is one. */
    public static List<String> problemsIn(String scanned) {
        return DinFormat.problemsIn(scanned);
    }

    /**
     * Builds a DIN from its parts. Pure: whether the sequence number is still free is the allocating
     * facility's business, not this record's.
     *
     * @param fin      the facility's ICCBBA-registered FIN (a setting)
     * @param year     the year of collection; its last two digits are used
     * @param sequence 0 to 999999
     */
    public static Din of(String fin, Year year, int sequence) {
        List<String> problems = new ArrayList<>(FacilityIdentificationNumber.problemsIn(fin));
        if (year == null) {
            problems.add("year is missing");
        }
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            problems.add("sequence must be 0 to " + MAX_SEQUENCE + ", got " + sequence);
        }
        if (!problems.isEmpty()) {
            throw new InvalidIdentifierException(problems);
        }
        return new Din(fin + ChainOfIdentityId.twoDigits(year) + String.format("%06d", sequence));
    }

    public String fin() {
        return value.substring(0, 5);
    }

    /** The last two digits of the year of collection. */
    public String year() {
        return value.substring(5, 7);
    }

    public String sequence() {
        return value.substring(7);
    }

    /** What the bar codes carry: {@code =}, the 13 characters and flags {@code 00} (flags not used). */
    public String barcodeData() {
        return DinFormat.DATA_IDENTIFIER + value + DinFormat.FLAGS_NOT_USED;
    }

    /** The keyboard check character over the 13 characters (ISO/IEC 7064 MOD 37-2). */
    public char checkCharacter() {
        return KeyboardCheckCharacter.of(value);
    }

    /** The 13 characters grouped for a person to read and key in: {@code G1234 26 123456}. */
    public String eyeReadable() {
        return fin() + " " + year() + " " + sequence();
    }

    @Override
    public String toString() {
        return value;
    }
}
