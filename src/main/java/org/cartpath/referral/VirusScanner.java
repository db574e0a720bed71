package org.cartpath.referral;

/**
 * Checks every uploaded file before it is stored. An installation plugs its scanner in by declaring a
 * bean of this type (for example a client of a clamd daemon or of the trust's scanning service); all
 * declared scanners must accept a file. With none declared, files are stored unscanned and each one is
 * logged as such (intake.UnconfiguredVirusScanner): cartpath ships no scanner of its own.
 */
public interface VirusScanner {

    /** The verdict on one file: clean, or refused with a reason the uploader is shown. */
    record Verdict(boolean clean, String reason) {

        public static Verdict accepted() {
            return new Verdict(true, null);
        }

        public static Verdict refused(String reason) {
            return new Verdict(false, reason);
        }
    }

    Verdict scan(String fileName, String contentType, byte[] content);
}
