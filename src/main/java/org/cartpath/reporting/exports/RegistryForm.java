package org.cartpath.reporting.exports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The layout of one registry form over a shared source (ADR 0036): the registry's id of the patient, the patient as
 * the reader may see them, the centre, then the form's questions ({@link FormField}) in the manual's order. One layout
 * gives the CSV header and rows, the JSON document of each form (one per patient and form, with the manual's question
 * numbers), the gaps (required answers missing) and the questions cartpath cannot answer (the manifest's
 * {@code unfillableFields}). Plain Java, no Spring.
 *
 * @param form            the form as people name it (e.g. "CIBMTR Form 4000")
 * @param registryIdField the column of the registry's id of the patient (e.g. {@code crid})
 * @param registryIdLabel the registry id in the registry's words (e.g. "CIBMTR Research ID (CRID)")
 * @param fields          the questions cartpath answers, in the manual's order
 * @param unfillable      the questions cartpath cannot answer, each with why
 */
record RegistryForm<S extends RegistryForm.Subject>(String form, String registryIdField, String registryIdLabel,
        List<FormField<S>> fields, Map<String, String> unfillable) {

    static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /** What every form's source says of whom it is about. */
    interface Subject {
        UUID caseId();

        String caseReference();

        String pseudonym();

        String centreOds();

        /** The registry's id of the patient (CRID, EBMT registration id), or null while none is recorded. */
        String registryId();

        /** The registry time point the form reports (e.g. {@code DAY_100}), or null for a form made once. */
        default String timepoint() {
            return null;
        }

        /** The page where a field is recorded: {@code fixAt} under the case's page. */
        default String page(String fixAt) {
            return "/cases/" + caseId() + fixAt;
        }

        /** The order of one patient's forms in the file (the time point's due date). */
        default String order() {
            return "";
        }
    }

    List<String> header() {
        List<String> header = new ArrayList<>(List.of(registryIdField, "patient", "centre_ods_code"));
        fields.forEach(f -> header.add(f.column()));
        return List.copyOf(header);
    }

    static String who(Subject s, boolean pseudonymised) {
        return pseudonymised ? s.pseudonym() : s.caseReference();
    }

    /** The registry id in the file: never in a pseudonymised extract (it links the row to the registry's patient). */
    static String registryId(Subject s, boolean pseudonymised) {
        return pseudonymised || s.registryId() == null ? "" : s.registryId();
    }

    List<String> row(S source, boolean pseudonymised) {
        List<String> row = new ArrayList<>();
        row.add(registryId(source, pseudonymised));
        row.add(who(source, pseudonymised));
        row.add(text(source.centreOds()));
        fields.forEach(f -> row.add(f.value(source, pseudonymised)));
        return row;
    }

    /** The forms in the file's order: by patient (case reference or pseudonym), then time point. */
    List<S> ordered(List<S> sources, boolean pseudonymised) {
        return sources.stream().sorted(Comparator.comparing((S s) -> who(s, pseudonymised))
                .thenComparing(Subject::order).thenComparing(s -> s.caseId().toString())).toList();
    }

    List<List<String>> rows(List<S> sources, boolean pseudonymised) {
        return ordered(sources, pseudonymised).stream().map(s -> row(s, pseudonymised)).toList();
    }

    private String formName(S source) {
        return source.timepoint() == null ? form : form + " " + source.timepoint();
    }

    /**
     * Every required answer missing for one form: the registry id (not asked of a pseudonymised extract, which leaves
     * it out), then each required question without an answer, with the page where it is recorded.
     */
    List<Gap> gaps(S source, boolean pseudonymised) {
        List<Gap> gaps = new ArrayList<>();
        String who = who(source, pseudonymised);
        if (!pseudonymised && blank(source.registryId())) {
            gaps.add(new Gap(who, formName(source), registryIdLabel + ": not recorded",
                    "/exports/registry/" + source.caseId()));
        }
        for (FormField<S> field : fields) {
            if (field.required().test(source) && !(field.identifying() && pseudonymised) && blank(field.answer().apply(source))) {
                gaps.add(new Gap(who, formName(source), field.question() + " " + field.label() + ": not recorded",
                        pseudonymised || field.fixAt() == null ? null : source.page(field.fixAt())));
            }
        }
        return gaps;
    }

    /**
     * The JSON document of one form of one patient: the form and its specification, the registry id, the patient and
     * centre, the time point, and every answer with its question number (null where the record holds none).
     */
    Map<String, Object> document(S source, boolean pseudonymised, ExportKind kind) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("form", form);
        document.put("specification", kind.specification());
        document.put("specificationVersion", kind.version());
        document.put(camel(registryIdField), blankToNull(registryId(source, pseudonymised)));
        document.put("patient", who(source, pseudonymised));
        document.put("centreOdsCode", source.centreOds());
        if (source.timepoint() != null) {
            document.put("timepoint", source.timepoint());
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (FormField<S> field : fields) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("question", field.question());
            answer.put("field", field.column());
            answer.put("label", field.label());
            answer.put("value", blankToNull(field.value(source, pseudonymised)));
            answers.add(answer);
        }
        document.put("answers", answers);
        return document;
    }

    List<Map<String, Object>> documents(List<S> sources, boolean pseudonymised, ExportKind kind) {
        return ordered(sources, pseudonymised).stream().map(s -> document(s, pseudonymised, kind)).toList();
    }

    /**
     * The JSON documents of a CSV layout that has no field list of its own (Form 4100): one per row, each column an
     * answer, its question number read from the column's {@code qN_} prefix (null where the column is no question).
     */
    static List<Map<String, Object>> documents(String form, ExportKind kind, List<String> header,
            List<List<String>> rows) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (List<String> row : rows) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("form", form);
            document.put("specification", kind.specification());
            document.put("specificationVersion", kind.version());
            List<Map<String, Object>> answers = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                String value = blankToNull(row.get(i));
                if (i < 3 && !column.startsWith("q")) {
                    document.put(camel(column), value);
                    continue;
                }
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("question", column.matches("q\\d+_.*") ? "Q" + column.substring(1, column.indexOf('_'))
                        : null);
                answer.put("field", column);
                answer.put("value", value);
                answers.add(answer);
            }
            document.put("answers", answers);
            documents.add(document);
        }
        return documents;
    }

    static String camel(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    static String text(String text) {
        return text == null ? "" : text;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text;
    }
}
