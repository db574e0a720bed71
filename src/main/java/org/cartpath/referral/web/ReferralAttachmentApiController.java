package org.cartpath.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.cartpath.referral.AttachmentContent;
import org.cartpath.referral.ReferralAttachment;
import org.cartpath.referral.ReferralId;
import org.cartpath.referral.Referrals;
import org.cartpath.referral.Upload;
import org.cartpath.referral.intake.AttachmentChecks;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Letters and reports of a referral: upload as the request body (or a multipart "file") and download. */
@RestController
@RequestMapping("/api/v1/referrals/{id}/attachments")
@Tag(name = "Referrals")
class ReferralAttachmentApiController {

    private final Referrals referrals;
    private final AttachmentChecks limits;

    ReferralAttachmentApiController(Referrals referrals, AttachmentChecks limits) {
        this.referrals = referrals;
        this.limits = limits;
    }

    @PostMapping(consumes = "multipart/form-data")
    @Operation(summary = "Attach a letter or report sent as the multipart part 'file'", description = "As the "
            + "upload of a plain body, for clients that send forms. Use the plain body with Idempotency-Key.")
    ResponseEntity<ReferralAttachment> attachPart(Actor actor, @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "is required: send the file as the part 'file'");
        }
        return created(id, referrals.attach(actor, ReferralId.of(id),
                new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes())));
    }

    @PostMapping
    @Operation(summary = "Attach a letter or report (the referring organisation's referrers)", description = "The "
            + "file is the request body, its type the Content-Type, its name the query parameter 'fileName'. PDF, PNG "
            + "or JPEG only, told by the content (422 attachment-type-not-allowed, also when the content is not the "
            + "type declared); at most 10 MB (413 attachment-too-large) and 10 files a referral (422 "
            + "too-many-attachments), both settings; every file passes the virus scanner (422 "
            + "attachment-refused-by-scanner). Accepts Idempotency-Key.")
    ResponseEntity<ReferralAttachment> attach(Actor actor, @PathVariable String id,
            @RequestParam(required = false) String fileName, HttpServletRequest request) throws IOException {
        ReferralId referral = ReferralId.of(id);
        // read at most one byte more than a file may have: enough to refuse a larger one, never the whole of it
        long limit = limits.maxBytes();
        byte[] content = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return created(id, referrals.attach(actor, referral, new Upload(fileName == null ? "attachment" : fileName,
                request.getContentType(), content)));
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Download a file of a referral", description = "As stored, with its SHA-256 (hex) in the "
            + "header X-Content-SHA256. The download is logged.")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable String id, @PathVariable String attachmentId) {
        UUID attachment = Ids.parse(attachmentId, "attachment");
        return Downloads.of(referrals.attachment(actor, ReferralId.of(id), attachment));
    }

    private static ResponseEntity<ReferralAttachment> created(String id, ReferralAttachment added) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/referrals/" + id + "/attachments/" + added.id())).body(added);
    }

    /** The HTTP answer that carries a file. */
    static final class Downloads {
        private Downloads() {
        }

        static ResponseEntity<byte[]> of(AttachmentContent file) {
            ReferralAttachment a = file.attachment();
            return ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(a.contentType()))
                    .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                            .filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-store")
                    .header("X-Content-SHA256", a.sha256())
                    .body(file.content());
        }
    }
}
