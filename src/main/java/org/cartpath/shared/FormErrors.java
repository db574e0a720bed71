package org.cartpath.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The errors of a refused form, keyed by field, for the NHS error summary and the inline messages
 * (templates/fragments/forms.html). A refusal that names no field is keyed {@code form}.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.fieldProblems().isEmpty()) {
            errors.put("form", e.detail());
        } else {
            e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), capitalise(label(p.field())) + " " + p.message()));
        }
        return errors;
    }

    private static String label(String field) {
        return field.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
