package org.cartpath.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * Reading the fields of a JSON request body so that every refusal names its field (400): the required fields
 * that are missing, all at once; enums sent as text; whole numbers sent as JSON numbers, which Jackson would
 * otherwise truncate (2.5 → 2) without a word.
 */
public final class RequestFields {

    private final List<FieldProblem> problems = new ArrayList<>();

    private RequestFields() {
    }

    /** Starts checking which required fields are missing. */
    public static RequestFields required() {
        return new RequestFields();
    }

    public RequestFields field(String name, Object value) {
        if (value == null) {
            problems.add(new FieldProblem(name, "is required"));
        }
        return this;
    }

    /** Exactly one of two fields that say the same thing in different units, e.g. a result in mg/dL or µmol/L. */
    public RequestFields exactlyOne(String first, Object firstValue, String second, Object secondValue) {
        if ((firstValue == null) == (secondValue == null)) {
            String message = firstValue == null ? "is required: send " + first + " or " + second
                    : "send only one of " + first + " and " + second;
            problems.add(new FieldProblem(first, message));
            problems.add(new FieldProblem(second, message));
        }
        return this;
    }

    /** Refuses the request, naming every field at fault, if any is. */
    public void check() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    /** The enum constant spelt exactly {@code value}, or 400 listing the choices; {@code null} stays {@code null}. */
    public static <E extends Enum<E>> E choice(String value, Class<E> type, String field) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.trim())) {
                return constant;
            }
        }
        throw ProblemException.invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** Each value as an enum constant; a bad one is named by its index, e.g. {@code vasopressors[1]}. */
    public static <E extends Enum<E>> List<E> choices(List<String> values, Class<E> type, String field) {
        if (values == null) {
            return null;
        }
        List<E> constants = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String element = field + "[" + i + "]";
            if (values.get(i) == null) {
                throw ProblemException.invalid(element, "is required");
            }
            constants.add(choice(values.get(i), type, element));
        }
        return constants;
    }

    /** The number as an int if it is whole (2 or 2.0), else 400; {@code null} stays {@code null}. */
    public static Integer wholeNumber(BigDecimal value, String field) {
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw ProblemException.invalid(field, "is far too large");
        }
    }
}
