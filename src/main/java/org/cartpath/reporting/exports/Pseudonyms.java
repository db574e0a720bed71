package org.cartpath.reporting.exports;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A patient's pseudonym for one export purpose: HMAC-SHA256 of the patient's id under that purpose's secret key, the
 * first 16 bytes in hex, prefixed "P-" (ADR 0026). The same patient gets the same pseudonym in every run for that
 * purpose, and an unrelated one for any other purpose; without the key nobody can recompute it from the patient's id.
 */
final class Pseudonyms {

    private Pseudonyms() {
    }

    static String of(byte[] key, UUID patientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(patientId.toString().getBytes(StandardCharsets.UTF_8));
            return "P-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
