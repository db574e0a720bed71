package org.cartpath.custody.scan;

import java.time.LocalDate;
import java.util.Set;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.custody.PatientWristbandCode;
import org.cartpath.patient.NhsNumber;

/**
 * Compares what was scanned with what a step expects (ADR 0016, "Outcomes": a scan that does not match the expected
 * identifier is a hard stop). The other symbol of the same case is not a stop, only the wrong symbol; any
 * identifier that is not this case's is, whatever the symbol.
 *
 * <p>The patient's wristband is matched to the patient, not to the product (ADR 0006, "The patient's wristband"):
 * wristband → patient → case, while the bag's COI → case is checked at its own prompt, so a check passes only when
 * both point to the same case. Where the wristband is asked for:
 * <ul>
 *   <li>the wristband of the case's patient (NHS number, or hospital number, and date of birth as on the patient's
 *       record) is a {@link ScanOutcome#MATCH};</li>
 *   <li>any COI or DIN, this case's included, is a hard stop ({@link ScanOutcome#MISMATCH}): a product or bag label
 *       scanned for the patient is exactly how a check would pass without the patient;</li>
 *   <li>another patient's wristband is a hard stop, and the answer names nobody.</li>
 * </ul>
 * Where a label of the cells is asked for, a wristband (anyone's) is the wrong symbol: nothing is matched, so nothing
 * passes, and whose wristband it is is not looked up (a courier or manufacturer may be scanning).
 *
 * @param coi      the case's COI
 * @param din      the DIN of the collection being checked, or null when the step checks no collection bag
 * @param caseDins every DIN of the case's collections
 * @param patient  the case's patient as on their record; required only where the wristband is asked for
 */
public record ScanComparison(ChainOfIdentityId coi, Din din, Set<Din> caseDins, PatientOnRecord patient) {

    /** The detail of the hard stop when a COI or DIN is scanned where the wristband is asked for. */
    public static final String LABEL_FOR_WRISTBAND = "That is a product/bag label, not the patient's wristband: scan the"
            + " wristband on the patient";
    /** The detail of the hard stop when another patient's wristband is scanned: it names nobody. */
    public static final String OTHER_PATIENT = "That wristband is not this patient's: its NHS number (or hospital number)"
            + " or date of birth is not on this patient's record. Check who the patient is";
    static final String EXPECTED_WRISTBAND = "the wristband of this case's patient";

    /** The patient's identifiers on their record, which a wristband must carry. */
    public record PatientOnRecord(NhsNumber nhsNumber, String hospitalNumber, LocalDate dateOfBirth) {

        boolean identifiedBy(PatientWristbandCode code) {
            return code.identifies(nhsNumber, hospitalNumber, dateOfBirth);
        }

        @Override
        public String toString() {
            return "PatientOnRecord[redacted]";
        }
    }

    public record Result(ScanOutcome outcome, String expected, String detail) {
    }

    public ScanComparison(ChainOfIdentityId coi, Din din, Set<Din> caseDins) {
        this(coi, din, caseDins, null);
    }

    public Result compare(ScanPrompt prompt, ScannedIdentifier scanned) {
        String expected = switch (prompt.expects()) {
            case COI -> "COI " + coi.eyeReadable();
            case DIN -> "DIN " + (din == null ? "(none)" : din.eyeReadable());
            case WRISTBAND -> EXPECTED_WRISTBAND;
        };
        if (scanned instanceof ScannedIdentifier.Unreadable u) {
            return new Result(ScanOutcome.UNREADABLE, expected, String.join("; ", u.problems()));
        }
        if (prompt.expects() == ScanPrompt.Expects.WRISTBAND) {
            return compareWithPatient(expected, scanned);
        }
        if (scanned instanceof ScannedIdentifier.Wristband) {
            return new Result(ScanOutcome.WRONG_SYMBOL, expected, "That is a patient's wristband, not a label of the"
                    + " cells: scan " + prompt.label());
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

    private Result compareWithPatient(String expected, ScannedIdentifier scanned) {
        if (!(scanned instanceof ScannedIdentifier.Wristband w)) {
            return new Result(ScanOutcome.MISMATCH, expected, LABEL_FOR_WRISTBAND);
        }
        if (patient == null) {
            throw new IllegalStateException("a wristband is compared with the patient's record, which was not read");
        }
        return patient.identifiedBy(w.code()) ? new Result(ScanOutcome.MATCH, expected, null)
                : new Result(ScanOutcome.MISMATCH, expected, OTHER_PATIENT);
    }

    private static Result mismatch(String expected, ScannedIdentifier scanned) {
        return new Result(ScanOutcome.MISMATCH, expected, "Expected " + expected + " but scanned " + scanned.describe());
    }

    private static Result wrongSymbol(ScanPrompt prompt, String expected) {
        return new Result(ScanOutcome.WRONG_SYMBOL, expected, "That is the other symbol: scan " + prompt.label()
                + " (" + (prompt.expects() == ScanPrompt.Expects.COI ? "the COI, starting CH" : "the DIN") + ")");
    }
}
