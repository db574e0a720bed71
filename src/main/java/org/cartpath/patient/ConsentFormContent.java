package org.cartpath.patient;

/** A signed consent form with its bytes, for download. */
public record ConsentFormContent(ConsentForm form, byte[] content) {
}
