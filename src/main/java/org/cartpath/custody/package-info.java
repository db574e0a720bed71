/**
 * Chain of identity and chain of custody: the ISBT 128 identifiers that keep one patient's cells apart
 * from every other patient's (the Chain of Identity identifier, {@link org.cartpath.custody.ChainOfIdentityId},
 * and the Donation Identification Number of each collection, {@link org.cartpath.custody.Din}), their
 * keyboard check characters, and the labels that carry them on collection bags, shippers and wristbands.
 *
 * <p>Its public API is this package: the identifiers as value records that other modules store and
 * compare. The rules of ICCBBA ST-001/ST-028 and ISO/IEC 7064 live in {@code isbt128}, plain Java; label
 * rendering in {@code labels}; REST in {@code web}.
 *
 * <p>It is not the allocator of identifiers against the database (no uniqueness here yet), not the owner
 * of patients (a label is given the patient's identifiers, it never looks them up) and not a place for
 * manufacturing status; custody events, verifications and shipments will join it later.
 */
package org.cartpath.custody;
