package org.cartpath.custody.scan;

import java.util.Set;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;

/**
 * Compares what was scanned with what a step expects (DOMAIN.md 8: "a scan that does not match the expected
 * COI/DIN is a hard stop"). The other symbol of the same case is not a stop, only the wrong symbol; any
 * identifier that is not this case's is, whatever the symbol.
 *
 * @param coi      the case's COI
 * @param din      the DIN of the collection being checked, or null when the step checks no collection bag
 * @param caseDins every DIN of the case's collections
 */
public record ScanComparison(ChainOfIdentityId coi, Din din, Set<Din> caseDins) {

    public record Result(ScanOutcome outcome, String expected, String detail) {
    }

    public Result compare(ScanPrompt prompt, ScannedIdentifier scanned) {
        String expected = prompt.expects() == ScanPrompt.Expects.COI ? "COI " + coi.eyeReadable()
                : "DIN " + (din == null ? "(none)" : din.eyeReadable());
        if (scanned instanceof ScannedIdentifier.Unreadable u) {
            return new Result(ScanOutcome.UNREADABLE, expected, String.join("; ", u.problems()));
        }
        if (scanned instanceof ScannedIdentifier.Coi c) {
            boolean ours = c.coi().equals(coi);
            if (prompt.expects() == ScanPrompt.Expects.COI) {
                return ours ? new Result(ScanOutcome.MATCH, expected, null) : mismatch(expected, scanned);
            }
            return ours ? wrongSymbol(prompt, expected) : mismatch(expected, scanned);
        }
        Din read = ((ScannedIdentifier.DinRead) scanned).din();
        if (prompt.expects() == ScanPrompt.Expects.DIN) {
            return read.equals(din) ? new Result(ScanOutcome.MATCH, expected, null) : mismatch(expected, scanned);
        }
        return caseDins.contains(read) ? wrongSymbol(prompt, expected) : mismatch(expected, scanned);
    }

    private static Result mismatch(String expected, ScannedIdentifier scanned) {
        return new Result(ScanOutcome.MISMATCH, expected, "Expected " + expected + " but scanned " + scanned.describe());
    }

    private static Result wrongSymbol(ScanPrompt prompt, String expected) {
        return new Result(ScanOutcome.WRONG_SYMBOL, expected, "That is the other symbol: scan " + prompt.label()
                + " (" + (prompt.expects() == ScanPrompt.Expects.COI ? "the COI, starting CH" : "the DIN") + ")");
    }
}
