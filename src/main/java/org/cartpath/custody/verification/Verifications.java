package org.cartpath.custody.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.custody.chain.Custody;
import org.cartpath.custody.chain.CustodyCommand;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.ItemStatus;
import org.cartpath.custody.chain.Refusals;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.HardStopQuery;
import org.cartpath.custody.scan.Scan;
import org.cartpath.custody.scan.ScanOutcome;
import org.cartpath.custody.scan.ScanPrompt;
import org.cartpath.custody.scan.ScanRecorder;
import org.cartpath.custody.scan.ScanRefused;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-person verification at collection, at receipt back at the centre and at the bedside (ADR 0016,
 * docs/clinical/isbt128.md). Each of two different signed-in people scans what the step asks for and signs with their password
 * (21 CFR 11.200): the first "verified", the second "witnessed". The same person twice is refused (422
 * {@code same-person}, and the database refuses it too); system clients cannot take part. When the second
 * signature is applied the check is written to the item's custody log and the case moves on: a verified
 * collection to "Cells collected", a verified receipt to "Product received".
 */
@Service
public class Verifications {

    private final CaseAccess access;
    private final CustodyLog log;
    private final ScanRecorder scans;
    private final VerificationStore store;
    private final HardStopQuery hardStops;
    private final ElectronicSignatures signatures;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;

    Verifications(CaseAccess access, CustodyLog log, ScanRecorder scans, VerificationStore store, HardStopQuery hardStops,
            ElectronicSignatures signatures, CaseJourney journey, AuditTrail audit, Clock clock) {
        this.access = access;
        this.log = log;
        this.scans = scans;
        this.store = store;
        this.hardStops = hardStops;
        this.signatures = signatures;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a check of an item the centre holds; if one is already open for the item and step, that one. A collection
     * or receipt check already completed is refused (409 {@code already-verified}); a bedside check may be repeated.
     */
    @Transactional
    public Verification open(Actor actor, CaseId caseId, UUID itemId, VerificationStep step, String place) {
        CaseAccess.requirePerson(actor, "A two-person check");
        if (step == null) {
            throw ProblemException.invalid("step", "must be COLLECTION, RECEIPT_AT_CENTRE or BEDSIDE");
        }
        CaseView view = access.centreStaff(actor, caseId, step.roles().toArray(Role[]::new));
        access.lock(caseId);
        hardStops.requireNone(caseId, view.therapyCase().reference());
        CustodyItem item = itemOf(caseId, itemId);
        if (item.kind() != step.itemKind()) {
            throw Refusals.rule("wrong-item-kind", "A " + step.label().toLowerCase() + " is made on a "
                    + step.itemKind().label().toLowerCase() + ", not a " + item.kind().label().toLowerCase());
        }
        Custody custody = log.custody(item);
        if (custody.status() != ItemStatus.HELD || !custody.custodian().id().equals(actor.organisationId())) {
            throw Refusals.rule("not-custodian", "The " + item.label() + " is not held by " + actor.organisationName()
                    + (custody.custodian() == null ? "" : " (" + custody.custodian().name() + " holds it)"));
        }
        // Collection and receipt are checked once. The bedside check belongs to the moment of infusion: when an
        // infusion is put off, the two nurses check the bag again, and treatment reads the latest check.
        if (custody.verified().contains(step) && step != VerificationStep.BEDSIDE) {
            throw Refusals.conflict("already-verified", "The " + step.label().toLowerCase() + " of " + item.label()
                    + " is already complete");
        }
        Optional<Verification> existing = store.open(itemId, step);
        if (existing.isPresent()) {
            return existing.get();
        }
        String where = place == null || place.isBlank() ? actor.organisationName() : place.trim();
        Verification opened = new Verification(UUID.randomUUID(), caseId, itemId, step, Verification.Status.OPEN, where,
                Instant.now(clock), actor.displayName(), null, null, null, null, null, null, 0);
        if (!store.insert(opened)) {
            return store.open(itemId, step).orElseThrow();
        }
        audit.record(actor, "VERIFICATION_OPENED", "CustodyVerification", opened.id().toString(), null,
                Map.of("step", step.name(), "item", item.label()), null);
        return opened;
    }

    /**
     * Compares one scan with the next thing this person must scan, and records it. A mismatch is a hard stop:
     * recorded with both identities and refused (422 {@code identity-mismatch}); the scan is kept.
     */
    @Transactional(noRollbackFor = ScanRefused.class)
    public Scan scan(Actor actor, UUID verificationId, String text) {
        CaseAccess.requirePerson(actor, "A two-person check");
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid("scanned", "scan the bar code, or type the identifier and its check character");
        }
        Verification v = find(actor, verificationId);
        TherapyCase therapyCase = access.centreStaff(actor, v.caseId(), v.step().roles().toArray(Role[]::new)).therapyCase();
        access.lock(v.caseId());
        requireOpen(v);
        hardStops.requireNone(v.caseId(), therapyCase.reference());
        requireNotFirst(actor, v);
        List<ScanPrompt> missing = missingFor(actor, v);
        if (missing.isEmpty()) {
            throw Refusals.conflict("scans-complete", "You have scanned everything this check needs; sign to confirm it");
        }
        CustodyItem item = itemOf(v.caseId(), v.itemId());
        ScanPrompt prompt = missing.get(0);
        Scan scan = scans.record(actor, therapyCase, v.id(), v.step().name(), prompt,
                scans.comparisonFor(actor, therapyCase, item.din(), prompt), text);
        ScanRefused refused = ScanRecorder.refusal(scan, ScanRecorder.unreadableType(text));
        if (refused != null) {
            throw refused;
        }
        return scan;
    }

