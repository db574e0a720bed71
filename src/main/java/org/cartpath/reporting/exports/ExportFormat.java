package org.cartpath.reporting.exports;

import java.util.Optional;

/**
 * The file an export is written as (ADR 0036): CSV (RFC 4180, ADR 0026), or JSON for the registry forms — JSON Lines,
 * one JSON document per form and patient on each line, keys in the layout's order, so the same data give the same bytes.
 */
public enum ExportFormat {
    CSV("csv", "text/csv"), JSON("jsonl", "application/x-ndjson");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    /** The format named in a request; CSV when none is named. */
    static Optional<ExportFormat> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(CSV);
        }
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
