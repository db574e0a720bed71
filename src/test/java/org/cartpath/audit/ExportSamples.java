package org.cartpath.audit;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.cartpath.shared.CanonicalJson;
import tools.jackson.databind.json.JsonMapper;

/** Small exports of the audit trail, written by the export's own writer, for tests of the offline verifier. */
public final class ExportSamples {

    private ExportSamples() {
    }

    public static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An export of {@code rows} chained rows with a checkpoint of the last row signed by {@code key}. */
    public static String export(KeyPair key, int rows) {
        CanonicalJson json = new CanonicalJson(JsonMapper.builder().build());
        StringWriter out = new StringWriter();
        AuditExportWriter writer = new AuditExportWriter(out, json);
        String publicKey = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        String keyId = AuditSigningKey.keyId(key.getPublic());
        String previous = AuditChain.GENESIS;
        String[] canonical = new String[rows];
        String[] hashes = new String[rows];
        for (int i = 0; i < rows; i++) {
            long seq = i + 1;
            AuditEvent event = new AuditEvent(100 + i, seq, Instant.parse("2026-12-07T10:15:30.123456Z").plusSeconds(i),
                    "user:" + i, "PERSON", "Sam Okafor", UUID.fromString("00000000-0000-0000-0000-00000000000" + (i % 9)),
                    "DOSE_RECORDED", "Infusion", "case-" + i, null, json.write(Map.of("doseMg", 100 + i)), "checked",
                    "req-" + i, previous, null);
            canonical[i] = AuditTrail.canonicalRow(event, json);
            hashes[i] = AuditChain.link(previous, canonical[i]);
            previous = hashes[i];
        }
        writer.header(Instant.parse("2026-12-07T11:00:00Z"), Map.of(keyId, publicKey));
        if (rows > 0) {
            Instant signedAt = Instant.parse("2026-12-07T10:59:00.000001Z");
            writer.checkpoint(new AuditCheckpoint(rows, hashes[rows - 1], signedAt, keyId, publicKey,
                    sign(key, AuditChain.checkpointMessage(rows, hashes[rows - 1], signedAt))));
        }
        previous = AuditChain.GENESIS;
        for (int i = 0; i < rows; i++) {
            writer.row(i + 1, previous, hashes[i], canonical[i]);
            previous = hashes[i];
        }
        writer.end();
        return out.toString();
    }

    public static String publicKeyPem(KeyPair key) {
        return AuditSigningKey.pem("PUBLIC KEY", key.getPublic().getEncoded());
    }

    private static String sign(KeyPair key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key.getPrivate());
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
