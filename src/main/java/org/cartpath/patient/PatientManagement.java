package org.cartpath.patient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.patient.internal.ConsentFormStore;
import org.cartpath.patient.internal.EntryStore;
import org.cartpath.patient.internal.EntryStore.EntryLocation;
import org.cartpath.patient.internal.PatientRoles;
import org.cartpath.patient.internal.PatientStore;
import org.cartpath.patient.internal.PatientStore.StoredPatient;
import org.cartpath.patient.rules.ClinicalEntryRules;
import org.cartpath.patient.rules.PatientDetailsRules;
import org.cartpath.patient.rules.SignedFormChecks;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients: registration (one patient per NHS number), demographics with their history, the dated
 * clinical history, consent, and who may see each patient.
 *
 * <p>Every method checks scope: a patient exists only for organisations in its access list, and never for
 * manufacturers or couriers ("not found", never "forbidden"). Every read of a patient's record is logged
 * with its purpose; every change is audited in its own transaction. Audit rows carry ids, versions and
 * clinical values but no name, NHS number, date of birth or address: the operator's administrators read
 * the whole audit trail and gain no access to patient identity by it (docs/adr/0009-patient-records.md).
 */
@Service
public class PatientManagement {

    /** What {@link #findOrRegister} did: linked an existing patient, or registered a new one. */
    public record Registration(PatientRecord patient, boolean created) {
    }

    static final String ENTITY = "Patient";
    static final String DUPLICATE_MESSAGE =
            "A patient with this NHS number is already registered; refer them to link the record";

    /** The form field a problem with the signed consent form is reported against. */
    public static final String SIGNED_FORM_FIELD = "signedForm";

    private final PatientStore patients;
    private final EntryStore entries;
    private final ConsentFormStore consentForms;
    private final long consentFormMaxBytes;
    private final AuditTrail audit;
    private final OrganisationManagement organisations;
    private final Clock clock;
    private final ZoneId zone;

