/**
 * Outcome and service measures for the analysts: the home panel's service figures (ADR 0021) and the outcomes pages
 * and API — CRS and ICANS by highest grade and registry window, time to onset, tocilizumab; referral to infusion and
 * vein-to-vein time; manufacturing outcomes; overall survival from infusion and from approval, event-free survival,
 * duration of response, relapse and non-relapse mortality; best overall response; the commissioner's funnel plot of
 * centres and a manufacturer's own manufacturing figures (docs/clinical/outcome-measures.md, ADR 0021, ADR 0032) —
 * counted for the analyst's scope ({@link org.cartpath.shared.DataVisibility#figuresScope}), with small numbers
 * suppressed for anyone outside the treating centre. It only reads, and it shows figures, never a case reference or a
 * patient.
 *
 * <p>It reads the other modules' tables directly, read-only, as a reporting read model does (and as a streaming
 * replica for reporting would): a figure over every stage needs one query, not one call per
 * module per case. It never writes them, and no module depends on it. Its code dependencies: {@code journey} (the
 * names of the stages), {@code catalogue} (names of products and indications) and {@code followup} (the response
 * frameworks, and the Kaplan–Meier estimator of its {@code outcomes} interface).
 *
 * <p>Registry and commissioning exports ({@code reporting.exports}, ADR 0026) are the one place it writes, to its own
 * tables only: each run of an export (the NHS England SACT rows of a month, the CDF outcomes extract for NICE) with its
 * file, manifest and audit row, and the pseudonym keys; the CIBMTR and EBMT cellular therapy forms, and the registries'
 * ids of patients and the submission status of each form (ADR 0036). Scope:
 * {@link org.cartpath.shared.DataVisibility#exportScope}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "journey", "catalogue", "followup",
        "followup :: outcomes", "audit"})
package org.cartpath.reporting;
