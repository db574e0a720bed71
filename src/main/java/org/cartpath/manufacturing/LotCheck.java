package org.cartpath.manufacturing;

/**
 * One check of a lot against the label, as it was shown.
 *
 * @param outcome PASSED, FAILED, or UNKNOWN when the data to decide is missing (no weight on record, no
 *                bound in the catalogue)
 * @param detail  the values compared, in words
 * @param source  where the bound comes from (label version and section)
 */
public record LotCheck(String name, Outcome outcome, String detail, String source) {

    public enum Outcome {
        PASSED("Passed"),
        FAILED("Failed"),
        UNKNOWN("Not decided");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
