package org.cartpath.followup.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of a calculator's JSON body, field by field, so that every refusal names its field and nothing is
 * coerced: a boolean must be JSON {@code true}/{@code false} (not 1 or "yes"), a number a finite JSON number (not a
 * string), an enum the exact constant. A missing field and a JSON {@code null} are the same; unknown fields are
 * ignored. Bad values answer 400 ({@code invalid-request}); {@link #inconsistent} builds the 422 for well-formed input
 * that contradicts itself.
 */
final class JsonInput {

    /** The problem type of a 422 from the outcomes calculators. */
    static final String INCONSISTENT = "inconsistent-calculator-input";

    private final JsonNode object;
    private final String prefix;

    private JsonInput(JsonNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /** The request body; anything but a JSON object reads as an empty one, so the answer names the required fields. */
    static JsonInput body(JsonNode body) {
        return new JsonInput(body != null && body.isObject() ? body : null, "");
    }

    /** An object inside a request, its fields named {@code prefix + name}; anything but an object reads as empty. */
    static JsonInput nested(JsonNode object, String prefix) {
        return new JsonInput(object != null && object.isObject() ? object : null, prefix);
    }

    /** The value of {@code name}, or {@code null} when it is absent or JSON null. */
    JsonNode value(String name) {
        if (object == null) {
            return null;
        }
        JsonNode value = object.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** The text of {@code name}, or {@code null} when it is absent; anything but a JSON string: 400 naming it. */
    String text(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(path(name), "must be text");
        }
        return value.stringValue();
    }

    boolean has(String name) {
        return value(name) != null;
    }

    String path(String name) {
        return prefix + name;
    }

    /** Stops at the first missing field among {@code names}, naming every one that is missing. */
    void require(String... names) {
        List<FieldProblem> missing = new ArrayList<>();
        for (String name : names) {
            if (!has(name)) {
                missing.add(new FieldProblem(path(name), "is required"));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
    }

    JsonNode required(String name) {
        JsonNode value = value(name);
        if (value == null) {
            throw invalid(path(name), "is required");
        }
        return value;
    }

    boolean requiredBoolean(String name) {
        return bool(path(name), required(name));
    }

    Boolean optionalBoolean(String name) {
        JsonNode value = value(name);
        return value == null ? null : bool(path(name), value);
    }

    boolean booleanOrDefault(String name, boolean fallback) {
        Boolean value = optionalBoolean(name);
        return value == null ? fallback : value;
    }

    /** A finite number in [min, max] (either bound may be null). */
    BigDecimal requiredNumber(String name, BigDecimal min, BigDecimal max) {
        return number(path(name), required(name), min, max);
    }

    BigDecimal optionalNumber(String name, BigDecimal min, BigDecimal max) {
        JsonNode value = value(name);
        return value == null ? null : number(path(name), value, min, max);
    }

    /** A whole number (2 or 2.0) in [min, max]. */
    int requiredWholeNumber(String name, int min, int max) {
        return wholeNumber(path(name), required(name), min, max);
    }

    <E extends Enum<E>> E requiredChoice(String name, Class<E> type) {
        return choice(path(name), required(name), type);
    }

    <E extends Enum<E>> E choiceOrDefault(String name, Class<E> type, E fallback) {
        JsonNode value = value(name);
        return value == null ? fallback : choice(path(name), value, type);
    }

    static boolean bool(String field, JsonNode value) {
        if (!value.isBoolean()) {
            throw invalid(field, "must be true or false");
        }
        return value.booleanValue();
    }

    static BigDecimal number(String field, JsonNode value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            throw invalid(field, "is required");
        }
        if (!value.isNumber()) {
            throw invalid(field, "must be a number");
        }
        // through a double, so that no exponent can make decimal arithmetic slow: 1e999 is refused, 1e-999 is 0
        double asDouble = value.doubleValue();
        if (!Double.isFinite(asDouble)) {
            throw invalid(field, "must be a finite number");
        }
        BigDecimal number = value.isIntegralNumber() && value.canConvertToLong() ? BigDecimal.valueOf(value.longValue())
                : new BigDecimal(Double.toString(asDouble));
        if (min != null && number.compareTo(min) < 0) {
            throw invalid(field, "must be at least " + min.toPlainString());
        }
        if (max != null && number.compareTo(max) > 0) {
            throw invalid(field, "must be at most " + max.toPlainString());
        }
        return number;
    }

    static int wholeNumber(String field, JsonNode value, int min, int max) {
        BigDecimal number = number(field, value, null, null);
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw invalid(field, "must be a whole number");
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw invalid(field, "must be a whole number from " + min + " to " + max);
        }
        return number.intValueExact();
    }

    static <E extends Enum<E>> E choice(String field, JsonNode value, Class<E> type) {
        String choices = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value.isString()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.stringValue())) {
                    return constant;
                }
            }
        }
        throw invalid(field, "must be one of " + choices);
    }

    /** 400 naming {@code field}. */
    static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(field, message);
    }

    /** 422: well-formed input that contradicts itself or allows no answer, naming {@code field}. */
    static ProblemException inconsistent(String field, String message) {
        return new ProblemException(INCONSISTENT, 422, "The request breaks a rule", field + ": " + message,
                List.of(new FieldProblem(field, message)), Map.of());
    }
}
