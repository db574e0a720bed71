package org.cartpath.custody.labels;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a label writes dates and NHS numbers, and the guard that every character can actually be printed. */
final class LabelText {

    /** NPSA SPN 24 wristband style, 06-Jan-1953: unambiguous to a reader in any country. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    /** The PDF labels use the standard Helvetica fonts, which print Windows-1252 and nothing else. */
    private static final Charset PRINTABLE = Charset.forName("windows-1252");
    /** Helvetica Bold's widest capitals are about 0.78 em; sizing text by it keeps a line inside its space. */
    private static final double WIDEST_EM = 0.78;

    private LabelText() {
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** 943 476 5919: the NHS number in its 3-3-4 groups when it is ten digits, otherwise as recorded. */
    static String nhsNumber(String nhsNumber) {
        String digits = nhsNumber.replace(" ", "");
        return digits.matches("\\d{10}")
                ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6) : nhsNumber;
    }

    /**
     * Text that the label fonts can print. A name printed with a character missing is a different name, so a
     * character outside Windows-1252 refuses the label rather than dropping it.
     */
    static String printable(String what, String text) {
        if (!PRINTABLE.newEncoder().canEncode(text)) {
            throw new IllegalArgumentException(what + " has characters the label fonts cannot print");
        }
        return text;
    }

    /** Below 6 point a label cannot be read reliably at arm's length. */
    private static final int SMALLEST = LabelSheet.points(6);

    /** The largest font size up to {@code size} at which {@code text} fits in {@code width} dots. */
    static int fitting(String what, String text, int width, int size) {
        int fitting = (int) Math.min(size, Math.floor(width / (WIDEST_EM * Math.max(1, text.length()))));
        if (fitting < SMALLEST) {
            throw new IllegalArgumentException(what + " is too long to print legibly on this label");
        }
        return fitting;
    }
}
