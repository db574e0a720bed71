package org.cartpath.monitoring.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * Reading the monitoring forms: text fields to numbers, dates and times (entered in the centre's time zone),
 * and refusals to the NHS error summary, with each API field mapped to the form control that holds it.
 */
final class MonitoringForms {

    /** The value of a datetime-local input. */
    static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("assessedAt", "Date and time of the assessment"),
            Map.entry("temperatureCelsius", "Temperature"),
            Map.entry("heartRatePerMinute", "Heart rate"),
            Map.entry("systolicMmHg", "Systolic blood pressure"),
            Map.entry("diastolicMmHg", "Diastolic blood pressure"),
            Map.entry("respiratoryRatePerMinute", "Respiratory rate"),
            Map.entry("oxygenSaturationPercent", "Oxygen saturation"),
            Map.entry("oxygenDevice", "Oxygen device"),
            Map.entry("oxygenFlowLitresPerMinute", "Oxygen flow"),
            Map.entry("vasopressors", "Vasopressors"),
            Map.entry("consciousness", "Level of consciousness"),
            Map.entry("seizure", "Seizures"),
            Map.entry("cerebralEdema", "Cerebral oedema"),
            Map.entry("unableToAssess", "Unable to assess"),
            Map.entry("iceOrientation", "ICE orientation"),
            Map.entry("iceNaming", "ICE naming"),
            Map.entry("iceFollowsCommands", "ICE following commands"),
            Map.entry("iceWriting", "ICE writing"),
            Map.entry("iceAttention", "ICE attention"),
            Map.entry("imaging", "Imaging"),
            Map.entry("notes", "Notes"),
            Map.entry("reason", "Reason"),
            Map.entry("infusedAt", "Date and time of the infusion"),
            Map.entry("ageYears", "Age"),
            Map.entry("weightKg", "Weight"),
            Map.entry("measuredOn", "Date measured"),
            Map.entry("givenAt", "Date and time given"),
            Map.entry("doseMg", "Dose"),
            Map.entry("overridePassword", "Your password"),
            Map.entry("overrideReason", "Reason for the override"),
            Map.entry("dosesOnSite", "Doses on site"),
            Map.entry("productCode", "Product"),
            Map.entry("indication", "Indication"),
            Map.entry("jurisdiction", "Jurisdiction"),
            Map.entry("labelVersionId", "Label version"));

    private MonitoringForms() {
    }

    static BigDecimal number(Map<String, String> form, String field, List<FieldProblem> problems) {
        String value = text(form, field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a number, for example 38.5"));
            return null;
        }
    }

    static Instant dateTime(Map<String, String> form, String field, ZoneId zone, List<FieldProblem> problems) {
        String value = text(form, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date and time, for example 2026-11-26T02:00"));
            return null;
        }
    }

    static LocalDate date(Map<String, String> form, String field, List<FieldProblem> problems) {
        String value = text(form, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date, for example 2026-11-26"));
            return null;
        }
    }

    static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Boolean checked(Map<String, String> form, String field) {
        return "true".equals(form.get(field));
    }

    static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    /** The error summary: each problem under the id of the control that holds the field, in words. */
    static Map<String, String> errors(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.fieldProblems().isEmpty()) {
            errors.put("form", e.detail());
            return errors;
        }
        for (FieldProblem problem : e.fieldProblems()) {
            String control = control(problem.field());
            String label = control.startsWith("capd") ? "CAPD question " + control.substring(4)
                    : LABELS.getOrDefault(control, control);
            errors.putIfAbsent(control, label + ": " + problem.message());
        }
        return errors;
    }

    private static String control(String field) {
        if (field.startsWith("capdAnswers")) {
            int open = field.indexOf('[');
            return open < 0 ? "capd1" : "capd" + (Integer.parseInt(field.substring(open + 1, field.indexOf(']'))) + 1);
        }
        if (field.equals("iceItems")) {
            return "iceOrientation";
        }
        if (field.startsWith("iceItems.")) {
            String item = field.substring("iceItems.".length());
            return "ice" + Character.toUpperCase(item.charAt(0)) + item.substring(1);
        }
        if (field.startsWith("vasopressors")) {
            return "vasopressors";
        }
        if (field.startsWith("override.")) {
            String part = field.substring("override.".length());
            return "override" + Character.toUpperCase(part.charAt(0)) + part.substring(1);
        }
        return field;
    }

    static List<String> values(List<String> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }
}
