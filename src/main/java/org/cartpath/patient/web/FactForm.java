package org.cartpath.patient.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.DateBoxes;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * One submitted clinical-fact form: reads its fields as the form labels them, and words every error in those
 * labels ("Score must be 0 to 5 on the ECOG scale"), never in field names or codes. A field that cannot be read
 * goes to the rules as missing, and keeps its own error.
 */
final class FactForm {

    /** The rules' messages speak the API's codes; people read the scale's name and "yes" or "no". */
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("cannot be true when the relapse number is 0", "must be no when the patient has never relapsed");
        WORDS.put("must be empty when the relapse number is 0", "must be empty when the patient has never relapsed");
        WORDS.put("must be LANSKY for", "must be Lansky for");
        WORDS.put("must be KARNOFSKY or ECOG for", "must be Karnofsky or ECOG for");
    }

    private final Map<String, String> fields;
    private final Map<String, String> labels;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FactForm(Map<String, String> fields, Map<String, String> labels) {
        this.fields = fields;
        this.labels = labels;
    }

    Map<String, String> fields() {
        return fields;
    }

    Map<String, String> errors() {
        return errors;
    }

    boolean unreadable() {
        return !errors.isEmpty();
    }

    String label(String field) {
        return labels.getOrDefault(field, PageForms.label(field));
    }

    LocalDate date(String name) {
        try {
            return DateBoxes.read(fields, name);
        } catch (DateTimeException e) {
            errors.put(name, label(name) + " must be a real date, for example 27 3 2024");
            return null;
        }
    }

    BigDecimal decimal(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.put(name, label(name) + " must be a number, like 61.5");
            return null;
        }
    }

    Integer whole(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.put(name, label(name) + " must be a whole number, like 2");
            return null;
        }
    }

    /** "yes" or "no" from radios; null when neither was chosen. */
    Boolean yesNo(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> {
                errors.put(name, label(name) + ": choose yes or no");
                yield null;
            }
        };
    }

    <E extends Enum<E>> E choice(Class<E> type, String name) {
        try {
            return Choices.parse(type, fields.get(name), name);
        } catch (ProblemException e) {
            errors.put(name, label(name) + ": choose one of the options");
            return null;
        }
    }

    <E extends Enum<E>> java.util.Set<E> choices(Class<E> type, List<String> values, String name) {
        try {
            return Choices.parseAll(type, values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList(),
                    name);
        } catch (ProblemException e) {
            errors.put(name, label(name) + ": choose from the options");
            return java.util.EnumSet.noneOf(type);
        }
    }

    String text(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The rules' problems, each under its field, keeping an error the field already has. */
    void add(List<FieldProblem> problems) {
        problems.forEach(p -> errors.putIfAbsent(p.field(), label(p.field()) + " " + words(p.message())));
    }

    void add(ProblemException e) {
        if (e.fieldProblems().isEmpty()) {
            errors.putIfAbsent("form", e.detail());
        } else {
            add(e.fieldProblems());
        }
    }

    void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    static String words(String message) {
        String text = message;
        for (Map.Entry<String, String> w : WORDS.entrySet()) {
            text = text.replace(w.getKey(), w.getValue());
        }
        return text;
    }
}
