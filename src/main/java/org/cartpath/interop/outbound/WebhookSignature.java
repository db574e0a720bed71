package org.cartpath.interop.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery came from cartpath and was not replayed from long ago (docs/interop/webhooks.md):
 * the header {@code Cartpath-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the secret>}. The time
 * is inside the signed text, so a receiver refuses a signature older than it tolerates.
 */
public final class WebhookSignature {

    public static final String HEADER = "Cartpath-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
