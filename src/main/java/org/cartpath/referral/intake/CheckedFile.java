package org.cartpath.referral.intake;

/** A file that passed every check, ready to store: its cleaned name, the type its content shows, its digest. */
public record CheckedFile(String fileName, String contentType, byte[] content, String sha256) {
}
