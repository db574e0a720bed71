package org.cartpath.custody.scan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.custody.chain.Refusals;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overriding a hard stop (ADR 0016): only QA, with a reason and a second person's signature. The case is
 * flagged for ever; its timeline says so in fixed words (the reason is free text and stays on the custody
 * record, which manufacturers and couriers never see).
 */
@Service
public class HardStopOverrides {

    private static final int MAX_REASON = 1000;
    /** Who may co-sign QA's override: any clinical member of the treating centre other than the QA signer. */
    private static final Role[] CO_SIGNERS = {Role.QA, Role.COORDINATOR, Role.CONSULTANT, Role.APHERESIS_NURSE,
            Role.CELL_THERAPY_LAB, Role.PHARMACIST, Role.WARD_NURSE};

    private final JdbcClient jdbc;
    private final ScanRecorder scans;
    private final CaseAccess access;
    private final ElectronicSignatures signatures;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;

    HardStopOverrides(JdbcClient jdbc, ScanRecorder scans, CaseAccess access, ElectronicSignatures signatures,
            CaseJourney journey, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.scans = scans;
        this.access = access;
        this.signatures = signatures;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
    }

    /** QA signs the override with a reason; it takes effect when a second person co-signs. */
    @Transactional
    public HardStopOverride request(Actor actor, UUID scanId, String reason, String password) {
        CaseAccess.requirePerson(actor, "Overriding a hard stop");
        Scan scan = hardStop(actor, scanId, Role.QA);
        access.lock(scan.caseId());
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw ProblemException.invalid("reason", "say why the stop may be overridden");
        }
        if (why.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        if (find(scanId).isPresent()) {
            throw Refusals.conflict("override-exists", "An override of this stop was already signed");
        }
        ElectronicSignature signature = signatures.sign(actor, password, Role.QA, SignatureMeaning.OVERRIDDEN,
                new SignedRecord("CustodyHardStop", scanId.toString(), signedContent(scan, why)), why);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into custody_override (id, scan_id, case_id, reason, qa_user_id, qa_name, qa_signature_id, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, scanId, scan.caseId().value(), why, UUID.fromString(actor.id()), actor.displayName(),
                        signature.id(), Timestamp.from(Instant.now(clock)))
                .update();
        audit.record(actor, "HARD_STOP_OVERRIDE_SIGNED", "CustodyScan", scanId.toString(), null,
                Map.of("overrideId", id.toString(), "signatureId", signature.id().toString()), why);
        return find(scanId).orElseThrow();
    }

    /** A second person co-signs QA's override; the stop is lifted and the case flagged. */
    @Transactional
    public HardStopOverride witness(Actor actor, UUID scanId, String password) {
        CaseAccess.requirePerson(actor, "Co-signing an override");
        Scan scan = hardStop(actor, scanId, CO_SIGNERS);
        access.lock(scan.caseId());
        HardStopOverride pending = find(scanId)
                .orElseThrow(() -> Refusals.rule("override-not-signed", "QA has not signed an override of this stop yet"));
        if (pending.isEffective()) {
            throw Refusals.conflict("override-exists", "This override is already co-signed");
        }
        if (pending.qaUserId().equals(actor.id())) {
            throw Refusals.rule("same-person", "You signed the override; a different person must co-sign it");
        }
        Role role = Arrays.stream(CO_SIGNERS).filter(actor::hasRole).findFirst().orElseThrow();
        ElectronicSignature signature = signatures.sign(actor, password, role, SignatureMeaning.WITNESSED,
                new SignedRecord("CustodyHardStop", scanId.toString(), signedContent(scan, pending.reason())), null);
        int updated = jdbc.sql("""
                update custody_override set second_user_id = ?, second_name = ?, second_signature_id = ?, effective_at = ?,
                    version = version + 1
                where id = ? and version = ? and effective_at is null""")
                .params(UUID.fromString(actor.id()), actor.displayName(), signature.id(), Timestamp.from(Instant.now(clock)),
                        pending.id(), pending.version())
                .update();
        if (updated != 1) {
            throw Refusals.conflict("stale-version", "The override changed meanwhile; reload it");
        }
        journey.note(actor, scan.caseId(), "IDENTITY_OVERRIDE", "Identity hard stop overridden by QA (" + pending.qaName()
                + "), co-signed by " + actor.displayName() + ". This case is flagged; the reason is on the custody record.");
        audit.record(actor, "HARD_STOP_OVERRIDDEN", "CustodyScan", scanId.toString(), null,
                Map.of("overrideId", pending.id().toString(), "signatureId", signature.id().toString()), null);
        return find(scanId).orElseThrow();
    }

