package org.cartpath.identity;

/**
 * The record a signature is applied to. {@code content} is everything the signature vouches for; it is
 * hashed in canonical JSON, so any later change to it makes the signature fail verification
 * (21 CFR 11.70: signatures are linked to their records).
 */
public record SignedRecord(String type, String id, Object content) {
}
