package org.cartpath.catalogue.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException.FieldProblem;

/** Reading catalogue codes from requests. */
final class Codes {

    private Codes() {
    }

    /** A product code from a path: an unknown one is a product that does not exist (404). */
    static ProductCode product(String code) {
        try {
            return ProductCode.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("product", code);
        }
    }

    /** A code from a request body; adds a problem naming the field when it is missing or unknown. */
    static <E extends Enum<E>> E field(String value, String field, Class<E> type, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of: " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }
}
