package org.cartpath.custody.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.custody.PatientWristbandCode;
import org.cartpath.custody.isbt128.ChainOfIdentityFormat;
import org.cartpath.custody.isbt128.KeyboardCheckCharacter;

/**
 * What one scan or keyed entry read: a COI, a DIN, a patient's wristband, or nothing usable and why. Accepted exactly as received
 * (ADR 0006): the bar-code data a scanner sends ({@code &/} and 15 characters; {@code =}, 13 characters and
 * flags), or, typed from the eye-readable text, the 15 or 13 characters without spaces followed by the check
 * character printed in the box, which is verified. A wristband's symbol ({@link PatientWristbandCode}, the patient's
 * NHS number and date of birth) is read before anything else, and validated (the NHS number's Modulus 11, a real
 * date); it can never be read as a COI or DIN, nor they as a wristband. A keyed check character that does not match
 * is reported as such, never with the character that was expected (that would tell anyone how to make a mistyped
 * identifier pass).
 */
public sealed interface ScannedIdentifier {

    record Coi(ChainOfIdentityId coi) implements ScannedIdentifier {
    }

    record DinRead(Din din) implements ScannedIdentifier {
    }

    /** A patient's wristband: who the patient is, not which cells. */
    record Wristband(PatientWristbandCode code) implements ScannedIdentifier {
    }

    /**
     * @param problemType {@code unreadable-identifier} or {@code check-character-mismatch}
     */
    record Unreadable(String problemType, List<String> problems) implements ScannedIdentifier {
    }

    int MAX_LENGTH = 64;

    static ScannedIdentifier read(String text) {
        if (text == null || text.isEmpty()) {
            return unreadable("nothing was scanned");
        }
        if (text.length() > MAX_LENGTH) {
            return unreadable("far too long for a COI, DIN or patient wristband (" + text.length() + " characters)");
        }
        if (PatientWristbandCode.isWristbandData(text)) {
            List<String> problems = PatientWristbandCode.problemsIn(text);
            return problems.isEmpty() ? new Wristband(PatientWristbandCode.parse(text))
                    : new Unreadable("unreadable-identifier", problems);
        }
        if (text.startsWith(ChainOfIdentityFormat.DATA_IDENTIFIER)) {
            List<String> problems = ChainOfIdentityId.problemsIn(text);
            return problems.isEmpty() ? new Coi(ChainOfIdentityId.parse(text)) : new Unreadable("unreadable-identifier", problems);
        }
        if (text.startsWith("=")) {
            List<String> problems = Din.problemsIn(text);
            return problems.isEmpty() ? new DinRead(Din.parse(text)) : new Unreadable("unreadable-identifier", problems);
        }
        int coiLength = ChainOfIdentityFormat.CONTENT_LENGTH;
        if (text.startsWith(ChainOfIdentityFormat.PREFIX) && text.length() == coiLength + 1) {
            String content = text.substring(0, coiLength);
            List<String> problems = ChainOfIdentityId.problemsIn(ChainOfIdentityFormat.DATA_IDENTIFIER + content);
            if (!problems.isEmpty()) {
                return new Unreadable("unreadable-identifier", problems);
            }
            ChainOfIdentityId coi = new ChainOfIdentityId(content);
            List<String> check = KeyboardCheckCharacter.problemsWithKeyed(text.substring(coiLength), coi.checkCharacter());
            return check.isEmpty() ? new Coi(coi) : keyedCheckFailed(check);
        }
        if (text.length() == 14) {
            String value = text.substring(0, 13);
            List<String> problems = Din.problemsIn(value);
            if (!problems.isEmpty()) {
                return new Unreadable("unreadable-identifier", problems);
            }
            Din din = Din.parse(value);
            List<String> check = KeyboardCheckCharacter.problemsWithKeyed(text.substring(13), din.checkCharacter());
            return check.isEmpty() ? new DinRead(din) : keyedCheckFailed(check);
        }
        if (text.length() == coiLength || text.length() == 13) {
            return unreadable("a keyed identifier needs the check character printed in the box after it");
        }
        List<String> problems = new ArrayList<>();
        problems.add("not a COI (\"&/\" and 15 characters), a DIN (\"=\", 13 characters and flags) or a patient wristband"
                + " (\"PT-\") as a scanner sends them, nor a COI or DIN keyed without spaces and followed by its check"
                + " character");
        if (text.contains(" ")) {
            problems.add("type the characters without spaces");
        } else if (!text.equals(text.toUpperCase(Locale.ROOT))) {
            problems.add("letters must be upper case");
        }
        return new Unreadable("unreadable-identifier", problems);
    }

    private static ScannedIdentifier unreadable(String problem) {
        return new Unreadable("unreadable-identifier", List.of(problem));
    }

    private static ScannedIdentifier keyedCheckFailed(List<String> problems) {
        boolean mismatch = problems.stream().anyMatch(p -> p.startsWith(KeyboardCheckCharacter.MISMATCH));
        return new Unreadable(mismatch ? "check-character-mismatch" : "unreadable-identifier", problems);
    }

    /** The identifier as people see it, for records and messages. */
    default String describe() {
        if (this instanceof Coi c) {
            return "COI " + c.coi().eyeReadable();
        }
        if (this instanceof Wristband) {
            return "a patient's wristband";
        }
        return this instanceof DinRead d ? "DIN " + d.din().eyeReadable() : "an unreadable code";
    }
}
