package org.cartpath.patient;

import java.time.LocalDate;

/** A consent given or withdrawn on a date; the latest decision of each type stands. */
public record Consent(Type type, Decision decision, LocalDate decidedOn, String note) implements ClinicalDetails {

    public enum Type {
        TREATMENT("CAR-T treatment"),
        APHERESIS("Apheresis (cell collection)"),
        REGISTRY("Registry reporting (e.g. EBMT, CIBMTR)"),
        LONG_TERM_FOLLOW_UP("Long-term follow-up"),
        RESEARCH("Research");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Decision {
        GIVEN("Given"),
        WITHDRAWN("Withdrawn");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.CONSENT;
    }

    @Override
    public LocalDate effectiveOn() {
        return decidedOn;
    }
}
