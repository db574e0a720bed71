package org.cartpath.reporting;

/**
 * One manufacturing attempt of a case in the cohort's filters, with the outcome the manufacturer last reported for it:
 * {@code RELEASED}, {@code OUT_OF_SPECIFICATION}, {@code FAILED} (with its reason), or null while it is in progress.
 */
record ManufacturingAttempt(String outcome, String failureReason) {
}
