package org.cartpath.patient.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.cartpath.patient.SignedFormUpload;
import org.cartpath.shared.ProblemException.FieldProblem;

/**
 * What a signed consent form must be to be stored: not empty, not larger than the limit, and a PDF, PNG or JPEG
 * told by its first bytes, never by its name or declared type: PDF ({@code %PDF-}, ISO 32000-1 §7.5.2), PNG (the
 * 8-byte signature of RFC 2083 §3.1), JPEG (SOI marker {@code FF D8} followed by a marker {@code FF}, ITU T.81
 * B.1.1.3) — the same types a referral accepts. Plain Java.
 */
public final class SignedFormChecks {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    /** A form that passed the checks: its cleaned name, its detected type, its bytes and their digest. */
    public record CheckedForm(String fileName, String contentType, byte[] content, String sha256) {
    }

    private SignedFormChecks() {
    }

    /** The problem with the form, if any, reported against {@code field}. */
    public static Optional<FieldProblem> problemWith(SignedFormUpload form, long maxBytes, String field) {
        String name = cleanName(form.fileName());
        byte[] content = form.content();
        if (content == null || content.length == 0) {
            return Optional.of(new FieldProblem(field, "'" + name + "' is empty"));
        }
        if (content.length > maxBytes) {
            return Optional.of(new FieldProblem(field, "'" + name + "' is " + megabytes(content.length)
                    + "; the form may be at most " + megabytes(maxBytes)));
        }
        Optional<String> type = detect(content);
        if (type.isEmpty()) {
            return Optional.of(new FieldProblem(field, "'" + name + "' is not a PDF, PNG or JPEG file"));
        }
        if (!agrees(form.declaredType(), type.get())) {
            return Optional.of(new FieldProblem(field, "'" + name + "' was sent as " + form.declaredType()
                    + " but its content is " + type.get()));
        }
        return Optional.empty();
    }

    /** The form, checked; call {@link #problemWith} first. */
    public static CheckedForm checked(SignedFormUpload form) {
        byte[] content = form.content();
        return new CheckedForm(cleanName(form.fileName()), detect(content).orElseThrow(), content, sha256(content));
    }

    static Optional<String> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /** No declaration, or the generic type browsers send for unknown files, agrees with anything. */
    static boolean agrees(String declared, String detected) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String type = declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/octet-stream") || type.equals(detected)
                || (detected.equals(JPEG) && type.equals("image/jpg"))
                || (detected.equals(PDF) && type.equals("application/x-pdf"));
    }

    /** The last part of a path, without control characters or quotes, at most 200 characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "consent-form" : name;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content != null && content.length >= magic.length
                && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.UK, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
