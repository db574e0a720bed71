package org.cartpath.custody.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.scan.ScanPrompt;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.UserId;

/**
 * A two-person check on an item: the first person scans every prompt and signs (verified), then a different
 * person scans every prompt again and signs (witnessed); only then is the check complete and recorded in the
 * item's custody log.
 *
 * @param secondOnDeviceOf for a check witnessed on someone else's device (ADR 16, same-device witnessing at the
 *                         patient), the person signed in on that device; null when the witness signed in their own
 *                         session
 */
public record Verification(
        UUID id,
        CaseId caseId,
        UUID itemId,
        VerificationStep step,
        Status status,
        String place,
        Instant openedAt,
        String openedByName,
        UserId firstUser,
        UUID firstSignature,
        UserId secondUser,
        UUID secondSignature,
        Instant completedAt,
        UserId secondOnDeviceOf,
        int version) {

    public enum Status { OPEN, COMPLETED }

    /** What each person scans at this step, in order. */
    public List<ScanPrompt> prompts() {
        return prompts(step);
    }

    public static List<ScanPrompt> prompts(VerificationStep step) {
        return switch (step) {
            case COLLECTION -> List.of(ScanPrompt.PATIENT_WRISTBAND, ScanPrompt.BAG_COI, ScanPrompt.BAG_DIN);
            case RECEIPT_AT_CENTRE -> List.of(ScanPrompt.PRODUCT_COI);
            case BEDSIDE -> List.of(ScanPrompt.PATIENT_WRISTBAND, ScanPrompt.PRODUCT_COI);
        };
    }

    /** 1 while the first person checks, 2 once they have signed, 0 when complete. */
    public int awaitingPerson() {
        if (status == Status.COMPLETED) {
            return 0;
        }
        return firstSignature == null ? 1 : 2;
    }

    public Verification signedFirst(UserId user, UUID signature) {
        return new Verification(id, caseId, itemId, step, status, place, openedAt, openedByName, user, signature,
                null, null, null, null, version + 1);
    }

    public Verification completed(UserId user, UUID signature, Instant at) {
        return new Verification(id, caseId, itemId, step, Status.COMPLETED, place, openedAt, openedByName, firstUser,
                firstSignature, user, signature, at, null, version + 1);
    }

    /** Completed by a witness who signed on the device of {@code device}, not in their own session. */
    public Verification witnessedOnDevice(UserId user, UUID signature, Instant at, UserId device) {
        return new Verification(id, caseId, itemId, step, Status.COMPLETED, place, openedAt, openedByName, firstUser,
                firstSignature, user, signature, at, device, version + 1);
    }

    /** Whether the witness signed on someone else's device rather than in their own session. */
    public boolean witnessedOnSameDevice() {
        return secondOnDeviceOf != null;
    }
}
