package org.cartpath.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The errors of a refused form, keyed by field, for the NHS error summary and the inline messages
 * (templates/fragments/forms.html). A refusal that names no field is keyed {@code form}. A message that is a sentence
 * of its own ("Choose a manufacturing slot") is shown as it is; a message that continues its field ("is required") is
 * shown after the field's label: the form's own label when the page gives one, else the field's name in words
 * ({@code legs[0].expectedArrival} is "Leg 1: expected arrival", {@code slotId} "Slot").
 */
public final class FormErrors {

    private static final Pattern LIST_ITEM = Pattern.compile("^([A-Za-z]+)\\[(\\d+)]\\.(.+)$");

    private FormErrors() {
    }

    public static Map<String, String> of(ProblemException e) {
        return of(e, Map.of());
    }

    /** The errors, with the labels the form shows for its fields ({@code field -> label}). */
    public static Map<String, String> of(ProblemException e, Map<String, String> labels) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.fieldProblems().isEmpty()) {
            errors.put("form", e.detail());
        } else {
            e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), message(p.field(), p.message(), labels)));
        }
        return errors;
    }

    static String message(String field, String message, Map<String, String> labels) {
        if (message != null && !message.isEmpty() && Character.isUpperCase(message.charAt(0))) {
            return message;
        }
        String label = labels.getOrDefault(field, label(field));
        return capitalise(label) + " " + (message == null ? "is not valid" : message);
    }

    static String label(String field) {
        Matcher item = LIST_ITEM.matcher(field);
        if (item.matches()) {
            String list = words(item.group(1));
            String one = list.endsWith("s") ? list.substring(0, list.length() - 1) : list;
            return one + " " + (Integer.parseInt(item.group(2)) + 1) + ": " + label(item.group(3));
        }
        return words(field);
    }

    private static String words(String field) {
        String words = field.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT).replace('.', ' ').trim();
        return words.endsWith(" id") ? words.substring(0, words.length() - 3) : words;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
