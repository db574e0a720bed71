package org.cartpath.custody.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartpath.audit.AuditTrail;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.ItemKind;
import org.cartpath.custody.chain.ItemStore;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares a scan with what is expected and records it, whatever the outcome (ADR 0016: every scan,
 * matched or not, is recorded). A mismatch is a hard stop: it is noted on the case's timeline (identifiers
 * only, no free text) and blocks every further custody record until QA overrides it.
 */
@Service
public class ScanRecorder {

    /** Stored as received up to this length; longer input is not an identifier anyway. */
    private static final int STORED_LENGTH = 200;

    private final ScanStore store;
    private final IdentifierStore identifiers;
    private final ItemStore items;
    private final CaseJourney journey;
    private final PatientManagement patients;
    private final AuditTrail audit;
    private final Clock clock;

    ScanRecorder(ScanStore store, IdentifierStore identifiers, ItemStore items, CaseJourney journey,
            PatientManagement patients, AuditTrail audit, Clock clock) {
        this.store = store;
        this.identifiers = identifiers;
        this.items = items;
        this.journey = journey;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a scan on this case is compared with: its COI, and the DIN of {@code bag} when a bag is checked. */
    public ScanComparison comparisonFor(TherapyCase therapyCase, Din din) {
        ChainOfIdentityId coi = identifiers.coi(therapyCase.id()).orElseThrow(() -> ProblemException.unprocessable(
                "no-coi", "Case " + therapyCase.reference() + " has no chain of identity identifier yet"));
        Set<Din> dins = items.itemsOfCase(therapyCase.id()).stream().filter(i -> i.kind() == ItemKind.COLLECTION_BAG)
                .map(CustodyItem::din).collect(Collectors.toSet());
        return new ScanComparison(coi, din, dins);
    }

    /**
     * What a scan for {@code prompt} is compared with. Where the patient's wristband is asked for, that includes the
     * patient's identifiers, read from their record through the patient module (the read is logged in the data-access
     * log, so the caller's transaction must be a writing one).
     */
    @Transactional
    public ScanComparison comparisonFor(Actor actor, TherapyCase therapyCase, Din din, ScanPrompt prompt) {
        ScanComparison comparison = comparisonFor(therapyCase, din);
        if (prompt.expects() != ScanPrompt.Expects.WRISTBAND) {
            return comparison;
        }
        Demographics record = patients.get(actor, new PatientId(therapyCase.patientId()),
                "Checking the patient's wristband").demographics();
        return new ScanComparison(comparison.coi(), comparison.din(), comparison.caseDins(),
                new ScanComparison.PatientOnRecord(record.nhsNumber(), record.localHospitalNumber(), record.dateOfBirth()));
    }

    /** Records the scan in the caller's transaction and returns it; the caller decides what the outcome stops. */
    @Transactional
    public Scan record(Actor actor, TherapyCase therapyCase, UUID verificationId, String purpose, ScanPrompt prompt,
            ScanComparison comparison, String text) {
        ScannedIdentifier read = ScannedIdentifier.read(text);
        ScanComparison.Result result = comparison.compare(prompt, read);
        CaseId scannedCase = result.outcome() == ScanOutcome.MISMATCH ? ownerOf(read).orElse(null) : null;
        String raw = text == null ? "" : text.length() > STORED_LENGTH ? text.substring(0, STORED_LENGTH) : text;
        Scan scan = new Scan(UUID.randomUUID(), therapyCase.id(), verificationId, purpose, prompt, result.expected(), raw,
                result.outcome(), scannedCase, result.detail(), actor.id(), actor.displayName(), actor.organisationName(),
                Instant.now(clock));
        store.insert(scan, actor);
        if (scan.isHardStop()) {
            journey.note(actor, therapyCase.id(), "IDENTITY_HARD_STOP", "STOP: a scan at " + purposeLabel(purpose)
                    + " did not match the chain of identity (" + result.detail() + ")");
        }
        audit.record(actor, scan.isHardStop() ? "CUSTODY_SCAN_MISMATCHED" : "CUSTODY_SCAN_RECORDED", "CustodyScan",
                scan.id().toString(), null, auditView(scan), null);
        return scan;
    }

    /** The refusal a non-matching scan answers with; null for a match. */
    public static ScanRefused refusal(Scan scan, String unreadableType) {
        return switch (scan.outcome()) {
            case MATCH -> null;
            case MISMATCH -> new ScanRefused(scan, "identity-mismatch");
            case WRONG_SYMBOL -> new ScanRefused(scan, "wrong-symbol");
            case UNREADABLE -> new ScanRefused(scan, unreadableType);
        };
    }

    /** The problem type of an unreadable scan: a keyed check character that does not match, or anything else. */
    public static String unreadableType(String text) {
        return ScannedIdentifier.read(text) instanceof ScannedIdentifier.Unreadable u ? u.problemType() : "unreadable-identifier";
    }

    public Optional<Scan> find(UUID id) {
        return store.find(id);
    }

    public List<Scan> ofVerification(UUID verificationId) {
        return store.ofVerification(verificationId);
    }

    public List<Scan> ofCase(CaseId caseId) {
        return store.ofCase(caseId);
    }

    private Optional<CaseId> ownerOf(ScannedIdentifier read) {
        if (read instanceof ScannedIdentifier.Coi c) {
            return identifiers.caseOf(c.coi());
        }
        return read instanceof ScannedIdentifier.DinRead d ? items.caseOfDin(d.din()) : Optional.empty();
    }

    static String purposeLabel(String purpose) {
        return purpose.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Map<String, Object> auditView(Scan scan) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("purpose", scan.purpose());
        view.put("prompt", scan.prompt().name());
        view.put("expected", scan.expected());
        view.put("outcome", scan.outcome().name());
        view.put("scannedCaseId", scan.scannedCaseId() == null ? null : scan.scannedCaseId().toString());
        view.put("verificationId", scan.verificationId() == null ? null : scan.verificationId().toString());
        view.put("detail", scan.detail());
        return view;
    }
}