    public Optional<HardStopOverride> find(UUID scanId) {
        return jdbc.sql("select * from custody_override where scan_id = ?").param(scanId)
                .query(HardStopOverrides::read).optional();
    }

    /**
     * The identity hard stops in force on the cases of the actor's treating centre, oldest first: QA's queue of stops
     * to review and the custody alerts page. For the centre's QA and coordinators.
     */
    @Transactional(readOnly = true)
    public List<OpenHardStop> openAt(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE || actor.organisationId() == null
                || !actor.hasAnyRole(Role.QA, Role.COORDINATOR)) {
            throw ProblemException.forbidden("Identity hard stops are reviewed by the treating centre's QA and coordinators");
        }
        DataScope scope = DataVisibility.clinicalScope(actor);
        return scope.bind(jdbc.sql("""
                select s.id, s.case_id, c.reference, c.patient_id, s.prompt, s.expected, s.detail, s.actor_name,
                    s.scanned_at, o.qa_name
                from custody_scan s
                join therapy_case c on c.id = s.case_id
                left join custody_override o on o.scan_id = s.id
                where %s and s.outcome = 'MISMATCH' and (o.id is null or o.effective_at is null)
                order by s.scanned_at, s.id""".formatted(scope.owns("c.treating_centre_id"))))
                .query((row, n) -> new OpenHardStop(row.getObject("id", UUID.class),
                        new CaseId(row.getObject("case_id", UUID.class)), row.getString("reference"),
                        row.getObject("patient_id", UUID.class), ScanPrompt.valueOf(row.getString("prompt")),
                        row.getString("expected"), row.getString("detail"), row.getString("actor_name"),
                        row.getTimestamp("scanned_at").toInstant(), row.getString("qa_name")))
                .list();
    }

    /** Every override on a case, signed or effective: the flag the case carries for ever. */
    public List<HardStopOverride> ofCase(CaseId caseId) {
        return jdbc.sql("select * from custody_override where case_id = ? order by requested_at")
                .param(caseId.value()).query(HardStopOverrides::read).list();
    }

    /** A recorded mismatch of a case the actor works on at the treating centre, in one of {@code roles}. */
    public Scan hardStop(Actor actor, UUID scanId, Role... roles) {
        Scan scan = scans.find(scanId).orElseThrow(() -> new NotFoundException("hard stop", scanId));
        access.centreStaff(actor, scan.caseId(), roles);
        if (!scan.isHardStop()) {
            throw new NotFoundException("hard stop", scanId);
        }
        return scan;
    }

    private static Map<String, Object> signedContent(Scan scan, String reason) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("scanId", scan.id().toString());
        content.put("caseId", scan.caseId().toString());
        content.put("expected", scan.expected());
        content.put("detail", scan.detail());
        content.put("reason", reason);
        return content;
    }

    private static HardStopOverride read(ResultSet row, int n) throws SQLException {
        Timestamp effective = row.getTimestamp("effective_at");
        return new HardStopOverride(row.getObject("id", UUID.class), row.getObject("scan_id", UUID.class),
                new CaseId(row.getObject("case_id", UUID.class)), row.getString("reason"), row.getString("qa_name"),
                row.getObject("qa_user_id", UUID.class).toString(), row.getTimestamp("requested_at").toInstant(),
                row.getString("second_name"), effective == null ? null : effective.toInstant(), row.getInt("version"));
    }
}
