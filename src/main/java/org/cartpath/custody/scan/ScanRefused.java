package org.cartpath.custody.scan;

import java.util.List;
import java.util.Map;
import org.cartpath.shared.ProblemException;

/**
 * A scan that did not match, recorded before being refused. Services that compare scans let this exception
 * through without rolling back ({@code noRollbackFor}), so the scan and its hard stop are kept while nothing
 * else changes. The answer names identifiers only, never the patient.
 */
public class ScanRefused extends ProblemException {

    private final transient Scan scan;

    public ScanRefused(Scan scan, String problemType) {
        super(problemType, status(scan.outcome()), title(scan.outcome()), detail(scan), List.of(),
                Map.of("scanId", scan.id().toString(), "expected", scan.expected(), "outcome", scan.outcome().name()));
        this.scan = scan;
    }

    public Scan scan() {
        return scan;
    }

    private static int status(ScanOutcome outcome) {
        return outcome == ScanOutcome.UNREADABLE ? 400 : 422;
    }

    private static String title(ScanOutcome outcome) {
        return switch (outcome) {
            case MISMATCH -> "STOP: identity mismatch";
            case WRONG_SYMBOL -> "Wrong symbol scanned";
            default -> "The scan cannot be read";
        };
    }

    private static String detail(Scan scan) {
        return switch (scan.outcome()) {
            case MISMATCH -> "STOP. " + scan.detail() + ". The mismatch is recorded; do not proceed until QA has reviewed it.";
            case WRONG_SYMBOL -> scan.detail();
            default -> "The scan is not a usable COI, DIN or patient wristband: " + scan.detail();
        };
    }
}
