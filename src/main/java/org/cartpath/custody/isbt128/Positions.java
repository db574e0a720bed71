package org.cartpath.custody.isbt128;

import java.util.List;

/** Checks a run of positions of a scanned identifier against the characters its data structure allows. */
final class Positions {

    private Positions() {
    }

    /** Each character at indices {@code from} (inclusive) to {@code to} (exclusive) that exists must pass. */
    static void require(String text, int from, int to, CharPredicate allowed, String expected, List<String> problems) {
        for (int i = from; i < Math.min(to, text.length()); i++) {
            char c = text.charAt(i);
            if (!allowed.test(c)) {
                problems.add(Characters.notAllowed(c, i + 1, expected));
            }
        }
    }

    @FunctionalInterface
    interface CharPredicate {
        boolean test(char c);
    }
}
