package org.cartpath.referral;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.cartpath.patient.PatientTestData;

/** Referral request bodies and files made byte by byte, with safe defaults. */
public final class ReferralTestData {

    private ReferralTestData() {
    }

    /** A referral of a 9-year-old with relapsed B-ALL for Kymriah (UK). */
    public static Map<String, Object> referral(String nhsNumber, String familyName, String centreId) {
        Map<String, Object> body = new HashMap<>();
        body.put("patient", PatientTestData.registration(nhsNumber, familyName));
        body.put("diagnosisCode", "B_ALL");
        body.put("diagnosedOn", "2023-05-04");
        body.put("centreId", centreId);
        body.put("productCode", "KYMRIAH");
        body.put("indication", "B_ALL");
        body.put("urgency", "URGENT");
        body.put("clinicalSummary", "Second relapse of B-ALL after two lines of chemotherapy; CD19 positive.");
        return body;
    }

    /** A minimal PDF: the header that tells its type, a body, the end marker. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The PNG signature and an IHDR chunk start: enough for a file told by its content. */
    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
                0, 0, 0, 1, 8, 2, 0, 0, 0};
    }

    public static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
                (byte) 0xFF, (byte) 0xD9};
    }

    /** A PDF of exactly {@code size} bytes. */
    public static byte[] pdfOfSize(int size) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) ' ');
        byte[] head = pdf("padding");
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** A multipart/form-data body with text fields and files ({@code name -> [fileName, contentType, bytes]}). */
    public static byte[] multipart(String boundary, Map<String, String> fields, Map<String, Object[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        files.forEach((name, file) -> {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name.replaceAll("#.*", "")
                    + "\"; filename=\"" + file[0] + "\"\r\nContent-Type: " + file[1] + "\r\n\r\n");
            out.writeBytes((byte[]) file[2]);
            write(out, "\r\n");
        });
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
