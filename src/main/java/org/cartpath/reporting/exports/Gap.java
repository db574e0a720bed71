package org.cartpath.reporting.exports;

/**
 * A required field missing for one patient in one form of an export, with the page where it is recorded.
 *
 * @param patient the patient as the reader may see them: the case reference for the centre, the pseudonym for the
 *                commissioner
 * @param form    the form or section of the specification (e.g. "SACT Drug details")
 * @param field   the field, in the specification's words (e.g. "31 Drug Name: fludarabine")
 * @param fixAt   the path of the page where it is fixed; null where the reader cannot fix it (the commissioner)
 */
public record Gap(String patient, String form, String field, String fixAt) {
}
