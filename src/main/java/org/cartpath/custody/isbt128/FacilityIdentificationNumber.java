package org.cartpath.custody.isbt128;

import java.util.ArrayList;
import java.util.List;

/**
 * The ISBT 128 Facility Identification Number (FIN): five characters, the first A-N, P-Z or 1-9 (never
 * O or 0, which a reader could take for each other), the rest A-Z or 0-9 (ICCBBA ST-001; docs/clinical/isbt128.md).
 * Each deploying facility registers its own with ICCBBA, so a FIN is a setting, never a constant.
 */
public final class FacilityIdentificationNumber {

    public static final int LENGTH = 5;
    static final String FIRST_CHARACTER = "A-N, P-Z or 1-9";

    private FacilityIdentificationNumber() {
    }

    /** Why {@code fin} on its own is not a FIN; positions count from 1 within the FIN. */
    public static List<String> problemsIn(String fin) {
        if (fin == null || fin.isEmpty()) {
            return List.of("FIN is empty");
        }
        List<String> problems = new ArrayList<>();
        if (fin.length() != LENGTH) {
            problems.add("wrong FIN length: expected " + LENGTH + " characters, got " + fin.length());
        }
        checkAt(fin, 0, problems);
        return problems;
    }

    /** Checks the FIN that starts at {@code index} of {@code text}, naming positions in the whole text. */
    static void checkAt(String text, int index, List<String> problems) {
        if (index < text.length()) {
            char first = text.charAt(index);
            if (!Characters.isUpperAlphanumeric(first)) {
                problems.add(Characters.notAllowed(first, index + 1, FIRST_CHARACTER));
            } else if (first == 'O' || first == '0') {
                problems.add("invalid FIN first character " + Characters.describe(first) + " at position "
                        + (index + 1) + ": expected " + FIRST_CHARACTER);
            }
        }
        Positions.require(text, index + 1, index + LENGTH, Characters::isUpperAlphanumeric, Characters.ALPHANUMERIC,
                problems);
    }
}