    PatientManagement(PatientStore patients, EntryStore entries, ConsentFormStore consentForms, AuditTrail audit,
            OrganisationManagement organisations, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone,
            @Value("${cartpath.patient.consent-form-max-bytes:10485760}") long consentFormMaxBytes) {
        this.patients = patients;
        this.entries = entries;
        this.consentForms = consentForms;
        this.consentFormMaxBytes = consentFormMaxBytes;
        this.audit = audit;
        this.organisations = organisations;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    // --- registration ----------------------------------------------------------------------------------

    /**
     * Registers a new patient for the actor's organisation. An NHS number (or local number) already
     * registered is a 409 {@code duplicate-patient} that says nothing about that patient, unless the actor
     * may already see them; the referral flow uses {@link #findOrRegister} instead.
     */
    @Transactional
    public PatientRecord register(Actor actor, PatientDetails details) {
        PatientRoles.requireIdentityVisible(actor, null);
        PatientRoles.requireEditor(actor);
        PatientDetails checked = check(details);
        existing(actor, checked).ifPresent(match -> {
            throw duplicate(actor, match);
        });
        PatientId id = insert(actor, checked, "Registered by " + actor.organisationName());
        return assemble(find(id));
    }

    /**
     * Links to the patient with this NHS number (or the actor's organisation's local number) and gives the
     * actor's organisation access for {@code reason}, or registers a new patient. Used when a referral is
     * made: the referral is the reason. Linking needs the date of birth to match the registered one, so that
     * a mistyped NHS number cannot attach a referral to someone else; a refused link is audited.
     */
    @Transactional
    public Registration findOrRegister(Actor actor, PatientDetails details, String reason) {
        PatientRoles.requireIdentityVisible(actor, null);
        PatientRoles.requireEditor(actor);
        PatientDetails checked = check(details);
        String why = requireReason("reason", reason);
        Optional<Match> existing = existing(actor, checked);
        if (existing.isEmpty()) {
            return new Registration(assemble(find(insert(actor, checked, why))), true);
        }
        StoredPatient patient = patients.findForUpdate(existing.get().id()).orElseThrow();
        if (!patient.demographics().dateOfBirth().equals(checked.dateOfBirth())) {
            audit.recordIndependently(actor, "PATIENT_LINK_REFUSED", ENTITY, patient.id().toString(),
                    Map.of("why", "date of birth differs"), why);
            throw ProblemException.conflict("patient-details-mismatch", "A patient with this "
                    + (existing.get().byNhsNumber() ? "NHS number" : "local hospital number")
                    + " is registered with a different date of birth. Check the number and the date of birth.");
        }
        if (patients.grant(patient.id(), actor.organisationId(), why, actor, now())) {
            audit.record(actor, "PATIENT_LINKED", ENTITY, patient.id().toString(), null,
                    Map.of("organisationId", actor.organisationId().toString()), why);
        }
        audit.recordAccess(actor, ENTITY, patient.id().toString(), "linked to a referral");
        return new Registration(assemble(patient), false);
    }

    private PatientId insert(Actor actor, PatientDetails details, String accessReason) {
        PatientId id = PatientId.random();
        Instant now = now();
        Demographics first = demographics(0, details, null, actor, now, null);
        try {
            patients.insert(id, first, actor);
        } catch (DuplicateKeyException e) {
            // registered by someone else since this request looked
            throw ProblemException.conflict("duplicate-patient", DUPLICATE_MESSAGE);
        }
        patients.grant(id, actor.organisationId(), accessReason, actor, now);
        audit.record(actor, "PATIENT_REGISTERED", ENTITY, id.toString(), null, DemographicsAudit.view(first), null);
        return id;
    }

    /** A registered patient with one of the identifiers given, and which one matched. */
    private record Match(PatientId id, boolean byNhsNumber) {
    }

    private Optional<Match> existing(Actor actor, PatientDetails details) {
        Optional<Match> byNhs = details.nhsNumber() == null ? Optional.empty()
                : patients.idByNhsNumber(NhsNumber.parse(details.nhsNumber())).map(id -> new Match(id, true));
        if (byNhs.isPresent() || details.localHospitalNumber() == null) {
            return byNhs;
        }
        return patients.idByLocalNumber(actor.organisationId(), details.localHospitalNumber())
                .map(id -> new Match(id, false));
    }

    /** 409 naming the identifier the caller gave; the patient's id only for an actor who may see them. */
    private ProblemException duplicate(Actor actor, Match existing) {
        boolean visible = seesFully(actor, existing.id());
        FieldProblem problem = existing.byNhsNumber()
                ? new FieldProblem(NhsNumber.FIELD, "is already registered for a patient; refer them to link the record")
                : new FieldProblem("localHospitalNumber", "is already registered for a patient at your organisation");
        String detail = existing.byNhsNumber() ? DUPLICATE_MESSAGE
                : "A patient with this local hospital number is already registered at your organisation";
        return new ProblemException("duplicate-patient", 409, "Patient already registered", detail, List.of(problem),
                visible ? Map.of("patientId", existing.id().toString()) : Map.of());
    }

    // --- reading ---------------------------------------------------------------------------------------

    /** The whole record of a patient the actor may see; the read is logged with its purpose. */
    @Transactional
    public PatientRecord get(Actor actor, PatientId id, String purpose) {
        StoredPatient patient = visible(actor, id);
        audit.recordAccess(actor, ENTITY, id.toString(), purpose);
        return assemble(patient);
    }

    /**
     * The clinical state of a patient as of a date (today, where the clinic is, when null), for eligibility;
     * the read is logged with its purpose.
     */
    @Transactional
    public ClinicalSnapshot snapshot(Actor actor, PatientId id, LocalDate asOf, String purpose) {
        return get(actor, id, purpose).snapshotAsOf(asOf == null ? today() : asOf);
    }

    /** One kind of entry of a patient's history, newest first, voided ones included; the read is logged. */
    @Transactional
    public <T extends ClinicalDetails> List<Entry<T>> entries(Actor actor, PatientId id, EntryKind kind, String purpose) {
        visible(actor, id);
        audit.recordAccess(actor, ENTITY, id.toString(), purpose);
        return entries.list(id, kind);
    }

    /** One entry of a patient's history, by id; the read is logged. */
    @Transactional
    public Entry<?> entry(Actor actor, PatientId id, UUID entryId, String purpose) {
        visible(actor, id);
        EntryLocation location = entries.locate(entryId).filter(l -> l.patientId().equals(id))
                .orElseThrow(() -> new NotFoundException("entry", entryId));
        audit.recordAccess(actor, ENTITY, id.toString(), purpose);
        return entry(location);
    }

    /**
     * Whether {@link #search} answers this actor rather than refusing it: clinical staff of an organisation that sees
     * patient identity. Callers inside their own transaction ask this first instead of catching the refusal, which
     * would leave their transaction rollback-only.
     */
    public boolean maySearch(Actor actor) {
        return actor.organisationId() != null && actor.organisationKind() != null
                && actor.organisationKind().seesPatientIdentity()
                && PatientRoles.READERS.stream().anyMatch(actor::hasRole);
    }

    /**
     * Patients the actor's organisation may see, found by NHS number or by name (each word starts the given
     * or family name), or all of them. Each patient listed is logged as read, with purpose "search".
     */
    @Transactional
    public Page<PatientSummary> search(Actor actor, String nhsNumber, String name, Page.Request request) {
        PatientRoles.requireIdentityVisible(actor, null);
        PatientRoles.requireReader(actor);
        NhsNumber number = nhsNumber == null || nhsNumber.isBlank() ? null : NhsNumber.parse(nhsNumber);
        String words = name == null || name.isBlank() ? null : name.strip();
        if (words != null && (words.length() < 2 || words.length() > 100)) {
            throw ProblemException.invalid("name", "must be 2 to 100 characters");
        }
        Page<PatientSummary> found = patients.search(DataVisibility.clinicalScope(actor), number, words, request);
        found.items().forEach(p -> audit.recordAccess(actor, ENTITY, p.id().toString(), "search"));
        return found;
    }

    /**
     * The names and NHS numbers of the patients a list shows beside their case references (work queues, worklists):
     * only patients the actor's organisation sees fully, and none for an organisation or role that does not read
     * patient records. It checks and never refuses, so a list shows a case without a name rather than fail. Each
     * patient named is logged as read with {@code purpose}.
     */
    @Transactional
    public Map<PatientId, PatientSummary> listed(Actor actor, Collection<PatientId> ids, String purpose) {
        if (actor.organisationId() == null || actor.organisationKind() == null
                || !actor.organisationKind().seesPatientIdentity()
                || PatientRoles.READERS.stream().noneMatch(actor::hasRole)) {
            return Map.of();
        }
        Map<PatientId, PatientSummary> named = new LinkedHashMap<>();
        for (PatientId id : new LinkedHashSet<>(ids)) {
            patients.find(id).filter(p -> seesFully(actor, p.id())).ifPresent(p -> {
                named.put(id, PatientSummary.of(id, p.demographics()));
                audit.recordAccess(actor, ENTITY, id.toString(), purpose);
            });
        }
        return named;
    }

    // --- changes ---------------------------------------------------------------------------------------

    /**
     * Corrects demographics: the next version, kept with the ones before. {@code expectedVersion} is the
     * version the change was made from (a stale one is 409). An unchanged submission changes nothing. A new
     * local hospital number belongs to the actor's organisation.
     */
    @Transactional
    public PatientRecord changeDemographics(Actor actor, PatientId id, PatientDetails details, int expectedVersion,
            String reason) {
        PatientRoles.requireIdentityVisible(actor, id);
        PatientRoles.requireEditor(actor);
        StoredPatient before = patients.findForUpdate(id).filter(p -> seesFully(actor, p.id()))
                .orElseThrow(() -> new NotFoundException("patient", id));
        PatientDetails checked = check(details);
        Demographics current = before.demographics();
        if (current.version() != expectedVersion) {
            throw ProblemException.conflict("stale-version", "This patient's details were changed by someone else "
                    + "(now version " + current.version() + "). Reload them and make your change again.");
        }
        OrganisationId issuer = checked.localHospitalNumber() == null ? null
                : checked.localHospitalNumber().equalsIgnoreCase(Objects.toString(current.localHospitalNumber(), ""))
                        ? current.localNumberIssuer() : actor.organisationId();
        Demographics next = demographics(current.version() + 1, checked, issuer, actor, now(), text(reason));
        if (DemographicsAudit.changedFields(current, next).isEmpty()) {
            return assemble(before);
        }
        if (next.nhsNumber() != null && !next.nhsNumber().equals(current.nhsNumber())
                && patients.idByNhsNumber(next.nhsNumber()).isPresent()) {
            throw duplicate(actor, new Match(patients.idByNhsNumber(next.nhsNumber()).get(), true));
        }
        try {
            if (!patients.update(id, next, actor)) {
                throw ProblemException.conflict("stale-version", "This patient's details were changed by someone else");
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("duplicate-patient",
                    "A patient with this NHS number or local hospital number is already registered");
        }
        Map<String, Object> after = DemographicsAudit.view(next);
        after.put("changed", DemographicsAudit.changedFields(current, next));
        audit.record(actor, "DEMOGRAPHICS_CHANGED", ENTITY, id.toString(), DemographicsAudit.view(current), after,
                next.reason());
        return assemble(patients.find(id).orElseThrow());
    }

    /**
     * What {@link #changeDemographics} or {@link #register} would refuse in these details, without storing anything:
     * for callers inside their own transaction (the HL7 interface), which must check first rather than catch the
     * refusal.
     */
    public List<FieldProblem> problemsInDemographics(PatientDetails details) {
        return PatientDetailsRules.problemsIn(PatientDetailsRules.normalise(Objects.requireNonNull(details, "details")),
                today());
    }

    /**
     * Adds an entry to a patient's clinical history, checked against its rules (ranges, dates not in the
     * future nor before birth, the performance scale for the patient's age).
     */
    @Transactional
    public <T extends ClinicalDetails> Entry<T> record(Actor actor, PatientId id, T details) {
        Objects.requireNonNull(details, "details");
        PatientRoles.requireIdentityVisible(actor, id);
        PatientRoles.requireRecorder(actor, details.kind());
        StoredPatient patient = visible(actor, id);
        List<FieldProblem> problems = ClinicalEntryRules.problemsIn(details, patient.demographics().dateOfBirth(), today());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return insertEntry(actor, id, details);
    }

    /**
     * What {@link #record} would refuse in an entry, without recording anything: the same rules, for a form that
     * must show every problem at once even when one of its fields could not be read at all.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> problemsIn(Actor actor, PatientId id, ClinicalDetails details) {
        Objects.requireNonNull(details, "details");
        PatientRoles.requireIdentityVisible(actor, id);
        PatientRoles.requireRecorder(actor, details.kind());
        StoredPatient patient = visible(actor, id);
        return ClinicalEntryRules.problemsIn(details, patient.demographics().dateOfBirth(), today());
    }

    /**
     * Records a consent as {@link #record} does, with the signed form attached when one is given (a PDF, PNG or
     * JPEG of at most {@code cartpath.patient.consent-form-max-bytes}). The consent and the form are checked
     * together, so that every problem is reported at once and nothing is stored when any is found; the problem
     * with the form is reported against {@value #SIGNED_FORM_FIELD}.
     */
    @Transactional
    public Entry<Consent> recordConsent(Actor actor, PatientId id, Consent consent, SignedFormUpload signedForm) {
        Objects.requireNonNull(consent, "consent");
        PatientRoles.requireIdentityVisible(actor, id);
        PatientRoles.requireRecorder(actor, EntryKind.CONSENT);
        StoredPatient patient = visible(actor, id);
        List<FieldProblem> problems = new java.util.ArrayList<>(
                ClinicalEntryRules.problemsIn(consent, patient.demographics().dateOfBirth(), today()));
        if (signedForm != null) {
            SignedFormChecks.problemWith(signedForm, consentFormMaxBytes, SIGNED_FORM_FIELD).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Entry<Consent> recorded = insertEntry(actor, id, consent);
        if (signedForm != null) {
            ConsentForm form = consentForms.insert(id, recorded.id(), SignedFormChecks.checked(signedForm), actor, now());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("entryId", recorded.id().toString());
            after.put("formId", form.id().toString());
            after.put("contentType", form.contentType());
            after.put("sizeBytes", form.sizeBytes());
            after.put("sha256", form.sha256());
            audit.record(actor, "CONSENT_FORM_ATTACHED", ENTITY, id.toString(), null, after, null);
        }
        return recorded;
    }

    /** The signed consent forms on a patient's record, described without their content (who may see the patient). */
    @Transactional(readOnly = true)
    public List<ConsentForm> consentForms(Actor actor, PatientId id) {
        visible(actor, id);
        return consentForms.list(id);
    }

    /** The signed form of one consent entry, with its bytes; the read is logged. */
    @Transactional
    public ConsentFormContent consentForm(Actor actor, PatientId id, UUID consentId) {
        visible(actor, id);
        ConsentFormContent content = consentForms.find(id, consentId)
                .orElseThrow(() -> new NotFoundException("consent form", consentId));
        audit.recordAccess(actor, ENTITY, id.toString(), "signed consent form");
        return content;
    }

    /** The largest signed consent form accepted, in bytes. */
    public long consentFormMaxBytes() {
        return consentFormMaxBytes;
    }

    private <T extends ClinicalDetails> Entry<T> insertEntry(Actor actor, PatientId id, T details) {
        UUID entryId = entries.insert(id, details, actor, now());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("entryId", entryId.toString());
        after.put("details", details);
        audit.record(actor, details.kind().recordedAction(), ENTITY, id.toString(), null, after, null);
        return entry(new EntryLocation(entryId, id, details.kind(), actor.organisationId()));
    }

    /**
     * Voids a wrongly entered entry with a reason. The entry stays in the history, marked, and counts for
     * nothing. Only the organisation that recorded an entry may void it, and only once.
     */
    @Transactional
    public Entry<?> voidEntry(Actor actor, PatientId id, UUID entryId, String reason) {
        PatientRoles.requireIdentityVisible(actor, id);
        visible(actor, id);
        EntryLocation location = entries.locate(entryId).filter(l -> l.patientId().equals(id))
                .orElseThrow(() -> new NotFoundException("entry", entryId));
        PatientRoles.requireRecorder(actor, location.kind());
        String why = requireReason("reason", reason);
        if (!location.recordedBy().equals(actor.organisationId())) {
            throw ProblemException.forbidden("Only the organisation that recorded this entry can void it");
        }
        if (!entries.voidEntry(location, why, actor, now())) {
            throw ProblemException.conflict("already-voided", "This entry was already voided");
        }
        audit.record(actor, "ENTRY_VOIDED", ENTITY, id.toString(), null,
                Map.of("entryId", entryId.toString(), "kind", location.kind().name()), why);
        return entry(location);
    }

    /**
     * Gives another organisation access to a patient for a reason (a referral sent to a treatment centre,
     * a case put to the national panel). Manufacturers and couriers are never given access: they know the
     * patient only by the chain-of-identity identifier. Granting the same access again changes nothing.
     */
    @Transactional
    public void grantAccess(Actor actor, PatientId id, OrganisationId organisationId, String reason) {
        if (actor.type() != Actor.ActorType.INTERNAL) {
            PatientRoles.requireIdentityVisible(actor, id);
            visible(actor, id);
        } else if (patients.find(id).isEmpty()) {
            throw new NotFoundException("patient", id);
        }
        String why = requireReason("reason", reason);
        Organisation organisation = organisations.directory().stream()
                .filter(o -> o.id().equals(organisationId)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("organisationId", "no such organisation"));
        if (!organisation.kind().seesPatientIdentity()) {
            throw ProblemException.unprocessable("identity-not-shared",
                    "Manufacturers and couriers are never given access to a patient's record");
        }
        if (patients.grant(id, organisationId, why, actor, now())) {
            audit.record(actor, "PATIENT_ACCESS_GRANTED", ENTITY, id.toString(), null,
                    Map.of("organisationId", organisationId.toString()), why);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** The patient, if the actor's organisation is one of its parties and may see patient identity; else 404. */
    private StoredPatient visible(Actor actor, PatientId id) {
        PatientRoles.requireIdentityVisible(actor, id);
        PatientRoles.requireReader(actor);
        return patients.find(id).filter(p -> seesFully(actor, p.id()))
                .orElseThrow(() -> new NotFoundException("patient", id));
    }

    private boolean seesFully(Actor actor, PatientId id) {
        return DataVisibility.ofClinicalRecord(actor, patients.parties(id)) == DataVisibility.Level.FULL;
    }

    private StoredPatient find(PatientId id) {
        return patients.find(id).orElseThrow(() -> new NotFoundException("patient", id));
    }

    private <T extends ClinicalDetails> Entry<T> entry(EntryLocation location) {
        return entries.<T>find(location).orElseThrow(() -> new NotFoundException("entry", location.id()));
    }

    private PatientRecord assemble(StoredPatient p) {
        PatientId id = p.id();
        return new PatientRecord(id, p.demographics(), p.registeredByName(), p.registeredAt(), patients.history(id),
                entries.list(id, EntryKind.MEASUREMENT), entries.list(id, EntryKind.DIAGNOSIS),
                entries.list(id, EntryKind.DISEASE_STATUS), entries.list(id, EntryKind.THERAPY_LINE),
                entries.list(id, EntryKind.TRANSPLANT), entries.list(id, EntryKind.ANTIGEN_STATUS),
                entries.list(id, EntryKind.CNS_STATUS), entries.list(id, EntryKind.PERFORMANCE_STATUS),
                entries.list(id, EntryKind.ORGAN_FUNCTION), entries.list(id, EntryKind.CONSENT));
    }

    private PatientDetails check(PatientDetails details) {
        PatientDetails normalised = PatientDetailsRules.normalise(Objects.requireNonNull(details, "details"));
        List<FieldProblem> problems = PatientDetailsRules.problemsIn(normalised, today());
        if (problems.size() == 1 && problems.get(0).field().equals(NhsNumber.FIELD)
                && normalised.nhsNumber() != null) {
            throw new InvalidNhsNumberException(NhsNumber.FIELD, problems.get(0).message());
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return normalised;
    }

    private static Demographics demographics(int version, PatientDetails d, OrganisationId issuer, Actor actor,
            Instant at, String reason) {
        OrganisationId localIssuer = d.localHospitalNumber() == null ? null
                : issuer != null ? issuer : actor.organisationId();
        return new Demographics(version, d.nhsNumber() == null ? null : NhsNumber.parse(d.nhsNumber()),
                d.localHospitalNumber(), localIssuer, null, d.givenName(), d.familyName(), d.dateOfBirth(), d.sex(),
                d.address(), at, actor.displayName(), actor.organisationName(), reason);
    }

    private static String requireReason(String field, String reason) {
        String why = text(reason);
        if (why == null) {
            throw ProblemException.invalid(field, "is required");
        }
        if (why.length() > 500) {
            throw ProblemException.invalid(field, "must be 500 characters or fewer");
        }
        return why;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Today's date where the clinic is (Europe/London unless configured otherwise). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
