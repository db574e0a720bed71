package org.cartpath.reporting.exports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One run of an export, as its history shows it (never the file itself).
 *
 * @param centreId      the one centre whose patients it holds, or null for every centre (the national extract)
 * @param progressDone  patients done of {@code progressTotal} while it runs
 * @param restartOf     the interrupted or failed run this one restarted, or null
 * @param format        CSV, or JSON (one document per form and patient) for the registry forms (ADR 0036)
 */
public record ExportRun(UUID id, ExportKind kind, ExportFormat format, YearMonth month, String purpose, UUID centreId,
        boolean pseudonymised, boolean withGaps, Status status, String requestedByName, Instant requestedAt,
        int progressDone, int progressTotal, Instant extractedAt, Instant completedAt, Integer rows, String sha256,
        String fileName, String failure, UUID restartOf) {

    public enum Status {
        RUNNING("Running"), COMPLETE("Complete"), INTERRUPTED("Interrupted"), FAILED("Failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whole per cent done, for the progress bar. */
    public int percent() {
        if (status == Status.COMPLETE) {
            return 100;
        }
        return progressTotal == 0 ? 0 : Math.min(100, progressDone * 100 / progressTotal);
    }

    /** Whether it may be started again: interrupted by an application stop, or failed. */
    public boolean restartable() {
        return status == Status.INTERRUPTED || status == Status.FAILED;
    }
}
