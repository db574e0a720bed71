package org.cartpath.audit;

import java.time.Instant;

/**
 * A signed statement that the chain's row {@code seq} has hash {@code hash}: Ed25519 over
 * {@link AuditChain#checkpointMessage}. Whoever holds the public key can check an exported trail up to here offline.
 *
 * @param keyId     SHA-256 (hex) of the public key's X.509 encoding
 * @param publicKey the public key, X.509 encoding in base64
 * @param signature the signature, base64
 */
public record AuditCheckpoint(long seq, String hash, Instant signedAt, String keyId, String publicKey,
        String signature) {
}
