package org.cartpath.audit;

import java.time.Instant;

/**
 * The result of recomputing the audit chain.
 *
 * @param intact          whether every sealed row links to its predecessor and hashes to its stored hash, and no
 *                        committed row has gone unsealed for longer than the bound or was left behind the chain's head
 * @param rowsChecked     sealed rows read up to and including the first broken one (all sealed rows when intact)
 * @param firstBrokenSeq  the sequence number of the first row that does not verify, or null
 * @param problem         what is wrong, or null
 * @param lastHash        the hash of the last row (the chain head), or null for an empty trail
 * @param awaitingSeal    rows written but not yet chained (transactions still open, or committed a moment ago)
 * @param overdueUnsealed rows committed but not chained for longer than the bound, or left behind the head where the
 *                        sealer will never chain them (an insertion the sealer did not make)
 * @param firstOverdueId  the id of the first such row, or null
 */
public record AuditVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String problem,
        String lastHash, Instant verifiedAt, long awaitingSeal, long overdueUnsealed, Long firstOverdueId) {
}
