package org.cartpath.interop.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signature a receiver checks (docs/interop/webhooks.md), against HMAC-SHA256 values computed independently
 * ({@code printf '%s' '<t>.<body>' | openssl dgst -sha256 -hmac '<secret>'}), and the addresses a subscription may name.
 */
class WebhookSignatureTest {

    @org.junit.jupiter.api.Test
    void theHeaderCarriesTheTimeAndTheHmacOfTimeDotBody() {
        // printf '%s' '1765100000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertThat(WebhookSignature.header("whsec_test", 1765100000L, "{\"a\":1}")).isEqualTo(
                "t=1765100000,v1=487b986a3fad11a332659b5e287935b6bd7f1377ddf163486b9287e96eced549");
    }

    @org.junit.jupiter.api.Test
    void theHmacMatchesRfc4231TestCase2() {
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @org.junit.jupiter.api.Test
    void anotherSecretOrAnotherTimeOrAnotherBodyGivesAnotherSignature() {
        String header = WebhookSignature.header("whsec_a", 100, "{\"a\":1}");
        assertThat(WebhookSignature.header("whsec_b", 100, "{\"a\":1}")).isNotEqualTo(header);
        assertThat(WebhookSignature.header("whsec_a", 101, "{\"a\":1}")).isNotEqualTo(header);
        assertThat(WebhookSignature.header("whsec_a", 100, "{\"a\":2}")).isNotEqualTo(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://integration.example.nhs.uk/cartpath", "https://10.0.0.5:8443/hook",
            "http://localhost:9000/hook", "http://127.0.0.1/hook", "http://[::1]:8080/x"})
    void theseAddressesAreAccepted(String url) {
        assertThat(WebhookSubscriptions.urlProblem(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://integration.example.nhs.uk/hook", "ftp://example.nhs.uk/x",
            "https://user:secret@example.nhs.uk/x", "https://example.nhs.uk/x#part", "not a url", "https:///nohost",
            "http://127.0.0.1.example.com/x", "javascript:alert(1)"})
    void theseAddressesAreRefused(String url) {
        assertThat(WebhookSubscriptions.urlProblem(url)).isNotNull();
    }
}
