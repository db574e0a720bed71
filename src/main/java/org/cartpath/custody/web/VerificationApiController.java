package org.cartpath.custody.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.scan.HardStopOverride;
import org.cartpath.custody.scan.HardStopOverrides;
import org.cartpath.custody.scan.Scan;
import org.cartpath.custody.scan.ScanPrompt;
import org.cartpath.custody.verification.Verification;
import org.cartpath.custody.verification.Verifications;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Ids;
import org.cartpath.shared.RequestFields;
import org.cartpath.shared.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-person checks and hard-stop overrides over REST, for people signed in to cartpath (a system client's token
 * is refused with 403: checks and signatures are made by people).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity checks", description = "Two-person verification by scanning, hard stops and QA overrides")
class VerificationApiController {

    record OpenBody(
            @Size(max = TextLimits.SHORT) String step,
            @Size(max = TextLimits.SHORT) String itemId,
            @Size(max = TextLimits.SHORT) String place) {
    }

    record ScanBody(@Size(max = TextLimits.SCAN) String scanned) {
    }

    record SignatureBody(@Size(max = TextLimits.SHORT) String password) {
    }

    record OverrideBody(@Size(max = TextLimits.LONG) String reason, @Size(max = TextLimits.SHORT) String password) {
    }

    /** The witness on the first person's device: their username, password and scans, one per prompt in order. */
    record SameDeviceWitnessBody(
            @Size(max = TextLimits.SHORT) String witnessUsername,
            @Size(max = TextLimits.SHORT) String witnessPassword,
            @Size(max = TextLimits.ITEMS) List<@Size(max = TextLimits.SCAN) String> scans) {
    }

    record VerificationView(UUID id, UUID caseId, UUID itemId, String step, String status, int awaitingPerson,
            List<String> prompts, List<String> yourRemainingPrompts, Instant completedAt, boolean witnessedOnSameDevice) {
    }

    record ScanView(UUID id, String prompt, String expected, String outcome, String detail, Instant scannedAt) {
        static ScanView of(Scan s) {
            return new ScanView(s.id(), s.prompt().name(), s.expected(), s.outcome().name(), s.detail(), s.scannedAt());
        }
    }

    record OverrideView(UUID id, UUID scanId, String qaName, Instant requestedAt, String secondName, Instant effectiveAt) {
        static OverrideView of(HardStopOverride o) {
            return new OverrideView(o.id(), o.scanId(), o.qaName(), o.requestedAt(), o.secondName(), o.effectiveAt());
        }
    }

    private final Verifications verifications;
    private final HardStopOverrides overrides;

    VerificationApiController(Verifications verifications, HardStopOverrides overrides) {
        this.verifications = verifications;
        this.overrides = overrides;
    }

    @PostMapping("/cases/{id}/verifications")
    @Operation(summary = "Start a two-person check (COLLECTION, RECEIPT_AT_CENTRE or BEDSIDE) of an item the centre holds")
    ResponseEntity<VerificationView> open(Actor actor, @PathVariable String id, @RequestBody OpenBody body) {
        RequestFields.required().field("step", body.step()).field("itemId", body.itemId()).check();
        VerificationStep step = RequestFields.choice(body.step(), VerificationStep.class, "step");
        Verification v = verifications.open(actor, CaseId.of(id), ApiFields.uuid(body.itemId(), "itemId"), step, body.place());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(actor, v));
    }

    @GetMapping("/verifications/{id}")
    VerificationView get(Actor actor, @PathVariable String id) {
        return view(actor, verifications.find(actor, Ids.parse(id, "verification")));
    }

    @PostMapping("/verifications/{id}/scans")
    @Operation(summary = "One scan for the check: matched (201), or refused and recorded",
            description = "422 identity-mismatch is a hard stop (recorded with both identities; nothing more happens on "
                    + "the case until QA overrides it); 422 wrong-symbol; 400 unreadable-identifier or "
                    + "check-character-mismatch for keyed entry; 422 same-person for the first signer.")
    ResponseEntity<ScanView> scan(Actor actor, @PathVariable String id, @RequestBody ScanBody body) {
        RequestFields.required().field("scanned", body.scanned()).check();
        Scan scan = verifications.scan(actor, Ids.parse(id, "verification"), body.scanned());
        return ResponseEntity.status(HttpStatus.CREATED).body(ScanView.of(scan));
    }

    @PostMapping("/verifications/{id}/signatures")
    @Operation(summary = "Sign the check with your password: the first person (verified), then a different person (witnessed)")
    VerificationView sign(Actor actor, @PathVariable String id, @RequestBody SignatureBody body) {
        return view(actor, verifications.sign(actor, Ids.parse(id, "verification"), body.password()));
    }

    @PostMapping("/verifications/{id}/same-device-witness")
    @Operation(summary = "The witness of a collection or bedside check signs on this device with their own username and password",
            description = "The witness scans every prompt again (scans, in order) and gives their username and password; "
                    + "it completes the check as in their own session and records that it was on this device. 422 "
                    + "signature-refused for a wrong username or password (counted like a failed sign-in), a disabled "
                    + "account, the first signer, another organisation or a role that may not witness; 422 "
                    + "identity-mismatch is the hard stop.")
    VerificationView witnessHere(Actor actor, @PathVariable String id, @RequestBody SameDeviceWitnessBody body,
            HttpServletRequest request) {
        return view(actor, verifications.witnessOnThisDevice(actor, Ids.parse(id, "verification"), body.witnessUsername(),
                body.witnessPassword(), body.scans(), request.getRemoteAddr()));
    }

    @PostMapping("/hard-stops/{scanId}/override")
    @Operation(summary = "QA signs an override of a hard stop, with a reason; it takes effect once a second person co-signs")
    ResponseEntity<OverrideView> override(Actor actor, @PathVariable String scanId, @RequestBody OverrideBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(OverrideView.of(
                overrides.request(actor, Ids.parse(scanId, "hard stop"), body.reason(), body.password())));
    }

    @PostMapping("/hard-stops/{scanId}/override/co-signature")
    @Operation(summary = "A second person co-signs QA's override; the stop is lifted and the case flagged for ever")
    OverrideView coSign(Actor actor, @PathVariable String scanId, @RequestBody SignatureBody body) {
        return OverrideView.of(overrides.witness(actor, Ids.parse(scanId, "hard stop"), body.password()));
    }

    private VerificationView view(Actor actor, Verification v) {
        List<ScanPrompt> remaining = v.status() == Verification.Status.OPEN ? verifications.missingFor(actor, v) : List.of();
        return new VerificationView(v.id(), v.caseId().value(), v.itemId(), v.step().name(), v.status().name(),
                v.awaitingPerson(), v.prompts().stream().map(Enum::name).toList(),
                remaining.stream().map(Enum::name).toList(), v.completedAt(), v.witnessedOnSameDevice());
    }
}
