package org.cartpath.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.internal.IdentityStore;
import org.cartpath.identity.security.DisplayZone;
import org.cartpath.identity.security.SignInThrottle;
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
    private final SignInThrottle throttle;
    private final ZoneId zone;
    /** Unknown usernames cost the same hashing as known ones, as at sign-in. */
    private final String dummyHash;

    ElectronicSignatures(JdbcClient jdbc, IdentityStore store, PasswordEncoder passwords, AuditTrail audit,
            JsonMapper mapper, Clock clock, SignInThrottle throttle, DisplayZone zone) {
        this.jdbc = jdbc;
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.json = new CanonicalJson(mapper);
        this.clock = clock;
        this.throttle = throttle;
        this.zone = zone.zoneId();
        this.dummyHash = passwords.encode("not-a-real-password-" + System.nanoTime());
    }

    /**
     * Authenticates a second person who signs on a device where someone else is signed in: the witness of a check
     * at the patient (ADR 5 and ADR 16). Outside their own session the signer gives every
     * component of their signature, user name and password (21 CFR 11.200(a)(1)(ii)). It is treated as a sign-in:
     * an account paused by {@link SignInThrottle} is refused without counting, an unknown user name or a wrong
     * password counts as a failed sign-in towards the same pause, and a disabled account is refused. Each refusal
     * is audited (as {@code SIGNATURE_REFUSED}, by the person signed in on the device) even though the surrounding
     * change rolls back. Whether the witness may witness the record (a different person, the same organisation, the
     * right role) is the caller's rule.
     *
     * @param device  the person signed in on the device
     * @param address the device's network address, for the per-address limit
     * @param record  the record the witness is about to sign, for the audit of a refusal
     * @return the witness as an actor, to sign with {@link #sign} and to record the change
     * @throws ProblemException 400 if user name or password is blank; 422 {@code signature-refused} (field
     *                          {@code witnessPassword} or {@code witnessUsername}) otherwise
     */
    public Actor authenticateWitness(Actor device, String username, String password, String address,
            SignedRecord record) {
        String name = username == null ? "" : username.trim();
        List<ProblemException.FieldProblem> blank = new java.util.ArrayList<>();
        if (name.isEmpty()) {
            blank.add(new ProblemException.FieldProblem("witnessUsername", "Enter the witness's username"));
        }
        if (password == null || password.isEmpty()) {
            blank.add(new ProblemException.FieldProblem("witnessPassword", "Enter the witness's password"));
        }
        if (!blank.isEmpty()) {
            throw ProblemException.invalid(blank);
        }
        String from = address == null || address.isBlank() ? "unknown" : address;
        Optional<Instant> paused = throttle.pausedUntil(name, from);
        if (paused.isPresent()) {
            throw refuseWitness(device, name, record, "witnessPassword", "the account is paused after failed attempts",
                    "Too many failed attempts for this username. The witness can try again after "
                            + DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(paused.get()) + ".");
        }
        Optional<IdentityStore.Credentials> found = store.credentialsByUsername(name);
        boolean matches = passwords.matches(password, found.map(IdentityStore.Credentials::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches) {
            throttle.recordFailure(name, from);
            throw refuseWitness(device, name, record, "witnessPassword", found.isEmpty() ? "unknown username" : "wrong password",
                    "The witness's username or password is not correct");
        }
        IdentityStore.Credentials credentials = found.get();
        UserAccount account = credentials.account();
        if (!account.enabled() || !credentials.organisationActive()) {
            throttle.recordFailure(name, from);
            throw refuseWitness(device, name, record, "witnessUsername", "the account is disabled",
                    "The witness's account is disabled: they cannot sign");
        }
        throttle.recordSuccess(name, from);
        return new Actor(account.id().toString(), Actor.ActorType.PERSON, account.username(), account.displayName(),
                account.organisationId(), account.organisationName(), account.organisationKind(),
                credentials.organisationOperator(), account.roles());
    }

    /**
     * Audits a refused witness on a device independently of the failing change, and returns the refusal to throw:
     * 422 {@code signature-refused} with {@code message} on {@code field}. For the caller's own rules about who may
     * witness, too.
     */
    public ProblemException refuseWitness(Actor device, String username, SignedRecord record, String field, String why,
            String message) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("meaning", SignatureMeaning.WITNESSED.name());
        attempt.put("witnessUsername", username);
        attempt.put("onDeviceOf", device.id());
        attempt.put("why", why);
        audit.recordIndependently(device, "SIGNATURE_REFUSED", record.type(), record.id(), attempt, why);
        return new ProblemException("signature-refused", 422, "The request breaks a rule", message,
                List.of(new ProblemException.FieldProblem(field, message)), Map.of());
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
