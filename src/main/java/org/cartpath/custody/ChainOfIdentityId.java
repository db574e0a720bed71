package org.cartpath.custody;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.custody.isbt128.ChainOfIdentityFormat;
import org.cartpath.custody.isbt128.FacilityIdentificationNumber;
import org.cartpath.custody.isbt128.KeyboardCheckCharacter;

/**
 * A Chain of Identity identifier (COI): ISBT 128 data structure 040 (ICCBBA ST-028). One per therapy
 * event; it links every collection (DIN) made for that therapy and follows the cells to the manufacturer
 * and back to the bedside.
 *
 * @param content the 15 characters after the data identifier {@code &/}: {@code CH}, FIN, 2-digit year,
 *                6 characters A-Z or 0-9
 */
public record ChainOfIdentityId(String content) {

    private static final int SERIAL_LENGTH = 6;

    public ChainOfIdentityId {
        List<String> problems = content == null ? List.of("identifier is empty")
                : ChainOfIdentityFormat.problemsIn(ChainOfIdentityFormat.DATA_IDENTIFIER + content);
        if (!problems.isEmpty()) {
            throw new InvalidIdentifierException(problems);
        }
    }

    /** Reads bar-code data ({@code &/} and 15 characters) exactly as scanned: nothing is trimmed or upper-cased. */
    public static ChainOfIdentityId parse(String scanned) {
        List<String> problems = ChainOfIdentityFormat.problemsIn(scanned);
        if (!problems.isEmpty()) {
            throw new InvalidIdentifierException(problems);
        }
        return new ChainOfIdentityId(scanned.substring(ChainOfIdentityFormat.DATA_IDENTIFIER.length()));
    }

    /** Every reason {@code scanned} is not a COI; empty when it is one. */
    public static List<String> problemsIn(String scanned) {
        return ChainOfIdentityFormat.problemsIn(scanned);
    }

    /**
     * Builds a COI from its parts. Pure: whether the serial is still free is the allocating facility's
     * business, not this record's.
     *
     * @param fin    the facility's ICCBBA-registered FIN (a setting)
     * @param year   the year of allocation; its last two digits are used
     * @param serial 6 characters A-Z or 0-9
     */
    public static ChainOfIdentityId of(String fin, Year year, String serial) {
        List<String> problems = new ArrayList<>(FacilityIdentificationNumber.problemsIn(fin));
        if (year == null) {
            problems.add("year is missing");
        }
        if (serial == null || !serial.matches("[A-Z0-9]{" + SERIAL_LENGTH + "}")) {
            problems.add("serial must be " + SERIAL_LENGTH + " characters A-Z or 0-9, got "
                    + (serial == null ? "nothing" : "\"" + serial + "\""));
        }
        if (!problems.isEmpty()) {
            throw new InvalidIdentifierException(problems);
        }
        return new ChainOfIdentityId(ChainOfIdentityFormat.PREFIX + fin + twoDigits(year) + serial);
    }

    public String fin() {
        return content.substring(2, 7);
    }

    /** The last two digits of the year of allocation. */
    public String year() {
        return content.substring(7, 9);
    }

    public String serial() {
        return content.substring(9);
    }

    /** What the bar codes carry: {@code &/} and the 15 characters of content. */
    public String barcodeData() {
        return ChainOfIdentityFormat.DATA_IDENTIFIER + content;
    }

    /** The keyboard check character over the 15 characters of content (ISO/IEC 7064 MOD 37-2). */
    public char checkCharacter() {
        return KeyboardCheckCharacter.of(content);
    }

    /** The content grouped for a person to read and key in: {@code CH G1234 26 A1B2C3}; no data identifier. */
    public String eyeReadable() {
        return content.substring(0, 2) + " " + fin() + " " + year() + " " + serial();
    }

    @Override
    public String toString() {
        return barcodeData();
    }

    static String twoDigits(Year year) {
        return String.format("%02d", Math.floorMod(year.getValue(), 100));
    }
}
