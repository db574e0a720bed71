/**
 * Service figures for the analysts: cases by stage, referrals, time from referral to infusion, severe CRS, open
 * identity hard stops, counted by SQL over the modules' tables for the analyst's scope
 * ({@link org.cartpath.shared.DataVisibility#figuresScope}). It only reads, and it shows figures, never a case
 * reference or a patient.
 *
 * <p>It reads the other modules' tables directly, read-only, as a reporting read model does (and as a streaming
 * replica for reporting would): a figure over every stage needs one query, not one call per
 * module per case. It never writes them, and no module depends on it. Its only code dependencies are {@code shared}
 * and {@code journey} (the names of the stages).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "journey"})
package org.cartpath.reporting;
