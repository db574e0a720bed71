package org.cartpath.referral.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a referral accepts, told by their first bytes ("magic numbers"), never by the name or the
 * type the uploader declares: PDF ({@code %PDF-}, ISO 32000-1 §7.5.2), PNG (the 8-byte signature of
 * RFC 2083 §3.1) and JPEG (SOI marker {@code FF D8} followed by a marker {@code FF}, ITU T.81 B.1.1.3).
 */
public final class FileTypes {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private FileTypes() {
    }

    /** The media type the content is, if it is one of the accepted types. */
    public static Optional<String> detect(byte[] content) {
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

    /**
     * Whether a declared media type agrees with the detected one. No declaration, or the generic
     * {@code application/octet-stream} that browsers send for unknown files, agrees with anything.
     */
    public static boolean agrees(String declared, String detected) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String type = declared.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/octet-stream") || type.equals(detected)
                || (detected.equals(JPEG) && type.equals("image/jpg"))
                || (detected.equals(PDF) && type.equals("application/x-pdf"));
    }

    /** The extension a downloaded file gets when its name has none of its type's. */
    public static String extension(String contentType) {
        return switch (contentType) {
            case PDF -> ".pdf";
            case PNG -> ".png";
            default -> ".jpg";
        };
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content != null && content.length >= magic.length
                && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
