package org.cartpath.patient.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartpath.shared.ProblemException;

/** Enum values arrive as strings, so that nonsense gets a 400 naming the field and the allowed values. */
final class Choices {

    private Choices() {
    }

    /** The constant named {@code value}, or null when blank (the rules then say whether it is required). */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not one of " + allowed(type));
        }
    }

    static <E extends Enum<E>> Set<E> parseAll(Class<E> type, List<String> values, String field) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (values != null) {
            for (String value : values) {
                E choice = parse(type, value, field);
                if (choice == null) {
                    throw ProblemException.invalid(field, "must not contain blank values");
                }
                parsed.add(choice);
            }
        }
        return parsed;
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
