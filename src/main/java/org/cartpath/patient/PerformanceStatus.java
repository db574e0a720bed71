package org.cartpath.patient;

import java.time.LocalDate;

/**
 * Performance status on one scale: Lansky play-performance for children under 16, Karnofsky or ECOG
 * otherwise (see {@code rules.ClinicalEntryRules} for the ranges and their sources).
 */
public record PerformanceStatus(Scale scale, Integer score, LocalDate assessedOn) implements ClinicalDetails {

    public enum Scale {
        LANSKY("Lansky"),
        KARNOFSKY("Karnofsky"),
        ECOG("ECOG");

        private final String label;

        Scale(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PERFORMANCE_STATUS;
    }

    @Override
    public LocalDate effectiveOn() {
        return assessedOn;
    }
}
