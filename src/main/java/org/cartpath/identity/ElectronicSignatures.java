package org.cartpath.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.internal.IdentityStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.CanonicalJson;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electronic signatures as a component for the modules that need them (panel decisions, releases,
 * identity checks, infusions).
 *
 * <ul>
 *   <li>21 CFR 11.200(a)(1): each signing re-authenticates the signer with their password, even within a
 *       session.</li>
 *   <li>21 CFR 11.50: the signature keeps the printed name, the date and time, and the meaning.</li>
 *   <li>21 CFR 11.70: the signature is linked to its record by a digest of the record's content, and the
 *       signature rows are append-only.</li>
 * </ul>
 * A refused signature (wrong password, a role the signer does not hold) is refused with a clear reason
 * and written to the audit trail even though the surrounding change is rolled back.
 */
@Service
public class ElectronicSignatures {

    private final JdbcClient jdbc;
    private final IdentityStore store;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final CanonicalJson json;
    private final Clock clock;

    ElectronicSignatures(JdbcClient jdbc, IdentityStore store, PasswordEncoder passwords, AuditTrail audit,
            JsonMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.json = new CanonicalJson(mapper);
        this.clock = clock;
    }

    /**
     * Signs a record. Call it before recording the change's own audit rows, in the transaction of the
     * change, so that signature and change commit together.
     *
     * @throws ProblemException 422 {@code signature-refused} if the password is wrong or the role not held
     */
    @Transactional
    public ElectronicSignature sign(Actor actor, String password, Role role, SignatureMeaning meaning,
            SignedRecord record, String reason) {
        if (!actor.isPerson()) {
            throw ProblemException.forbidden("Only a person can sign; system clients cannot apply signatures");
        }
        if (role == null || meaning == null || record == null) {
            throw ProblemException.invalid("signature", "role, meaning and record are required");
        }
        UserId signer = UserId.of(actor.id());
        IdentityStore.Credentials credentials = store.credentials(signer)
                .orElseThrow(() -> new NotFoundException("user", signer));
        if (password == null || password.isEmpty() || !passwords.matches(password, credentials.passwordHash())) {
            refuse(actor, role, meaning, record, "the password was not correct");
        }
        if (!credentials.account().enabled() || !credentials.account().roles().contains(role)) {
            refuse(actor, role, meaning, record, "the signer does not hold the role " + role.label());
        }
        ElectronicSignature signature = new ElectronicSignature(UUID.randomUUID(), signer,
                credentials.account().displayName(), role, meaning, credentials.account().organisationId(),
                record.type(), record.id(), json.digest(record.content()),
                reason == null || reason.isBlank() ? null : reason.trim(),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("""
                insert into electronic_signature (id, signer_id, printed_name, signer_role, meaning, organisation_id,
                    record_type, record_id, record_hash, reason, signed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(signature.id(), signer.value(), signature.printedName(), role.name(), meaning.name(),
                        signature.organisationId().value(), record.type(), record.id(), signature.recordHash(),
                        signature.reason(), Timestamp.from(signature.signedAt()))
                .update();
        audit.record(actor, "SIGNATURE_APPLIED", record.type(), record.id(), null, auditView(signature),
                signature.reason());
        return signature;
    }

    private void refuse(Actor actor, Role role, SignatureMeaning meaning, SignedRecord record, String why) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("role", role.name());
        attempt.put("meaning", meaning.name());
        attempt.put("why", why);
        audit.recordIndependently(actor, "SIGNATURE_REFUSED", record.type(), record.id(), attempt, why);
        throw ProblemException.unprocessable("signature-refused", "The signature was not applied: " + why + ".");
    }

    /** Whether the signature still matches the record as it is now. */
    public boolean verify(ElectronicSignature signature, SignedRecord current) {
        return signature.recordType().equals(current.type()) && signature.recordId().equals(current.id())
                && signature.recordHash().equals(json.digest(current.content()));
    }

    @Transactional(readOnly = true)
    public Optional<ElectronicSignature> find(UUID id) {
        return jdbc.sql("select * from electronic_signature where id = ?").param(id)
                .query((row, n) -> read(row)).optional();
    }

    @Transactional(readOnly = true)
    public List<ElectronicSignature> forRecord(String recordType, String recordId) {
        return jdbc.sql("select * from electronic_signature where record_type = ? and record_id = ? order by signed_at")
                .params(recordType, recordId)
                .query((row, n) -> read(row))
                .list();
    }

    private static ElectronicSignature read(java.sql.ResultSet row) throws java.sql.SQLException {
        return new ElectronicSignature(
                row.getObject("id", UUID.class),
                new UserId(row.getObject("signer_id", UUID.class)),
                row.getString("printed_name"),
                Role.valueOf(row.getString("signer_role")),
                SignatureMeaning.valueOf(row.getString("meaning")),
                new OrganisationId(row.getObject("organisation_id", UUID.class)),
                row.getString("record_type"),
                row.getString("record_id"),
                row.getString("record_hash"),
                row.getString("reason"),
                row.getTimestamp("signed_at").toInstant());
    }

    private static Map<String, Object> auditView(ElectronicSignature s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("signatureId", s.id().toString());
        view.put("printedName", s.printedName());
        view.put("role", s.role().name());
        view.put("meaning", s.meaning().name());
        view.put("recordHash", s.recordHash());
        view.put("signedAt", s.signedAt().toString());
        return view;
    }
}