    /** Signs the check: the first person's signature, or the second's, which completes it. */
    @Transactional
    public Verification sign(Actor actor, UUID verificationId, String password) {
        CaseAccess.requirePerson(actor, "A two-person check");
        Verification v = find(actor, verificationId);
        CaseView view = access.centreStaff(actor, v.caseId(), v.step().roles().toArray(Role[]::new));
        access.lock(v.caseId());
        requireOpen(v);
        hardStops.requireNone(v.caseId(), view.therapyCase().reference());
        requireNotFirst(actor, v);
        List<ScanPrompt> missing = missingFor(actor, v);
        if (!missing.isEmpty()) {
            throw Refusals.rule("scans-missing", "Scan " + missing.get(0).label() + " before signing");
        }
        boolean first = v.awaitingPerson() == 1;
        Role role = v.step().roles().stream().filter(actor::hasRole).findFirst().orElseThrow();
        ElectronicSignature signature = signatures.sign(actor, password, role,
                first ? SignatureMeaning.VERIFIED : SignatureMeaning.WITNESSED,
                new SignedRecord("CustodyVerification", v.id().toString(), signedContent(actor, v)), null);
        UserId user = UserId.of(actor.id());
        Verification after = first ? v.signedFirst(user, signature.id()) : v.completed(user, signature.id(), Instant.now(clock));
        if (!store.update(after, v.version())) {
            throw Refusals.conflict("stale-version", "The check changed meanwhile; reload it");
        }
        if (!first) {
            complete(actor, view.therapyCase(), after);
        }
        audit.record(actor, first ? "VERIFICATION_SIGNED" : "VERIFICATION_COMPLETED", "CustodyVerification",
                v.id().toString(), Map.of("status", v.status().name(), "awaiting", v.awaitingPerson()),
                Map.of("status", after.status().name(), "signatureId", signature.id().toString()), null);
        return after;
    }

    /**
     * The checks made at the patient, whose witness may sign on the first person's device (ADR 16, amended by issue
     * 11): the collection check and the bedside check. A receipt back at the centre is witnessed in the witness's own
     * session only.
     */
    public static final Set<VerificationStep> SAME_DEVICE_STEPS = EnumSet.of(VerificationStep.COLLECTION,
            VerificationStep.BEDSIDE);

