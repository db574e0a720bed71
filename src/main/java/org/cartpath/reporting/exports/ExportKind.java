package org.cartpath.reporting.exports;

import java.util.Optional;

/**
 * The exports cartpath produces, each from its published specification (docs/reporting/sact-export.md,
 * docs/reporting/cdf-outcomes-extract.md, docs/reporting/cibmtr-4100.md, docs/reporting/cibmtr-forms.md,
 * docs/reporting/ebmt.md, ADR 0026, ADR 0036).
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
            "CIBMTR Form 4100: follow-up forms due in the month"),
    CIBMTR_4000("CIBMTR Pre-Cellular Therapy Essential Data (Pre-CTED, Form 4000)",
            "CIBMTR Form 4000 as described by the CIBMTR Forms Instruction Manual (sections Q1-25 to Q99-102 and the"
                    + " later sections); cartpath layout 1.0 (docs/reporting/cibmtr-forms.md)",
            "https://www.cibmtr.org/manuals/fim/1/en/topic/4000",
            "CIBMTR Form 4000: pre-infusion data of the patients infused in the month"),
    CIBMTR_4003("CIBMTR Cellular Therapy Product (Form 4003)",
            "CIBMTR Form 4003 as described by the CIBMTR Forms Instruction Manual (sections Q1 to Q56); cartpath layout"
                    + " 1.0 (docs/reporting/cibmtr-forms.md)",
            "https://www.cibmtr.org/manuals/fim/1/en/topic/4003",
            "CIBMTR Form 4003: products infused in the month"),
    CIBMTR_4006("CIBMTR Cellular Therapy Infusion (Form 4006)",
            "CIBMTR Form 4006 as described by the CIBMTR Forms Instruction Manual (sections Q1-31 and Q32-35);"
                    + " cartpath layout 1.0 (docs/reporting/cibmtr-forms.md)",
            "https://www.cibmtr.org/manuals/fim/1/en/topic/4006",
            "CIBMTR Form 4006: infusions in the month"),
    EBMT_MED_A("EBMT Registry Cellular Therapy MED-A registration form",
            "EBMT Cellular Therapy MED-A form (EBMT Registry data collection, https://www.ebmt.org/registry/"
                    + "data-collection); cartpath layout 1.0 (docs/reporting/ebmt.md)",
            "https://www.ebmt.org/registry/data-collection",
            "EBMT MED-A: cellular therapy registrations of the patients infused in the month"),
    EBMT_FOLLOW_UP("EBMT Registry Cellular Therapy MED-A Day 100, 6-month and annual follow-up forms",
            "EBMT Cellular Therapy MED-A Day 100 / 6M / Annual Follow Up forms; CRS and ICANS by the ASTCT 2019"
                    + " consensus (Lee et al., BBMT 2019;25:625-638); cartpath layout 1.0 (docs/reporting/ebmt.md)",
            "https://ebmt.org/ebmt/news/how-do-i-report-patients-treated-car-t-cells-ebmt-registry-part-2",
            "EBMT follow-up: day 100, 6-month and annual forms due in the month");

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

    /** The registry whose form it is, or null for the commissioning exports. */
    public Registry registry() {
        return name().startsWith("CIBMTR") ? Registry.CIBMTR : name().startsWith("EBMT") ? Registry.EBMT : null;
    }

    /** Whether the export is also offered as JSON (one document per form and patient): the registry forms. */
    public boolean offersJson() {
        return registry() != null;
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
