package org.cartpath.referral;

import static org.cartpath.referral.ReferralRecords.ENTITY;
import static org.cartpath.referral.ReferralRecords.auditView;
import static org.cartpath.referral.ReferralRecords.requireReferringReferrer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.NewCase;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.referral.intake.AttachmentStore;
import org.cartpath.referral.intake.CheckedFile;
import org.cartpath.referral.intake.ReferralRoles;
import org.cartpath.referral.intake.ReferralStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral intake (ADR 0013): a referrer refers a patient to a treatment centre and adds letters and reports; the
 * referrals an organisation made or received, each with its case, messages and files; the centres one may refer to.
 * Triage is {@link ReferralTriage}'s, the centre's questions and the referrer's answers {@link ReferralMessages}'.
 * Every command runs in one transaction with the journey's and the patient module's calls it makes, so a refusal
 * anywhere writes nothing; every change is audited, last.
 *
 * <p>Scope: a referral exists only for the organisations that are parties to its case (the referring one,
 * the centre, later the panel), and never for manufacturers and couriers ("not found", never "forbidden").
 * Audit rows carry ids, codes and statuses but no patient identity and no free text (a file name or a
 * question may name the patient); the text lives in the referral's own tables.
 */
@Service
public class Referrals {

    private final ReferralRecords records;
    private final ReferralStore referrals;
    private final AttachmentStore attachments;
    private final PatientManagement patients;
    private final CaseJourney journey;
    private final Catalogue catalogue;
    private final OrganisationManagement organisations;
    private final AuditTrail audit;

    Referrals(ReferralRecords records, ReferralStore referrals, AttachmentStore attachments, PatientManagement patients,
            CaseJourney journey, Catalogue catalogue, OrganisationManagement organisations, AuditTrail audit) {
        this.records = records;
        this.referrals = referrals;
        this.attachments = attachments;
        this.patients = patients;
        this.journey = journey;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.audit = audit;
    }

    // --- referring -------------------------------------------------------------------------------------

    /**
     * Refers a patient: links or registers the patient, opens the case at Referred (409 {@code
     * case-already-open} if the patient has one), gives the centre access to the patient, stores the referral
     * and its files. The centre must be an active treatment centre other than the referrer's own (422
     * {@code not-a-treatment-centre}); the product's current label in the jurisdiction must cover the
     * indication (422 {@code not-in-catalogue}).
     */
    @Transactional
    public ReferralView refer(Actor actor, NewReferral command) {
        ReferralRoles.requireIdentityVisible(actor, null);
        ReferralRoles.requireReferrer(actor);
        NewReferralChecks fields = new NewReferralChecks();
        NewReferralChecks.Checked checked = fields.check(command);
        PatientId patientId = patient(actor, command, fields.problems());
        fields.throwIfAny();
        Organisation centre = centre(actor, command.centreId());
        catalogue.currentLabelVersion(checked.product(), checked.jurisdiction())
                .filter(v -> v.indication(checked.indication()).isPresent())
                .orElseThrow(() -> notLicensed(checked));
        List<CheckedFile> files = records.checkFiles(0, command.files());
        if (checked.diagnosis() != null) {
            recordDiagnosis(actor, patientId, new Diagnosis(checked.diagnosis(), checked.diagnosisDescription(),
                    command.diagnosedOn()));
        }
        TherapyCase opened = open(actor, patientId, centre, checked);
        patients.grantAccess(actor, patientId, centre.id(), "Referral to " + centre.name() + " (" + opened.reference() + ")");
        Instant now = records.now();
        Referral referral = new Referral(ReferralId.random(), opened.id(), patientId.value(), actor.organisationId(),
                centre.id(), actor.id(), actor.displayName(), checked.product().name(), checked.indication().name(),
                checked.jurisdiction().name(), checked.urgency(), checked.clinicalSummary(), ReferralStatus.SUBMITTED,
                null, 0, now, now);
        referrals.insert(referral);
        files.forEach(f -> attachments.insert(referral.id(), null, f, actor, now));
        Map<String, Object> after = auditView(referral);
        after.put("attachments", files.size());
        audit.record(actor, "REFERRAL_SUBMITTED", ENTITY, referral.id().toString(), null, after, null);
        return records.assemble(actor, referral, journey.get(actor, opened.id()));
    }

