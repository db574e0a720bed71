package org.cartpath.patient;

/**
 * A signed consent form as received, before any check.
 *
 * @param fileName     the name the uploader gave (any path is dropped)
 * @param declaredType the media type the uploader declared, may be null
 */
public record SignedFormUpload(String fileName, String declaredType, byte[] content) {
}
