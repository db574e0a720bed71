package org.cartpath.identity;

/**
 * A newly created API token with its secret. The secret is shown once and then only its SHA-256 digest
 * is kept.
 */
public record IssuedApiToken(ApiTokenSummary token, String secret) {
}
