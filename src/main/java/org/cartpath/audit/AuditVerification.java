package org.cartpath.audit;

import java.time.Instant;

/**
 * The result of recomputing the audit chain.
 *
 * @param intact         whether every row links to its predecessor and hashes to its stored hash
 * @param rowsChecked    rows read up to and including the first broken one (all rows when intact)
 * @param firstBrokenSeq the sequence number of the first row that does not verify, or null
 * @param problem        what is wrong with that row, or null
 * @param lastHash       the hash of the last row (the chain head), or null for an empty trail
 */
public record AuditVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String problem,
        String lastHash, Instant verifiedAt) {
}
