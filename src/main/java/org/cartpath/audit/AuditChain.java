package org.cartpath.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.cartpath.shared.Hashing;

/**
 * The arithmetic of the chain and of its signed checkpoints, in plain Java so that the offline verifier
 * ({@link OfflineAuditVerifier}) computes exactly what the sealer computed, with no database and no Spring.
 */
public final class AuditChain {

    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /** What a checkpoint's signature covers, before its fields. */
    static final String CHECKPOINT_PREFIX = "cartpath-audit-checkpoint:1";

    private AuditChain() {
    }

    /** The hash of a row: SHA-256 (lower-case hex) over the previous hash, a newline and the row's canonical JSON. */
    public static String link(String previousHash, String canonicalRow) {
        return Hashing.sha256Hex(previousHash + "\n" + canonicalRow);
    }

    /** The bytes an Ed25519 checkpoint signs: the format line, the head's seq, its hash and the signing time. */
    public static byte[] checkpointMessage(long seq, String hash, Instant signedAt) {
        return (CHECKPOINT_PREFIX + "\n" + seq + "\n" + hash + "\n" + signedAt).getBytes(StandardCharsets.UTF_8);
    }
}
