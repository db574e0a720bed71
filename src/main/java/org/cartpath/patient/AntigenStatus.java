package org.cartpath.patient;

import java.time.LocalDate;

/** Whether the disease expresses the antigen a CAR-T product targets (CD19 or BCMA), as tested on a date. */
public record AntigenStatus(Antigen antigen, Result result, LocalDate testedOn, String method) implements ClinicalDetails {

    public enum Antigen { CD19, BCMA }

    public enum Result {
        POSITIVE("Positive"),
        NEGATIVE("Negative"),
        UNKNOWN("Unknown");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.ANTIGEN_STATUS;
    }

    @Override
    public LocalDate effectiveOn() {
        return testedOn;
    }
}
