package org.cartpath.patient.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.cartpath.patient.SignedFormUpload;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a signed consent form must be: not empty, not too large, a PDF, PNG or JPEG by its content. */
class SignedFormChecksTest {

    static final long LIMIT = 100;
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

    static Stream<Arguments> forms() {
        byte[] large = new byte[101];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        return Stream.of(
                arguments(new SignedFormUpload("consent.pdf", "application/pdf", PDF), null),
                arguments(new SignedFormUpload("consent.png", "image/png", PNG), null),
                arguments(new SignedFormUpload("photo.jpg", "image/jpg", JPEG), null),
                arguments(new SignedFormUpload("scan", "application/octet-stream", PDF), null),
                arguments(new SignedFormUpload("scan.pdf", null, PDF), null),
                arguments(new SignedFormUpload("empty.pdf", "application/pdf", new byte[0]), "'empty.pdf' is empty"),
                arguments(new SignedFormUpload("big.pdf", "application/pdf", large),
                        "'big.pdf' is 0.0 MB; the form may be at most 0.0 MB"),
                arguments(new SignedFormUpload("consent.docx", "application/msword", "PK\u0003\u0004".getBytes(
                        StandardCharsets.ISO_8859_1)), "'consent.docx' is not a PDF, PNG or JPEG file"),
                arguments(new SignedFormUpload("consent.pdf", "application/pdf", PNG),
                        "'consent.pdf' was sent as application/pdf but its content is image/png"),
                arguments(new SignedFormUpload("C:\\scans\\form.html", "text/html", PDF),
                        "'form.html' was sent as text/html but its content is application/pdf"));
    }

    @ParameterizedTest
    @MethodSource("forms")
    void acceptsOnlyAPdfPngOrJpegWithinTheLimit(SignedFormUpload form, String problem) {
        assertThat(SignedFormChecks.problemWith(form, LIMIT, "signedForm").map(FieldProblem::message).orElse(null))
                .isEqualTo(problem);
    }

    @Test
    void aCheckedFormKeepsOnlyItsFileNameTheTypeItsContentTellsAndItsDigest() {
        SignedFormChecks.CheckedForm checked = SignedFormChecks.checked(
                new SignedFormUpload("C:\\scans\\consent \"signed\".pdf", "application/octet-stream", PDF));
        assertThat(checked.fileName()).isEqualTo("consent signed.pdf");
        assertThat(checked.contentType()).isEqualTo(SignedFormChecks.PDF);
        assertThat(checked.sha256()).hasSize(64).matches("[0-9a-f]+");
    }
}
