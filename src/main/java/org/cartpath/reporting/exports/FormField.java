package org.cartpath.reporting.exports;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One question of a registry form as cartpath answers it: the question number in the form's instruction manual, the
 * column of the CSV file (and the field of the JSON document), the manual's words, and how the answer is read from the
 * form's source. A required question without an answer is a {@link Gap}, with the page where it is recorded.
 *
 * @param question the manual's question number or range (e.g. {@code Q6}, {@code Q92-98})
 * @param column   the CSV column and JSON field name (snake case, stable: the file's layout)
 * @param label    the question in the manual's words
 * @param required for which sources a missing answer is a gap (refuses the export unless it is exported with its gaps)
 * @param answer   the answer, or null when the record does not hold it
 * @param fixAt    the page under the case where it is recorded (e.g. {@code /infusion}), for the gap's link
 * @param identifying whether the answer identifies the patient (a date of birth): left empty, and never a gap, in a
 *                 pseudonymised extract
 */
record FormField<S>(String question, String column, String label, Predicate<S> required, Function<S, String> answer,
        String fixAt, boolean identifying) {

    static <S> FormField<S> required(String question, String column, String label, String fixAt,
            Function<S, String> answer) {
        return new FormField<>(question, column, label, s -> true, answer, fixAt, false);
    }

    /** Required only where {@code when} holds (a cause of death, when the patient died in the period). */
    static <S> FormField<S> requiredWhen(Predicate<S> when, String question, String column, String label, String fixAt,
            Function<S, String> answer) {
        return new FormField<>(question, column, label, when, answer, fixAt, false);
    }

    static <S> FormField<S> optional(String question, String column, String label, Function<S, String> answer) {
        return new FormField<>(question, column, label, s -> false, answer, null, false);
    }

    /** A required answer that identifies the patient: empty in a pseudonymised extract. */
    static <S> FormField<S> identifying(String question, String column, String label, String fixAt,
            Function<S, String> answer) {
        return new FormField<>(question, column, label, s -> true, answer, fixAt, true);
    }

    /** The answer as the file holds it: empty when the record holds none or the extract is pseudonymised. */
    String value(S source, boolean pseudonymised) {
        if (identifying && pseudonymised) {
            return "";
        }
        String value = answer.apply(source);
        return value == null ? "" : value;
    }
}
