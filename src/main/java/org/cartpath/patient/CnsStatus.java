package org.cartpath.patient;

import java.time.LocalDate;

/**
 * Central nervous system involvement, in the CNS1/2/3 classification used for ALL: CNS1 no blasts in the
 * cerebrospinal fluid, CNS2 fewer than 5 white cells per µL with blasts, CNS3 5 or more with blasts, or
 * clinical signs of CNS disease.
 */
public record CnsStatus(Category status, LocalDate assessedOn) implements ClinicalDetails {

    public enum Category {
        CNS1("CNS1: no blasts in the cerebrospinal fluid"),
        CNS2("CNS2: fewer than 5 white cells per µL, with blasts"),
        CNS3("CNS3: 5 or more white cells per µL with blasts, or clinical signs of CNS disease");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.CNS_STATUS;
    }

    @Override
    public LocalDate effectiveOn() {
        return assessedOn;
    }
}
