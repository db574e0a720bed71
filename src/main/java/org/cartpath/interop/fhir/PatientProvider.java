package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.Date;
import java.util.List;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientRecord;
import org.cartpath.shared.Actor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * {@code Patient}: read, search by NHS number, and {@code $everything}. A manufacturer's or courier's token finds no
 * patient and reads none (404), as on {@code /api/v1}.
 */
@Component
class PatientProvider implements IResourceProvider {

    private final FhirReads reads;
    private final CareReads care;
    private final FhirScopes scopes;

    PatientProvider(FhirReads reads, CareReads care, FhirScopes scopes) {
        this.reads = reads;
        this.care = care;
        this.scopes = scopes;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return PatientResources.toFhir(reads.patient(FhirReads.actor(), patientId(id)));
    }

    /** By NHS number ({@code identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919}); other systems match nothing. */
    @Search
    public IBundleProvider byIdentifier(@RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @Offset Integer offset, @Count Integer count) {
        Actor actor = FhirReads.actor();
        boolean nhsNumber = identifier.getSystem() == null || identifier.getSystem().isBlank()
                || FhirCodes.NHS_NUMBER.equals(identifier.getSystem());
        List<Patient> found = !nhsNumber || identifier.getValue() == null || identifier.getValue().isBlank() ? List.of()
                : reads.patientsByNhsNumber(actor, identifier.getValue()).stream().map(PatientResources::toFhir).toList();
        return Paging.page(found, offset, count);
    }

    /**
     * The patient's record as one Bundle: the Patient, every Observation the actor may see, the bags of the
     * patient's cells, the diagnoses (Condition) and the CRS and ICANS episodes (AdverseEvent), for the cases of the patient the actor's organisation sees; only the kinds of resource the
     * token's scopes let it read (ADR 0030). With ADR 0034 also the referral (ServiceRequest), the journey (CarePlan)
     * and its tasks (Task), the collection (Specimen, Procedure), the infusion (Procedure), the doses given
     * (MedicationAdministration), the custody of the cells (Provenance) and, for a centre's auditors and
     * administrators only, the audit rows about the cases (AuditEvent); each as the modules let the actor see it.
     */
    @Operation(name = "$everything", idempotent = true)
    public Bundle everything(@IdParam IdType id, RequestDetails request) {
        String base = request.getFhirServerBase();
        Actor actor = FhirReads.actor();
        PatientId patientId = patientId(id);
        PatientRecord record = reads.patient(actor, patientId);
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.getMeta().setLastUpdated(new Date());
        add(bundle, base, PatientResources.toFhir(record));
        if (scopes.mayRead(request, "Observation")) {
            reads.observations(actor, patientId).forEach(o -> add(bundle, base, o));
        }
        if (scopes.mayRead(request, "BiologicallyDerivedProduct")) {
            reads.products(actor, patientId).forEach(p -> add(bundle, base, p));
        }
        if (scopes.mayRead(request, "Condition")) {
            Conditions.ofRecord(record).forEach(c -> add(bundle, base, c));
        }
        if (scopes.mayRead(request, "AdverseEvent")) {
            reads.adverseEvents(actor, patientId).forEach(e -> add(bundle, base, e));
        }
        List<org.cartpath.journey.TherapyCase> cases = care.casesOf(actor, patientId);
        if (scopes.mayRead(request, "ServiceRequest")) {
            care.referrals(actor, cases).forEach(r -> add(bundle, base, r));
        }
        if (scopes.mayRead(request, "CarePlan")) {
            care.carePlans(actor, cases).forEach(p -> add(bundle, base, p));
        }
        if (scopes.mayRead(request, "Task")) {
            care.tasks(actor, cases).forEach(t -> add(bundle, base, t));
        }
        if (scopes.mayRead(request, "Specimen")) {
            care.specimens(actor, cases).forEach(s -> add(bundle, base, s));
        }
        if (scopes.mayRead(request, "Procedure")) {
            care.procedures(actor, cases).forEach(p -> add(bundle, base, p));
        }
        if (scopes.mayRead(request, "MedicationAdministration")) {
            care.administrations(actor, cases).forEach(m -> add(bundle, base, m));
        }
        if (scopes.mayRead(request, "Provenance")) {
            care.provenanceOfPatient(actor, cases).forEach(p -> add(bundle, base, p));
        }
        if (scopes.mayRead(request, "AuditEvent")) {
            care.auditOfPatient(actor, cases).forEach(e -> add(bundle, base, e));
        }
        bundle.setTotal(bundle.getEntry().size());
        return bundle;
    }

    private static void add(Bundle bundle, String base, Resource resource) {
        bundle.addEntry().setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart()).setResource(resource)
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }

    static PatientId patientId(IdType id) {
        return PatientId.of(id.getIdPart());
    }
}
