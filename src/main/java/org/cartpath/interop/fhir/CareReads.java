package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.cartpath.audit.AuditLog;
import org.cartpath.custody.CellProduct;
import org.cartpath.custody.ChainOfCustody;
import org.cartpath.custody.CustodyRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.patient.PatientId;
import org.cartpath.referral.ReferralId;
import org.cartpath.referral.Referrals;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.treatment.Infusions;
import org.cartpath.treatment.Lymphodepletion;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the providers of the journey, collection, treatment, custody and audit resources read (ADR 0034), always
 * through the owning module's public service with the request's actor, as {@link FhirReads} does: a record of another
 * organisation is "not found", and the modules' role checks stand. Every resource here but {@code Provenance} names the
 * patient, so it is given only to an actor who sees the case in full ({@link CaseView#identityVisible()}); a
 * manufacturer or courier gets 404, as for the Patient. No transaction of its own: each service call is its own, so a
 * refusal of one (a role that may not see treatment records, say) ends only that call, and a patient-wide list leaves
 * out what the actor may not see rather than failing.
 */
@Component
class CareReads {

    private final FhirReads reads;
    private final CaseJourney journey;
    private final Referrals referrals;
    private final ChainOfCustody custody;
    private final Infusions infusions;
    private final Lymphodepletion lymphodepletion;
    private final ToxicityTreatment toxicity;
    private final AuditLog audit;
    private final ZoneId zone;

    CareReads(FhirReads reads, CaseJourney journey, Referrals referrals, ChainOfCustody custody, Infusions infusions,
            Lymphodepletion lymphodepletion, ToxicityTreatment toxicity, AuditLog audit,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.reads = reads;
        this.journey = journey;
        this.referrals = referrals;
        this.custody = custody;
        this.infusions = infusions;
        this.lymphodepletion = lymphodepletion;
        this.toxicity = toxicity;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    /** The cases of a visible patient (404 when the patient is not), each as the actor sees it in full. */
    private List<TherapyCase> cases(Actor actor, PatientId patientId) {
        reads.patient(actor, patientId);
        return reads.cases(actor, patientId);
    }

    /** The case, for an actor who sees it in full; 404 for anyone else (a manufacturer, another centre). */
    private CaseView fullCase(Actor actor, UUID caseId, String asked) {
        CaseView view = journey.find(actor, new CaseId(caseId)).orElse(null);
        if (view == null || !view.identityVisible()) {
            throw new ResourceNotFoundException(asked + " is not known");
        }
        return view;
    }

    /** What {@code read} gives, or nothing when the module refuses the actor (403 for its role, 404 outside it). */
    private static <T> List<T> ifAllowed(Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (ProblemException e) {
            if (e.status() == 403 || e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    // --- by patient: the patient must be visible (404 otherwise); $everything passes the cases it already read ---

    /** The patient's cases the actor sees in full, for $everything, which has already read the patient. */
    List<TherapyCase> casesOf(Actor actor, PatientId patientId) {
        return reads.cases(actor, patientId);
    }

    List<ServiceRequest> referrals(Actor actor, PatientId patientId) {
        return referrals(actor, cases(actor, patientId));
    }

    List<CarePlan> carePlans(Actor actor, PatientId patientId) {
        return carePlans(actor, cases(actor, patientId));
    }

    List<Task> tasks(Actor actor, PatientId patientId) {
        return tasks(actor, cases(actor, patientId));
    }

    List<Specimen> specimens(Actor actor, PatientId patientId) {
        return specimens(actor, cases(actor, patientId));
    }

    List<Procedure> procedures(Actor actor, PatientId patientId) {
        return procedures(actor, cases(actor, patientId));
    }

    List<MedicationAdministration> administrations(Actor actor, PatientId patientId) {
        return administrations(actor, cases(actor, patientId));
    }

    List<Provenance> provenanceOfPatient(Actor actor, PatientId patientId) {
        return provenanceOfPatient(actor, cases(actor, patientId));
    }

    // --- ServiceRequest, CarePlan, Task -------------------------------------------------------------------------

    List<ServiceRequest> referrals(Actor actor, List<TherapyCase> cases) {
        List<ServiceRequest> found = new ArrayList<>();
        for (TherapyCase c : cases) {
            CaseView view = journey.get(actor, c.id());
            referrals.ofCase(actor, view).ifPresent(r -> found.add(CareResources.referral(r)));
        }
        return found;
    }

    ServiceRequest referral(Actor actor, UUID id) {
        return CareResources.referral(referrals.get(actor, new ReferralId(id), FhirReads.PURPOSE));
    }

    List<CarePlan> carePlans(Actor actor, List<TherapyCase> cases) {
        return cases.stream().map(c -> carePlan(actor, journey.get(actor, c.id()))).toList();
    }

    CarePlan carePlan(Actor actor, UUID caseId) {
        return carePlan(actor, fullCase(actor, caseId, "CarePlan/" + caseId));
    }

    private CarePlan carePlan(Actor actor, CaseView view) {
        TherapyCase c = view.therapyCase();
        List<CaseTask> tasks = journey.tasks(actor, c.id()).stream().sorted(CareResources.TASK_ORDER).toList();
        Optional<UUID> referral = ifAllowed(() -> referrals.ofCase(actor, view).stream().toList()).stream()
                .findFirst().map(r -> r.referral().id().value());
        return CareResources.carePlan(c, tasks, referral);
    }

    List<Task> tasks(Actor actor, List<TherapyCase> cases) {
        List<Task> found = new ArrayList<>();
        for (TherapyCase c : cases) {
            journey.tasks(actor, c.id()).stream().sorted(CareResources.TASK_ORDER)
                    .forEach(t -> found.add(CareResources.task(c, t)));
        }
        return found;
    }

    Task task(Actor actor, UUID caseId, UUID taskId, String asked) {
        CaseView view = fullCase(actor, caseId, asked);
        return journey.tasks(actor, view.therapyCase().id()).stream().filter(t -> t.id().equals(taskId)).findFirst()
                .map(t -> CareResources.task(view.therapyCase(), t))
                .orElseThrow(() -> new ResourceNotFoundException(asked + " is not known"));
    }

    // --- Specimen and Procedure: the collection and the infusion ------------------------------------------------

    /** The collection bags of the patient's cases, each with when its cells were collected (its labelling). */
    private List<Collected> collections(Actor actor, List<TherapyCase> cases) {
        List<Collected> found = new ArrayList<>();
        for (TherapyCase c : cases) {
            for (CellProduct bag : custody.cellProducts(actor, c.id())) {
                if (bag.kind() == CellProduct.Kind.COLLECTION_BAG) {
                    found.add(new Collected(bag, c.patientId(), collectedAt(actor, bag)));
                }
            }
        }
        return found;
    }

    private record Collected(CellProduct bag, UUID patientId, Instant at) {
    }

    private Instant collectedAt(Actor actor, CellProduct bag) {
        return custody.custodyLog(actor, bag.id()).stream().filter(s -> "LABELLED".equals(s.type())).findFirst()
                .map(CustodyRecord::occurredAt).orElse(null);
    }

    /** One collection bag, for an actor who sees its case in full; 404 for anyone else and for a product bag. */
    private Collected collection(Actor actor, UUID bagId, String asked) {
        CellProduct bag;
        try {
            bag = custody.cellProduct(actor, bagId);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw new ResourceNotFoundException(asked + " is not known");
            }
            throw e;
        }
        if (bag.kind() != CellProduct.Kind.COLLECTION_BAG) {
            throw new ResourceNotFoundException(asked + " is not known");
        }
        CaseView view = fullCase(actor, bag.caseId().value(), asked);
        return new Collected(bag, view.therapyCase().patientId(), collectedAt(actor, bag));
    }

    List<Specimen> specimens(Actor actor, List<TherapyCase> cases) {
        return collections(actor, cases).stream().map(c -> TreatmentResources.specimen(c.bag(), c.patientId(), c.at()))
                .toList();
    }

    Specimen specimen(Actor actor, UUID bagId, String asked) {
        Collected c = collection(actor, bagId, asked);
        return TreatmentResources.specimen(c.bag(), c.patientId(), c.at());
    }

    /** The apheresis collections and the infusions of the patient's cases, oldest first. */
    List<Procedure> procedures(Actor actor, List<TherapyCase> cases) {
        List<Procedure> found = new ArrayList<>();
        collections(actor, cases).forEach(c -> found.add(TreatmentResources.apheresis(c.bag(), c.patientId(), c.at())));
        for (TherapyCase c : cases) {
            ifAllowed(() -> infusions.infusion(actor, c.id()).stream().toList())
                    .forEach(i -> found.add(TreatmentResources.infusion(i, c.patientId(), c.productCode())));
        }
        return found;
    }

    Procedure apheresis(Actor actor, UUID bagId, String asked) {
        Collected c = collection(actor, bagId, asked);
        return TreatmentResources.apheresis(c.bag(), c.patientId(), c.at());
    }

    Procedure infusion(Actor actor, UUID caseId, String asked) {
        CaseView view = fullCase(actor, caseId, asked);
        return infusions.infusion(actor, view.therapyCase().id())
                .map(i -> TreatmentResources.infusion(i, view.therapyCase().patientId(), view.therapyCase().productCode()))
                .orElseThrow(() -> new ResourceNotFoundException(asked + " is not known"));
    }

    // --- MedicationAdministration --------------------------------------------------------------------------------

    /** The lymphodepletion doses and tocilizumab doses of the patient's cases, for the treating centre's staff. */
    List<MedicationAdministration> administrations(Actor actor, List<TherapyCase> cases) {
        List<MedicationAdministration> found = new ArrayList<>();
        for (TherapyCase c : cases) {
            ifAllowed(() -> lymphodepletion.administrations(actor, c.id())).forEach(a -> found.add(
                    TreatmentResources.lymphodepletion(c.id().value(), c.patientId(), a)));
            ifAllowed(() -> toxicity.tocilizumab(actor, c.id()).doses()).forEach(d -> found.add(
                    TreatmentResources.tocilizumab(c.id().value(), c.patientId(), d)));
        }
        return found;
    }

    MedicationAdministration lymphodepletionDose(Actor actor, UUID caseId, UUID id, String asked) {
        CaseView view = fullCase(actor, caseId, asked);
        return lymphodepletion.administrations(actor, view.therapyCase().id()).stream().filter(a -> a.id().equals(id))
                .findFirst().map(a -> TreatmentResources.lymphodepletion(caseId, view.therapyCase().patientId(), a))
                .orElseThrow(() -> new ResourceNotFoundException(asked + " is not known"));
    }

    MedicationAdministration tocilizumabDose(Actor actor, UUID caseId, UUID id, String asked) {
        CaseView view = fullCase(actor, caseId, asked);
        return toxicity.tocilizumab(actor, view.therapyCase().id()).doses().stream().filter(d -> d.id().equals(id))
                .findFirst().map(d -> TreatmentResources.tocilizumab(caseId, view.therapyCase().patientId(), d))
                .orElseThrow(() -> new ResourceNotFoundException(asked + " is not known"));
    }

    // --- Provenance ----------------------------------------------------------------------------------------------

    /** The custody log of one bag, for any party of its case (a manufacturer or courier too: it names nobody). */
    List<Provenance> provenance(Actor actor, UUID bagId) {
        return custody.custodyLog(actor, bagId).stream().map(Provenances::toFhir).toList();
    }

    /** The custody logs of the bags of the patient's cases, for those who see the patient. */
    List<Provenance> provenanceOfPatient(Actor actor, List<TherapyCase> cases) {
        List<Provenance> found = new ArrayList<>();
        for (TherapyCase c : cases) {
            for (CellProduct bag : custody.cellProducts(actor, c.id())) {
                found.addAll(provenance(actor, bag.id()));
            }
        }
        return found;
    }

    Provenance provenanceStep(Actor actor, Provenances.Parsed parsed, String asked) {
        return custody.custodyLog(actor, parsed.itemId()).stream().filter(s -> s.version() == parsed.version())
                .findFirst().map(Provenances::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(asked + " is not known"));
    }

    // --- AuditEvent ----------------------------------------------------------------------------------------------

    /**
     * Whether the actor may read AuditEvents at all (ADR 0034): an auditor or administrator of a treatment centre.
     * The token's scope (system/AuditEvent.read or system/*.read) is checked by {@link FhirScopes} before.
     */
    static boolean readsAudit(Actor actor) {
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                && actor.hasAnyRole(Role.AUDITOR, Role.ADMINISTRATOR);
    }

    private static void requireAuditReader(Actor actor) {
        if (!readsAudit(actor)) {
            throw new ForbiddenOperationException("AuditEvent resources are read only by a treatment centre's auditors"
                    + " and administrators");
        }
    }

    /** The rows of the actor's own organisation about a case, newest first (none about another centre's case). */
    List<AuditEvent> auditOfCase(Actor actor, UUID caseId) {
        requireAuditReader(actor);
        List<AuditEvent> found = new ArrayList<>();
        AuditLog.Filter filter = new AuditLog.Filter(AuditEventResources.CASE_ENTITY, caseId.toString(), null, null, null);
        for (int page = 0; ; page++) {
            Page<org.cartpath.audit.AuditEvent> rows = audit.search(actor, filter, new Page.Request(page, Page.MAX_SIZE),
                    zone);
            rows.items().forEach(row -> found.add(AuditEventResources.toFhir(row)));
            if (rows.items().size() < Page.MAX_SIZE) {
                return found;
            }
        }
    }

    AuditEvent auditEvent(Actor actor, long id, String asked) {
        requireAuditReader(actor);
        return audit.find(actor, id).filter(row -> AuditEventResources.CASE_ENTITY.equals(row.entityType()))
                .map(AuditEventResources::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(asked + " is not known"));
    }

    /** The audit rows about the patient's cases, for $everything: only for an actor who reads audit (else none). */
    List<AuditEvent> auditOfPatient(Actor actor, List<TherapyCase> cases) {
        if (!readsAudit(actor)) {
            return List.of();
        }
        List<AuditEvent> found = new ArrayList<>();
        for (TherapyCase c : cases) {
            found.addAll(auditOfCase(actor, c.id().value()));
        }
        return found;
    }
}
