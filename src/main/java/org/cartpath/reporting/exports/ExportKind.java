package org.cartpath.reporting.exports;

import java.util.Optional;

/**
 * The exports cartpath produces, each from its published specification (docs/reporting/sact-export.md,
 * docs/reporting/cdf-outcomes-extract.md, docs/reporting/cibmtr-4100.md, ADR 0026).
 */
public enum ExportKind {
    SACT("NHS England Systemic Anti-Cancer Therapy (SACT) data set",
            "SACT v4.0 (user guide v4.0.1, Information Standard DAPB1533 Amd 20/2025)",
            "https://digital.nhs.uk/ndrs/data/data-sets/sact/sact-data-set-v4-documentation/sact-user-guide-v4",
            "SACT: CAR-T and lymphodepletion administrations"),
    CDF_OUTCOMES("Cancer Drugs Fund outcomes extract for NICE (cartpath layout)",
            "cartpath CDF outcomes extract 1.0 (docs/reporting/cdf-outcomes-extract.md)",
            "docs/reporting/cdf-outcomes-extract.md",
            "CDF outcomes for NICE (pseudonymised)"),
    CIBMTR_4100("CIBMTR Cellular Therapy Essential Data Follow-Up (Post-CTED, Form 4100)",
            "CIBMTR Form 4100 as described by the CIBMTR Forms Instruction Manual (sections Q1–Q186; critical fields of"
                    + " Appendix O); cartpath layout 1.0 (docs/reporting/cibmtr-4100.md)",
            "https://www.cibmtr.org/manuals/fim/1/en/topic/4100",
            "CIBMTR Form 4100: follow-up forms due in the month");

    private final String specification;
    private final String version;
    private final String source;
    private final String label;

    ExportKind(String specification, String version, String source, String label) {
        this.specification = specification;
        this.version = version;
        this.source = source;
        this.label = label;
    }

    public String specification() {
        return specification;
    }

    public String version() {
        return version;
    }

    public String source() {
        return source;
    }

    /** The name people see. */
    public String label() {
        return label;
    }

    /** The kind named in a request, as its API name ({@code SACT}) or path name ({@code sact}, {@code cdf-outcomes}). */
    public static Optional<ExportKind> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalised = name.trim().toUpperCase().replace('-', '_');
        for (ExportKind kind : values()) {
            if (kind.name().equals(normalised)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
