package org.cartpath.referral.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.cartpath.referral.ReferralTestData;
import org.cartpath.referral.Upload;
import org.cartpath.referral.VirusScanner;
import org.cartpath.shared.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The checks every file passes: type by content, declared type, size, count, the virus scanner, the name kept. */
class AttachmentChecksTest {

    private static final int LIMIT = 1000;

    private final AttachmentChecks checks = new AttachmentChecks(LIMIT, 3, List.of());

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("PDF", ReferralTestData.pdf("x"), "application/pdf", "application/pdf"),
                Arguments.of("PDF sent as x-pdf", ReferralTestData.pdf("x"), "application/x-pdf", "application/pdf"),
                Arguments.of("PNG", ReferralTestData.png(), "image/png", "image/png"),
                Arguments.of("JPEG", ReferralTestData.jpeg(), "image/jpeg", "image/jpeg"),
                Arguments.of("JPEG sent as image/jpg", ReferralTestData.jpeg(), "image/jpg", "image/jpeg"),
                Arguments.of("type not declared", ReferralTestData.png(), null, "image/png"),
                Arguments.of("browser's generic type", ReferralTestData.jpeg(), "application/octet-stream", "image/jpeg"),
                Arguments.of("type with a parameter", ReferralTestData.pdf("x"), "application/pdf; name=x.pdf",
                        "application/pdf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void acceptsPdfPngAndJpegByTheirContent(String what, byte[] content, String declared, String stored) {
        CheckedFile file = checks.check(new Upload("letter", declared, content), "file");
        assertThat(file.contentType()).isEqualTo(stored);
        assertThat(file.sha256()).hasSize(64);
    }

    static Stream<Arguments> refused() {
        byte[] almostPng = ReferralTestData.png();
        almostPng[7] = 0;
        return Stream.of(
                Arguments.of("text", "hello".getBytes(StandardCharsets.UTF_8), "application/pdf", "attachment-type-not-allowed"),
                Arguments.of("HTML posing as an image", "<html><script>".getBytes(StandardCharsets.UTF_8), "image/png",
                        "attachment-type-not-allowed"),
                Arguments.of("a PNG signature cut short", almostPng, "image/png", "attachment-type-not-allowed"),
                Arguments.of("three bytes of PDF magic", "%PD".getBytes(StandardCharsets.UTF_8), null,
                        "attachment-type-not-allowed"),
                Arguments.of("a PNG sent as PDF", ReferralTestData.png(), "application/pdf", "attachment-type-not-allowed"),
                Arguments.of("a PDF sent as JPEG", ReferralTestData.pdf("x"), "image/jpeg", "attachment-type-not-allowed"),
                Arguments.of("empty", new byte[0], "application/pdf", "invalid-request"),
                Arguments.of("one byte over the limit", ReferralTestData.pdfOfSize(LIMIT + 1), "application/pdf",
                        "attachment-too-large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesEverythingElse(String what, byte[] content, String declared, String type) {
        assertThatThrownBy(() -> checks.check(new Upload("file.pdf", declared, content), "file"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo(type));
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        assertThat(checks.check(new Upload("big.pdf", "application/pdf", ReferralTestData.pdfOfSize(LIMIT)), "file")
                .content()).hasSize(LIMIT);
    }

    @Test
    void aReferralHoldsAtMostTheLimitOfFiles() {
        checks.requireRoom(0, 3);
        checks.requireRoom(2, 1);
        assertThatThrownBy(() -> checks.requireRoom(3, 1)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo("too-many-attachments"));
        assertThatThrownBy(() -> checks.requireRoom(0, 4)).isInstanceOf(ProblemException.class);
    }

    @Test
    void everyDeclaredScannerMustAcceptAFile() {
        VirusScanner clean = (name, type, content) -> VirusScanner.Verdict.accepted();
        VirusScanner eicar = (name, type, content) -> new String(content, StandardCharsets.ISO_8859_1).contains("EICAR")
                ? VirusScanner.Verdict.refused("EICAR test signature") : VirusScanner.Verdict.accepted();
        AttachmentChecks scanned = new AttachmentChecks(LIMIT, 3, List.of(clean, eicar));
        assertThat(scanned.check(new Upload("ok.pdf", null, ReferralTestData.pdf("fine")), "file")).isNotNull();
        assertThatThrownBy(() -> scanned.check(new Upload("bad.pdf", null, ReferralTestData.pdf("EICAR")), "file"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo("attachment-refused-by-scanner");
                    assertThat(e.detail()).contains("bad.pdf", "EICAR test signature");
                });
    }

    @Test
    void withoutAScannerFilesAreAcceptedAndLoggedAsUnscanned() {
        assertThat(new UnconfiguredVirusScanner().scan("x.pdf", "application/pdf", ReferralTestData.pdf("x")).clean())
                .isTrue();
    }

    @Test
    void theNameKeepsOnlyItsLastPartWithoutControlCharacters() {
        assertThat(AttachmentChecks.cleanName("C:\\letters\\..\\clinic letter.pdf")).isEqualTo("clinic letter.pdf");
        assertThat(AttachmentChecks.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentChecks.cleanName("a\u0000b\"c\r\n.pdf")).isEqualTo("abc.pdf");
        assertThat(AttachmentChecks.cleanName("  ")).isEqualTo("attachment");
        assertThat(AttachmentChecks.cleanName(null)).isEqualTo("attachment");
        assertThat(AttachmentChecks.cleanName("x".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
    }
}