    /**
     * The witness completes a check at the patient on the device of the person signed in ({@code device}), without
     * signing in: they give their own username and password (21 CFR 11.200(a)(1)(ii): a signing outside the signer's
     * own session uses every component of the signature) and scan every prompt again, in order. They are
     * authenticated as at sign-in (a failure counts towards the same pause, ADR 3) and must be a different person
     * from the first signer and from the one signed in, work at the same centre and hold one of the step's roles;
     * any refusal is audited and records nothing. Then it is recorded as in the witness's own session (their scans,
     * their {@code WITNESSED} signature, the custody log and the case moving on), and the check keeps whose device it
     * was.
     *
     * @param scanned what the witness scanned, one per prompt in order
     * @param address the device's network address, for the sign-in limits
     */
    @Transactional(noRollbackFor = ScanRefused.class)
    public Verification witnessOnThisDevice(Actor device, UUID verificationId, String username, String password,
            List<String> scanned, String address) {
        CaseAccess.requirePerson(device, "A two-person check");
        Verification v = find(device, verificationId);
        CaseView view = access.centreStaff(device, v.caseId(), v.step().roles().toArray(Role[]::new));
        access.lock(v.caseId());
        v = store.find(v.id()).orElseThrow();
        requireOpen(v);
        if (!SAME_DEVICE_STEPS.contains(v.step())) {
            throw Refusals.rule("same-device-not-allowed", "The witness of a " + v.step().label().toLowerCase()
                    + " signs in on their own device");
        }
        if (v.awaitingPerson() != 2) {
            throw Refusals.rule("first-check-not-signed", "The first person scans and signs before the witness does");
        }
        TherapyCase therapyCase = view.therapyCase();
        hardStops.requireNone(v.caseId(), therapyCase.reference());
        List<ScanPrompt> prompts = v.prompts();
        List<ProblemException.FieldProblem> blank = new java.util.ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            String text = scanned == null || scanned.size() <= i ? null : scanned.get(i);
            if (text == null || text.isBlank()) {
                blank.add(new ProblemException.FieldProblem(witnessScanField(i), "Scan " + prompts.get(i).label()));
            }
        }
        if (username == null || username.isBlank()) {
            blank.add(new ProblemException.FieldProblem("witnessUsername", "Enter the witness's username"));
        }
        if (password == null || password.isEmpty()) {
            blank.add(new ProblemException.FieldProblem("witnessPassword", "Enter the witness's password"));
        }
        if (!blank.isEmpty()) {
            throw ProblemException.invalid(blank);
        }
        SignedRecord attempt = new SignedRecord("CustodyVerification", v.id().toString(), Map.of());
        Actor witness = signatures.authenticateWitness(device, username, password, address, attempt);
        String name = username.trim();
        if (v.firstUser() != null && v.firstUser().toString().equals(witness.id())) {
            throw signatures.refuseWitness(device, name, attempt, "witnessUsername", "the first signer",
                    "The witness made the first check: a different person must witness it");
        }
        if (witness.id().equals(device.id())) {
            throw signatures.refuseWitness(device, name, attempt, "witnessUsername", "the person signed in",
                    "You are signed in on this device: scan and sign with the form for your own check instead");
        }
        if (witness.organisationId() == null || !witness.organisationId().equals(device.organisationId())) {
            throw signatures.refuseWitness(device, name, attempt, "witnessUsername", "another organisation",
                    "The witness must work at " + device.organisationName());
        }
        Optional<Role> role = v.step().roles().stream().filter(witness::hasRole).findFirst();
        if (role.isEmpty()) {
            throw signatures.refuseWitness(device, name, attempt, "witnessUsername", "no role that may witness",
                    "The witness must hold a role that may witness a " + v.step().label().toLowerCase() + " ("
                            + v.step().rolesInWords().replace(", ", " or ") + ")");
        }
        CustodyItem item = itemOf(v.caseId(), v.itemId());
        for (int i = 0; i < prompts.size(); i++) {
            String text = scanned.get(i);
            Scan scan = scans.record(witness, therapyCase, v.id(), v.step().name(), prompts.get(i),
                    scans.comparisonFor(witness, therapyCase, item.din(), prompts.get(i)), text);
            ScanRefused refused = ScanRecorder.refusal(scan, ScanRecorder.unreadableType(text));
            if (refused != null) {
                throw refused;
            }
        }
        Map<String, Object> content = signedContent(witness, v);
        content.put("onDeviceOf", device.id());
        ElectronicSignature signature = signatures.sign(witness, password, role.get(), SignatureMeaning.WITNESSED,
                new SignedRecord("CustodyVerification", v.id().toString(), content), null);
        Verification after = v.witnessedOnDevice(UserId.of(witness.id()), signature.id(), Instant.now(clock),
                UserId.of(device.id()));
        if (!store.update(after, v.version())) {
            throw Refusals.conflict("stale-version", "The check changed meanwhile; reload it");
        }
        complete(witness, therapyCase, after);
        Map<String, Object> completed = new LinkedHashMap<>();
        completed.put("status", after.status().name());
        completed.put("signatureId", signature.id().toString());
        completed.put("sameDevice", true);
        completed.put("onDeviceOf", device.id());
        completed.put("onDeviceOfName", device.displayName());
        audit.record(witness, "VERIFICATION_COMPLETED", "CustodyVerification", v.id().toString(),
                Map.of("status", v.status().name(), "awaiting", v.awaitingPerson()), completed, null);
        return after;
    }

    /** The form field of the witness's scan of the {@code index}th prompt, on the same-device form. */
    public static String witnessScanField(int index) {
        return "witnessScan" + index;
    }

    private void complete(Actor actor, TherapyCase therapyCase, Verification v) {
        CustodyItem item = itemOf(v.caseId(), v.itemId());
        log.appendCurrent(actor, item, therapyCase.reference(), CustodyCommand.verify(v.completedAt(),
                access.party(actor), actor.displayName(), v.place(), v.step(),
                List.of(v.firstSignature(), v.secondSignature())));
        switch (v.step()) {
            case COLLECTION -> {
                if (therapyCase.stage() != Stage.COLLECTED) {
                    journey.advance(actor, therapyCase.id(), Stage.COLLECTED, "Cells collected: " + item.label()
                            + " verified by two people");
                }
            }
            case RECEIPT_AT_CENTRE -> journey.advance(actor, therapyCase.id(), Stage.RECEIVED,
                    "Product received: " + item.label() + " verified by two people");
            case BEDSIDE -> journey.note(actor, therapyCase.id(), "BEDSIDE_CHECK_COMPLETED",
                    "Bedside identity check of " + item.label() + " completed by two people");
        }
    }

    @Transactional(readOnly = true)
    public Verification find(Actor actor, UUID id) {
        Verification v = store.find(id).orElseThrow(() -> new NotFoundException("verification", id));
        access.centreStaff(actor, v.caseId());
        return v;
    }

    @Transactional(readOnly = true)
    public List<Verification> ofCase(Actor actor, CaseId caseId) {
        access.view(actor, caseId);
        return store.ofCase(caseId);
    }

    /**
     * The two-person checks waiting for {@code actor} as their second person: open
     * checks of the actor's treating centre whose first person has signed, of a step the actor holds a role for, and
     * whose first person is someone else. Nothing for system clients or other kinds of organisation.
     */
    @Transactional(readOnly = true)
    public List<AwaitingWitness> awaitingWitness(Actor actor, int limit) {
        if (!actor.isPerson() || actor.organisationId() == null
                || actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            return List.of();
        }
        Set<VerificationStep> steps = EnumSet.noneOf(VerificationStep.class);
        for (VerificationStep step : VerificationStep.values()) {
            if (step.roles().stream().anyMatch(actor::hasRole)) {
                steps.add(step);
            }
        }
        return store.awaitingWitness(actor.organisationId().value(), steps, UUID.fromString(actor.id()), limit).stream()
                .map(a -> new AwaitingWitness(a.verification(), a.caseReference(), a.patientId(),
                        log.item(a.verification().itemId()).label(), a.firstSignerName(), a.firstSignedAt()))
                .toList();
    }

    /** Whether {@code actor} may be the second person of this open check: a role of its step, and not the first signer. */
    public static boolean mayWitness(Actor actor, Verification v) {
        return v.status() == Verification.Status.OPEN && v.awaitingPerson() == 2 && actor.isPerson()
                && v.step().roles().stream().anyMatch(actor::hasRole)
                && (v.firstUser() == null || !v.firstUser().toString().equals(actor.id()));
    }

    /** The prompts {@code actor} still has to scan in this check, in order. */
    @Transactional(readOnly = true)
    public List<ScanPrompt> missingFor(Actor actor, Verification v) {
        List<Scan> done = scans.ofVerification(v.id()).stream()
                .filter(s -> s.actorId().equals(actor.id()) && s.outcome() == ScanOutcome.MATCH).toList();
        return v.prompts().stream().filter(p -> done.stream().noneMatch(s -> s.prompt() == p)).toList();
    }

    private Map<String, Object> signedContent(Actor actor, Verification v) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("caseId", v.caseId().toString());
        content.put("itemId", v.itemId().toString());
        content.put("step", v.step().name());
        content.put("scanIds", scans.ofVerification(v.id()).stream().filter(s -> s.actorId().equals(actor.id()))
                .map(s -> s.id().toString()).toList());
        return content;
    }

    private CustodyItem itemOf(CaseId caseId, UUID itemId) {
        CustodyItem item = log.item(itemId);
        if (!item.caseId().equals(caseId)) {
            throw new NotFoundException("custody item", itemId);
        }
        return item;
    }

    private static void requireOpen(Verification v) {
        if (v.status() != Verification.Status.OPEN) {
            throw Refusals.conflict("verification-complete", "This " + v.step().label().toLowerCase() + " is already complete");
        }
    }

    private static void requireNotFirst(Actor actor, Verification v) {
        if (v.firstUser() != null && v.firstUser().toString().equals(actor.id())) {
            throw Refusals.rule("same-person", "You made the first check; a different person must make the second");
        }
    }
}
