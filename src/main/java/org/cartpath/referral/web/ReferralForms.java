package org.cartpath.referral.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.referral.Upload;
import org.cartpath.shared.DateBoxes;
import org.cartpath.shared.ProblemException;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the referral pages share: field labels for the NHS error summary, dates typed in day, month and year
 * boxes, the files a form sent, and where a refusal that names no field belongs on the form.
 */
final class ReferralForms {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("patient", "Patient"),
            Map.entry("patient.nhsNumber", "NHS number"),
            Map.entry("patient.localHospitalNumber", "Local hospital number"),
            Map.entry("patient.givenName", "Given name"),
            Map.entry("patient.familyName", "Family name"),
            Map.entry("patient.dateOfBirth", "Date of birth"),
            Map.entry("patient.sex", "Sex"),
            Map.entry("patient.address.line1", "Address line 1"),
            Map.entry("patient.address.line2", "Address line 2"),
            Map.entry("patient.address.town", "Town or city"),
            Map.entry("patient.address.postcode", "Postcode"),
            Map.entry("diagnosisCode", "Diagnosis"),
            Map.entry("diagnosisDescription", "Description of the diagnosis"),
            Map.entry("diagnosedOn", "Date of diagnosis"),
            Map.entry("indication", "Indication"),
            Map.entry("productCode", "Proposed product"),
            Map.entry("jurisdiction", "Jurisdiction"),
            Map.entry("centreId", "Treatment centre"),
            Map.entry("urgency", "Urgency"),
            Map.entry("clinicalSummary", "Clinical summary"),
            Map.entry("files", "Files"),
            Map.entry("answer", "Your answer"),
            Map.entry("decision", "Decision"),
            Map.entry("reason", "Reason"),
            Map.entry("question", "Question"),
            Map.entry("file", "File"));

    /** Refusals without a field, and the field of the form they are about. */
    private static final Map<String, String> FIELD_OF_TYPE = Map.ofEntries(
            Map.entry("not-a-treatment-centre", "centreId"),
            Map.entry("not-in-catalogue", "productCode"),
            Map.entry("attachment-too-large", "files"),
            Map.entry("attachment-type-not-allowed", "files"),
            Map.entry("attachment-refused-by-scanner", "files"),
            Map.entry("too-many-attachments", "files"),
            Map.entry("case-already-open", "patient"),
            Map.entry("patient-details-mismatch", "patient.dateOfBirth"),
            Map.entry("duplicate-patient", "patient.nhsNumber"));

    private ReferralForms() {
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    static String label(String field) {
        String plain = field.replaceAll("\\[\\d+]$", "");
        return LABELS.getOrDefault(plain, plain);
    }

    /** Adds a refusal to the form's errors: by its fields, else by the field its type is about, else the form's. */
    static void addErrors(Map<String, String> errors, ProblemException e, String fileField) {
        if (e.fieldProblems().isEmpty()) {
            String field = FIELD_OF_TYPE.getOrDefault(e.type(), "form");
            errors.putIfAbsent(field.equals("files") ? fileField : field, e.detail());
            return;
        }
        e.fieldProblems().forEach(p -> {
            String field = p.field().startsWith("files[") ? fileField : p.field();
            String message = p.field().equals("patient") && e.type().equals("case-already-open") ? e.detail()
                    : label(p.field()) + " " + p.message();
            errors.putIfAbsent(field, message);
        });
    }

    /** Reads the {@code name-day}, {@code name-month} and {@code name-year} boxes; null when all are empty. */
    static LocalDate date(Map<String, String> fields, String name, Map<String, String> errors) {
        try {
            return DateBoxes.read(fields, name);
        } catch (DateTimeException e) {
            errors.put(name, label(name) + " must be a real date, for example 27 3 2024");
            return null;
        }
    }

    /** The files a form sent; a file input left empty sends a part without a name, which is no file. */
    static List<Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> f != null && !f.isEmpty()).map(f -> {
            try {
                return new Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    static String text(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** 403 and 404 are not the form's business: they are answered by the error pages. */
    static void rethrowUnlessFormError(ProblemException e) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
    }
}