    /**
     * The refusal of a product its current label does not cover for the indication, in words a referrer acts on:
     * which products are licensed for it instead.
     */
    private ProblemException notLicensed(NewReferralChecks.Checked checked) {
        String product = catalogue.product(checked.product()).name();
        String where = "the " + checked.jurisdiction().name();
        List<String> licensed = catalogue.productsLicensedFor(checked.indication(), checked.jurisdiction()).stream()
                .map(org.cartpath.catalogue.Product::name).toList();
        return ProblemException.unprocessable("not-in-catalogue", product + " is not licensed for "
                + checked.indication().label() + " in " + where + ": "
                + (licensed.isEmpty() ? "no product is licensed for it there"
                        : "choose " + String.join(" or ", licensed)));
    }

    /**
     * The patient referred: one the referrer already sees, or the details linked or registered. The patient's
     * field problems join the referral's, so that all are reported at once.
     */
    private PatientId patient(Actor actor, NewReferral command, List<FieldProblem> problems) {
        if (command.existingPatient() != null) {
            return patients.get(actor, command.existingPatient(), "referral").id();
        }
        if (command.patient() == null) {
            return null;
        }
        try {
            return patients.findOrRegister(actor, command.patient(), "Referral by " + actor.organisationName())
                    .patient().id();
        } catch (ProblemException e) {
            if (e.status() != 400 || e.fieldProblems().isEmpty()) {
                throw e;
            }
            List<FieldProblem> prefixed = e.fieldProblems().stream()
                    .map(p -> new FieldProblem("patient." + p.field(), p.message())).toList();
            if (problems.isEmpty()) {
                throw new ProblemException(e.type(), e.status(), e.title(), e.detail(), prefixed, e.properties());
            }
            problems.addAll(prefixed);
            return null;
        }
    }

    private Organisation centre(Actor actor, String centreId) {
        Optional<Organisation> centre = organisations.directory().stream()
                .filter(o -> o.id().toString().equalsIgnoreCase(centreId.strip())).findFirst();
        if (centre.isEmpty() || centre.get().kind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.unprocessable("not-a-treatment-centre",
                    "centreId must be an active treatment centre; " + centreId.strip() + " is not one");
        }
        if (centre.get().id().equals(actor.organisationId())) {
            throw ProblemException.unprocessable("not-a-treatment-centre",
                    "A centre refers a patient to another treatment centre, not to itself");
        }
        return centre.get();
    }

    private void recordDiagnosis(Actor actor, PatientId patientId, Diagnosis diagnosis) {
        try {
            patients.record(actor, patientId, diagnosis);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            throw ProblemException.invalid(e.fieldProblems().stream().map(p -> new FieldProblem(switch (p.field()) {
                case "code" -> "diagnosisCode";
                case "description" -> "diagnosisDescription";
                default -> p.field();
            }, p.message())).toList());
        }
    }

    private TherapyCase open(Actor actor, PatientId patientId, Organisation centre, NewReferralChecks.Checked c) {
        try {
            return journey.open(actor, new NewCase(patientId.value(), actor.organisationId(), centre.id(),
                    c.product().name(), c.indication().name(), c.jurisdiction().name(), "Referred by "
                            + actor.organisationName() + " to " + centre.name() + " (" + c.urgency().label() + ")"));
        } catch (ProblemException e) {
            if (!"case-already-open".equals(e.type())) {
                throw e;
            }
            // name the open case only to an organisation that is already one of its parties
            String detail = journey.casesOfPatient(actor, patientId.value()).stream().filter(TherapyCase::isOpen)
                    .findFirst()
                    .map(open -> "This patient already has an open case, " + open.reference() + ", at stage '"
                            + open.stage().label() + "'. A new referral can be made once it has ended.")
                    .orElse("This patient already has an open CAR-T case at a treatment centre. Contact the centres "
                            + "to find it; a new referral can be made once it has ended.");
            throw new ProblemException("case-already-open", 409, "Conflict with the current state", detail,
                    List.of(new FieldProblem("patient", "already has an open case")), Map.of());
        }
    }

    // --- files -----------------------------------------------------------------------------------------

    /** Adds a letter or report to a referral: the referring organisation's referrers, until it is declined. */
    @Transactional
    public ReferralAttachment attach(Actor actor, ReferralId id, Upload upload) {
        Referral referral = records.visibleForUpdate(actor, id);
        requireReferringReferrer(actor, referral);
        referral.requireOpenForFiles();
        CheckedFile file = records.checkFiles(attachments.count(id), List.of(upload)).get(0);
        ReferralAttachment added = attachments.insert(id, null, file, actor, records.now());
        journey.note(actor, referral.caseId(), "REFERRAL_DOCUMENT_ADDED", "A document was added to the referral");
        audit.record(actor, "REFERRAL_ATTACHMENT_ADDED", ENTITY, id.toString(), null, attachmentAudit(added), null);
        return added;
    }

