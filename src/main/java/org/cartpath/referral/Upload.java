package org.cartpath.referral;

/**
 * A file as received, before any check.
 *
 * @param fileName     the name the uploader gave (any path is dropped)
 * @param declaredType the media type the uploader declared, may be null
 */
public record Upload(String fileName, String declaredType, byte[] content) {
}
