package org.cartpath.patient.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.shared.DateBoxes;
import org.cartpath.shared.ProblemException;

/**
 * What patient forms share: NHS-style date inputs (day, month and year boxes) and error messages that
 * name the field as the form labels it ("Weight must be more than 0 kg…").
 */
final class PageForms {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("nhsNumber", "NHS number"),
            Map.entry("localHospitalNumber", "Local hospital number"),
            Map.entry("givenName", "Given name"),
            Map.entry("familyName", "Family name"),
            Map.entry("dateOfBirth", "Date of birth"),
            Map.entry("sex", "Sex"),
            Map.entry("address.line1", "Address line 1"),
            Map.entry("address.line2", "Address line 2"),
            Map.entry("address.town", "Town or city"),
            Map.entry("address.postcode", "Postcode"),
            Map.entry("measuredOn", "Date measured"),
            Map.entry("weightKg", "Weight"),
            Map.entry("heightCm", "Height"),
            Map.entry("code", "Diagnosis"),
            Map.entry("description", "Description"),
            Map.entry("diagnosedOn", "Date of diagnosis"),
            Map.entry("reason", "Reason"),
            Map.entry("q", "Search"));

    private PageForms() {
    }

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    /** Adds a refusal's field errors, keeping any error a field already has (e.g. a date that is not a date). */
    static void addErrors(Map<String, String> errors, ProblemException e) {
        if (e.fieldProblems().isEmpty()) {
            errors.putIfAbsent("form", e.detail());
            return;
        }
        e.fieldProblems().forEach(p -> errors.putIfAbsent(p.field(), label(p.field()) + " " + p.message()));
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    /**
     * Reads the {@code name-day}, {@code name-month} and {@code name-year} boxes: null when all are empty
     * (the rules then say the date is required), and an error when they do not make a real date.
     */
    static LocalDate date(Map<String, String> fields, String name, Map<String, String> errors) {
        try {
            return DateBoxes.read(fields, name);
        } catch (DateTimeException e) {
            errors.put(name, label(name) + " must be a real date, for example 27 3 2024");
            return null;
        }
    }

    /** A number typed into a form; a non-number is an error for the field and null for the rules. */
    static java.math.BigDecimal decimal(Map<String, String> fields, String name, Map<String, String> errors) {
        String value = fields.getOrDefault(name, "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.put(name, label(name) + " must be a number, like 31.5");
            return null;
        }
    }

    /** An enum chosen from radios or a select; an unknown value is an error for the field. */
    static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> fields, String name,
            Map<String, String> errors) {
        try {
            return Choices.parse(type, fields.get(name), name);
        } catch (ProblemException e) {
            errors.put(name, "Choose a " + label(name).toLowerCase());
            return null;
        }
    }
}
