package org.cartpath.referral.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.cartpath.referral.Upload;
import org.cartpath.referral.VirusScanner;
import org.cartpath.shared.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every check a file passes before it is stored with a referral, in this order: not empty, not larger than
 * the limit, a PDF, PNG or JPEG by its content, agreeing with the type declared, and accepted by every
 * virus scanner. The limits are settings: {@code cartpath.referral.attachment-max-bytes} (10 MB) and
 * {@code cartpath.referral.attachments-per-referral} (10).
 */
@Component
public class AttachmentChecks {

    private final long maxBytes;
    private final int maxPerReferral;
    private final List<VirusScanner> scanners;

    AttachmentChecks(@Value("${cartpath.referral.attachment-max-bytes:10485760}") long maxBytes,
            @Value("${cartpath.referral.attachments-per-referral:10}") int maxPerReferral, List<VirusScanner> scanners) {
        this.maxBytes = maxBytes;
        this.maxPerReferral = maxPerReferral;
        this.scanners = scanners.isEmpty() ? List.of(new UnconfiguredVirusScanner()) : List.copyOf(scanners);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxPerReferral() {
        return maxPerReferral;
    }

    /** 422 {@code too-many-attachments} when {@code adding} more files would pass the limit of a referral. */
    public void requireRoom(int stored, int adding) {
        if (stored + adding > maxPerReferral) {
            throw ProblemException.unprocessable("too-many-attachments", "A referral has at most " + maxPerReferral
                    + " files; it has " + stored + " and " + adding + " more were sent");
        }
    }

    /** The file, checked; refused with a problem naming the file otherwise. */
    public CheckedFile check(Upload upload, String field) {
        String name = cleanName(upload.fileName());
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw ProblemException.invalid(field, "'" + name + "' is empty");
        }
        if (content.length > maxBytes) {
            throw new ProblemException("attachment-too-large", 413, "The file is too large", "'" + name + "' is "
                    + megabytes(content.length) + "; a file may be at most " + megabytes(maxBytes), List.of(),
                    Map.of("maxBytes", maxBytes, "field", field));
        }
        String type = FileTypes.detect(content).orElseThrow(() -> ProblemException.unprocessable(
                "attachment-type-not-allowed", "'" + name + "' is not a PDF, PNG or JPEG file (told by its content)"));
        if (!FileTypes.agrees(upload.declaredType(), type)) {
            throw ProblemException.unprocessable("attachment-type-not-allowed", "'" + name + "' was sent as "
                    + upload.declaredType() + " but its content is " + type);
        }
        for (VirusScanner scanner : scanners) {
            VirusScanner.Verdict verdict = scanner.scan(name, type, content);
            if (verdict == null || !verdict.clean()) {
                throw ProblemException.unprocessable("attachment-refused-by-scanner", "'" + name
                        + "' was refused by the virus scanner" + (verdict == null || verdict.reason() == null ? ""
                        : ": " + verdict.reason()));
            }
        }
        return new CheckedFile(name, type, content, sha256(content));
    }

    /** The last part of a path, without control characters, at most 200 characters; "attachment" if nothing is left. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "attachment" : name;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.UK, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
