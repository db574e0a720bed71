/**
 * Chain of identity and chain of custody: the ISBT 128 identifiers that keep one patient's cells apart from every
 * other patient's (the Chain of Identity identifier, {@link org.cartpath.custody.ChainOfIdentityId}, one per case,
 * and the Donation Identification Number of each collection, {@link org.cartpath.custody.Din}), the labels that
 * carry them, and the record of who held the cells, where, when and at what temperature (ADR 6 and ADR 16).
 *
 * <p>Its public API is this package: the identifiers as value records, {@link org.cartpath.custody.ChainOfIdentity}
 * (allocating a case's COI, idempotently) and {@link org.cartpath.custody.ChainOfCustody} (what later stages ask: has
 * the bedside check been made, is the case stopped by an identity mismatch), and {@link org.cartpath.custody.CustodySteps}
 * (a collection, the two-person checks and shipments driven on behalf of a person, through the services staff use;
 * the platform's demo journey uses it). It opens no named interface. Inside: the ISBT 128 rules
 * ({@code isbt128}), labels and their printing ({@code labels}), the append-only custody log per item and its rules
 * ({@code chain}), scans, hard stops and overrides ({@code scan}), two-person checks ({@code verification}),
 * shipments ({@code shipment}), data-logger readings, excursions and alerts ({@code telemetry}), the case's chain as
 * one view ({@code overview}), and REST and pages ({@code web}).
 *
 * <p>It is not the owner of patients (a wristband's identity is filled from, and checked against, the patient's
 * record), of manufacturing status or release, or of the case's stage, which it moves through the journey's API.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "catalogue", "patient", "journey", "scheduling"})
package org.cartpath.custody;