    // --- reading ---------------------------------------------------------------------------------------

    /** A referral with its case, messages and files; the read is logged with its purpose. */
    @Transactional
    public ReferralView get(Actor actor, ReferralId id, String purpose) {
        ReferralRoles.requireIdentityVisible(actor, id);
        ReferralRoles.requireReader(actor);
        Referral referral = referrals.find(id).orElseThrow(() -> new NotFoundException("referral", id));
        CaseView view = records.caseOf(actor, referral);
        audit.recordAccess(actor, ENTITY, id.toString(), purpose);
        return records.assemble(actor, referral, view);
    }

    /** The referral that opened a case, for the case page; empty when the actor may not see referrals. */
    @Transactional(readOnly = true)
    public Optional<ReferralView> ofCase(Actor actor, CaseView view) {
        if (!view.identityVisible() || ReferralRoles.READERS.stream().noneMatch(actor::hasRole)) {
            return Optional.empty();
        }
        return referrals.findByCase(view.therapyCase().id()).map(r -> records.assemble(actor, r, view));
    }

    /**
     * The referrals the actor's organisation made or received, newest first, with each case's stage. Only
     * clinical staff of organisations that see patients: for anyone else the list is empty or refused.
     */
    @Transactional(readOnly = true)
    public Page<ReferralSummary> list(Actor actor, ReferralStatus status, Page.Request request) {
        ReferralRoles.requireIdentityVisible(actor, null);
        ReferralRoles.requireReader(actor);
        Map<OrganisationId, String> names = records.names();
        List<ReferralSummary> items = referrals.ofOrganisation(DataVisibility.clinicalScope(actor), status, request.size(),
                request.offset()).stream().map(r -> {
                    TherapyCase c = journey.get(actor, r.caseId()).therapyCase();
                    Instant last = latest(r.updatedAt(), c.stageChangedAt(), referrals.lastMessageAt(r.id()).orElse(null));
                    return new ReferralSummary(r, c.reference(), c.stage(), names.get(r.referringOrganisation()),
                            names.get(r.centre()), last, referrals.unreadCount(r.id(), actor.organisationId()));
                }).toList();
        return new Page<>(items, request.page(), request.size(),
                referrals.countOfOrganisation(DataVisibility.clinicalScope(actor), status));
    }

    /** A file of a referral with its bytes; the download is logged. */
    @Transactional
    public AttachmentContent attachment(Actor actor, ReferralId id, UUID attachmentId) {
        ReferralRoles.requireIdentityVisible(actor, id);
        ReferralRoles.requireReader(actor);
        Referral referral = referrals.find(id).orElseThrow(() -> new NotFoundException("referral", id));
        records.caseOf(actor, referral);
        AttachmentContent content = attachments.find(id, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        audit.recordAccess(actor, "ReferralAttachment", attachmentId.toString(), "download");
        return content;
    }

    /** The active treatment centres the actor may refer to, those of the actor's own region first, then by name. */
    @Transactional(readOnly = true)
    public List<CentreChoice> centres(Actor actor) {
        // manufacturers, couriers and the administrator's organisation may have no region: then none comes first
        String region = organisations.directory().stream().filter(o -> o.id().equals(actor.organisationId()))
                .findFirst().map(Organisation::region).orElse(null);
        return organisations.directory().stream()
                .filter(o -> o.kind() == OrganisationKind.TREATMENT_CENTRE && !o.id().equals(actor.organisationId()))
                .map(o -> new CentreChoice(o.id(), o.name(), o.region(),
                        region != null && region.equalsIgnoreCase(o.region())))
                .sorted(java.util.Comparator.comparing((CentreChoice c) -> !c.inReferrersRegion())
                        .thenComparing(CentreChoice::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static Instant latest(Instant... instants) {
        Instant latest = null;
        for (Instant i : instants) {
            if (i != null && (latest == null || i.isAfter(latest))) {
                latest = i;
            }
        }
        return latest;
    }

    private static Map<String, Object> attachmentAudit(ReferralAttachment a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("attachmentId", a.id().toString());
        view.put("contentType", a.contentType());
        view.put("sizeBytes", a.sizeBytes());
        view.put("sha256", a.sha256());
        return view;
    }
}
