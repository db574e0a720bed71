package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Letters and reports over the API: stored by content type with their digest, refused clearly, downloaded as stored. */
@CartpathIntegrationTest
class ReferralAttachmentApiIT {

    static final int TEN_MB = 10 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Http asReferrer;
    Http asCoordinator;
    String referral;
    String base;

    @BeforeEach
    void aReferral() {
        Organisation hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Organisation centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        asReferrer = Http.signedIn(port, fixtures.user(hospital, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        asCoordinator = Http.signedIn(port, fixtures.user(centre, Role.COORDINATOR).username(), IdentityFixtures.PASSWORD);
        referral = Http.json(asReferrer.postJson("/api/v1/referrals", ReferralTestData.referral(PatientTestData.nhsNumber(),
                "Attached", centre.id().toString()))).get("id").asText();
        base = "/api/v1/referrals/" + referral + "/attachments";
    }

    private HttpResponse<String> upload(Http as, String fileName, String type, byte[] content) {
        return as.send("POST", base + "?fileName=" + fileName, type, content, Map.of());
    }

    @Test
    void aPdfIsStoredWithItsDigestAndDownloadedAsItWasSent() throws Exception {
        byte[] letter = ReferralTestData.pdf("Clinic letter of 20 November");
        HttpResponse<String> added = upload(asReferrer, "clinic-letter.pdf", "application/pdf", letter);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode file = Http.json(added);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(letter));
        assertThat(file.get("sha256").asText()).isEqualTo(sha);
        assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(file.get("sizeBytes").asInt()).isEqualTo(letter.length);

        HttpResponse<byte[]> download = asCoordinator.download(base + "/" + file.get("id").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(letter);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains("clinic-letter.pdf");
        assertThat(download.headers().firstValue("X-Content-SHA256")).contains(sha);
        assertThat(Http.json(asCoordinator.get(base))).hasSize(1);
        assertThat(jdbc.sql("select count(*) from data_access where entity_type = 'ReferralAttachment' and entity_id = ?")
                .param(file.get("id").asText()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select after_state from audit_event where action = 'REFERRAL_ATTACHMENT_ADDED' and entity_id = ?")
                .param(referral).query(String.class).single()).contains(sha).doesNotContain("clinic-letter");
    }

    @Test
    void imagesComeAsTheBodyOrAsAMultipartFile() {
        assertThat(upload(asReferrer, "scan.png", "image/png", ReferralTestData.png()).statusCode()).isEqualTo(201);
        String boundary = "attachment-boundary";
        HttpResponse<String> multipart = asReferrer.send("POST", base, "multipart/form-data; boundary=" + boundary,
                ReferralTestData.multipart(boundary, Map.of(), Map.of("file", new Object[] {"photo.jpg", "image/jpeg",
                        ReferralTestData.jpeg()})), Map.of());
        assertThat(multipart.statusCode()).as(multipart.body()).isEqualTo(201);
        assertThat(Http.json(multipart).get("fileName").asText()).isEqualTo("photo.jpg");
        assertProblem(asReferrer.send("POST", base, "multipart/form-data; boundary=" + boundary,
                ReferralTestData.multipart(boundary, Map.of("note", "no file"), Map.of()), Map.of()), 400,
                "invalid-request", "file");
    }

    @Test
    void filesOfTheWrongTypeTooLargeEmptyOrTooManyAreRefusedAndNothingIsStored() {
        assertProblem(upload(asReferrer, "notes.pdf", "application/pdf", "plain text".getBytes()), 422,
                "attachment-type-not-allowed");
        assertProblem(upload(asReferrer, "scan.pdf", "application/pdf", ReferralTestData.png()), 422,
                "attachment-type-not-allowed");
        assertProblem(upload(asReferrer, "page.html", "text/html", "<html><script>alert(1)</script>".getBytes()), 422,
                "attachment-type-not-allowed");
        assertProblem(upload(asReferrer, "empty.pdf", "application/pdf", new byte[0]), 400, "invalid-request");
        JsonNode tooLarge = assertProblem(upload(asReferrer, "huge.pdf", "application/pdf",
                ReferralTestData.pdfOfSize(TEN_MB + 1)), 413, "attachment-too-large");
        assertThat(tooLarge.get("maxBytes").asLong()).isEqualTo(TEN_MB);
        String boundary = "big-boundary";
        assertProblem(asReferrer.send("POST", base, "multipart/form-data; boundary=" + boundary,
                ReferralTestData.multipart(boundary, Map.of(), Map.of("file", new Object[] {"huge.pdf", "application/pdf",
                        ReferralTestData.pdfOfSize(TEN_MB + 1)})), Map.of()), 413, "attachment-too-large");
        assertThat(stored()).isZero();

        assertThat(upload(asReferrer, "exactly-ten.pdf", "application/pdf", ReferralTestData.pdfOfSize(TEN_MB))
                .statusCode()).isEqualTo(201);
        for (int i = 2; i <= 10; i++) {
            assertThat(upload(asReferrer, "report-" + i + ".pdf", "application/pdf", ReferralTestData.pdf("report " + i))
                    .statusCode()).isEqualTo(201);
        }
        assertProblem(upload(asReferrer, "eleventh.pdf", "application/pdf", ReferralTestData.pdf("eleventh")), 422,
                "too-many-attachments");
        assertThat(stored()).isEqualTo(10);
    }

    @Test
    void onlyTheReferringOrganisationAddsFilesAndAReplayStoresOnce() {
        assertProblem(upload(asCoordinator, "centre.pdf", "application/pdf", ReferralTestData.pdf("centre")), 403,
                "forbidden");
        String key = "attachment-" + System.nanoTime();
        byte[] letter = ReferralTestData.pdf("once");
        HttpResponse<String> first = asReferrer.send("POST", base + "?fileName=once.pdf", "application/pdf", letter,
                Map.of("Idempotency-Key", key));
        HttpResponse<String> replay = asReferrer.send("POST", base + "?fileName=once.pdf", "application/pdf", letter,
                Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(Http.json(replay).get("id").asText()).isEqualTo(Http.json(first).get("id").asText());
        assertThat(stored()).isEqualTo(1);
        assertProblem(asReferrer.get(base + "/" + java.util.UUID.randomUUID()), 404, "not-found");
        assertProblem(asReferrer.get(base + "/not-an-id"), 404, "not-found");
    }

    @Test
    void theAttachmentEndpointsAreInTheOpenApiDocument() {
        String document = asReferrer.get("/api/v1/openapi").body();
        assertThat(document).contains("/api/v1/referrals", "/api/v1/referrals/{id}/triage-decision",
                "/api/v1/referrals/{id}/messages", "/api/v1/referrals/{id}/attachments",
                "/api/v1/referrals/{id}/attachments/{attachmentId}", "/api/v1/referral-centres");
    }

    private long stored() {
        return jdbc.sql("select count(*) from referral_attachment where referral_id = ?::uuid").param(referral)
                .query(Long.class).single();
    }
}
