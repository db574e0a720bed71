package org.cartpath.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.CellProduct;
import org.cartpath.custody.ChainOfCustody;
import org.cartpath.identity.CurrentActor;
import org.cartpath.interop.hl7.CaseLabResults;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.RecordedAssessment;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.shared.Actor;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * What the providers read, always through the owning module's service with the request's actor, so that scoping,
 * roles and the access log are the modules' own (a record another organisation holds is "not found", exactly as on
 * {@code /api/v1}). No transaction of its own: each service call is its own, and a refusal ends only that call.
 */
@Component
class FhirReads {

    static final String PURPOSE = "FHIR API";

    private final PatientManagement patients;
    private final CaseJourney journey;
    private final MonitoringManagement monitoring;
    private final ChainOfCustody custody;

    private final SentObservations sent;

    FhirReads(PatientManagement patients, CaseJourney journey, MonitoringManagement monitoring, ChainOfCustody custody,
            SentObservations sent) {
        this.patients = patients;
        this.journey = journey;
        this.monitoring = monitoring;
        this.custody = custody;
        this.sent = sent;
    }

    /** The actor of this request: the bearer token's system client. */
    static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AuthenticationException("Send an API token"));
    }

    PatientRecord patient(Actor actor, PatientId id) {
        return patients.get(actor, id, PURPOSE);
    }

    /** Whether the actor's organisation may ever see a patient's identity (manufacturers and couriers never do). */
    static boolean seesPatients(Actor actor) {
        return actor.organisationKind() != null && actor.organisationKind().seesPatientIdentity();
    }

    /** The patient found by NHS number, if the actor's organisation sees them. */
    List<PatientRecord> patientsByNhsNumber(Actor actor, String nhsNumber) {
        if (!seesPatients(actor)) {
            return List.of();
        }
        return patients.search(actor, nhsNumber, null, new org.cartpath.shared.Page.Request(0, 1)).items().stream()
                .map(summary -> patients.get(actor, summary.id(), PURPOSE)).toList();
    }

    /** The patient's cases the actor sees in full. */
    List<TherapyCase> cases(Actor actor, PatientId id) {
        return journey.casesOfPatient(actor, id.value());
    }

    /** Every Observation of the patient the actor may see, newest first. The patient must be visible (404 otherwise). */
    List<Observation> observations(Actor actor, PatientId id) {
        PatientRecord record = patient(actor, id);
        List<Observation> all = new ArrayList<>(Observations.ofRecord(record));
        for (TherapyCase therapyCase : cases(actor, id)) {
            all.addAll(Observations.ofAssessments(id.value(), assessments(actor, therapyCase)));
        }
        if (readsSent(actor)) {
            sent.ofPatient(id.value(), actor.organisationId()).forEach(o -> all.add(Observations.ofSent(o)));
        }
        all.sort(Comparator.comparing(Observations::effective, Comparator.nullsLast(Comparator.<Date>reverseOrder()))
                .thenComparing(o -> o.getIdElement().getIdPart()));
        return all;
    }

    /** The current assessments of a case, if the actor is the treating centre's staff who see monitoring; else none. */
    private List<RecordedAssessment> assessments(Actor actor, TherapyCase therapyCase) {
        CaseView view = journey.get(actor, therapyCase.id());
        if (!monitoring.permissions(actor, view).see()) {
            return List.of();
        }
        return monitoring.summary(actor, therapyCase.id()).map(s -> s.assessments()).orElse(List.of());
    }

    /**
     * The observations a centre's systems sent are read by that centre's clinical staff only, as the results filed
     * from HL7 messages are ({@code CaseLabResults.READERS}).
     */
    private static boolean readsSent(Actor actor) {
        return actor.organisationId() != null && actor.roles().stream().anyMatch(CaseLabResults.READERS::contains);
    }

    /** One sent observation, for its centre's clinical staff who see the patient; 404 for anyone else. */
    Observation sentObservation(Actor actor, UUID id) {
        SentObservation found = readsSent(actor) ? sent.find(id, actor.organisationId()).orElse(null) : null;
        if (found == null) {
            throw new ResourceNotFoundException("Observation/" + SentObservation.PREFIX + id + " is not known");
        }
        patient(actor, new PatientId(found.patientId()));
        return Observations.ofSent(found);
    }

    /** The patient's diagnoses as Conditions; the patient must be visible (404 otherwise). */
    List<org.hl7.fhir.r4.model.Condition> conditions(Actor actor, PatientId id) {
        return Conditions.ofRecord(patient(actor, id));
    }

    /** The CRS and ICANS episodes of the patient's cases, for the treating centre's staff who see monitoring. */
    List<org.hl7.fhir.r4.model.AdverseEvent> adverseEvents(Actor actor, PatientId id) {
        patient(actor, id);
        List<org.hl7.fhir.r4.model.AdverseEvent> events = new ArrayList<>();
        for (TherapyCase therapyCase : cases(actor, id)) {
            for (org.cartpath.monitoring.ToxicityEpisode episode : episodes(actor, therapyCase.id())) {
                events.add(AdverseEvents.toFhir(therapyCase.id().value(), id.value(), episode));
            }
        }
        return events;
    }

    /** One episode; 404 when the case is not visible, its monitoring is not, or it has no such episode. */
    org.hl7.fhir.r4.model.AdverseEvent adverseEvent(Actor actor, AdverseEvents.Parsed parsed, String asked) {
        org.cartpath.journey.CaseId caseId = new org.cartpath.journey.CaseId(parsed.caseId());
        org.cartpath.monitoring.ToxicityEpisode episode = episodes(actor, caseId).stream()
                .filter(e -> e.syndrome() == parsed.syndrome() && e.sequence() == parsed.sequence())
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("AdverseEvent/" + asked + " is not known"));
        // only the treating centre's staff get here (they see monitoring), and they see the case in full
        return AdverseEvents.toFhir(parsed.caseId(), patientOfCase(actor, caseId), episode);
    }

    private List<org.cartpath.monitoring.ToxicityEpisode> episodes(Actor actor, org.cartpath.journey.CaseId caseId) {
        CaseView view = journey.get(actor, caseId);
        if (!monitoring.permissions(actor, view).see()) {
            return List.of();
        }
        return monitoring.summary(actor, caseId).map(s -> s.episodes()).orElse(List.of());
    }

    RecordedAssessment assessment(Actor actor, UUID id) {
        return monitoring.assessment(actor, id);
    }

    UUID patientOfCase(Actor actor, org.cartpath.journey.CaseId caseId) {
        return journey.get(actor, caseId).visibleCase().patientId();
    }

    /** The bags of cells of the patient's cases, oldest first. */
    List<BiologicallyDerivedProduct> products(Actor actor, PatientId id) {
        List<BiologicallyDerivedProduct> products = new ArrayList<>();
        for (TherapyCase therapyCase : cases(actor, id)) {
            for (CellProduct product : custody.cellProducts(actor, therapyCase.id())) {
                products.add(Products.toFhir(product, therapyCase.productCode(), id.value()));
            }
        }
        return products;
    }

    /** One bag of cells; the patient named only to an actor who sees the case in full. */
    BiologicallyDerivedProduct product(Actor actor, UUID id) {
        CellProduct product = custody.cellProduct(actor, id);
        CaseView view = journey.get(actor, product.caseId());
        return Products.toFhir(product, view.therapyCase().productCode(), view.visibleCase().patientId());
    }

    /** The bags a COI or DIN names, for a party of their case (the patient only to those who see the case in full). */
    List<BiologicallyDerivedProduct> productsNamed(Actor actor, org.cartpath.custody.ChainOfIdentityId coi,
            org.cartpath.custody.Din din) {
        List<BiologicallyDerivedProduct> products = new ArrayList<>();
        for (CellProduct product : custody.cellProductsNamed(actor, coi, din)) {
            CaseView view = journey.get(actor, product.caseId());
            products.add(Products.toFhir(product, view.therapyCase().productCode(), view.visibleCase().patientId()));
        }
        return products;
    }

    org.cartpath.patient.Entry<?> entry(Actor actor, PatientId patientId, UUID entryId) {
        return patients.entry(actor, patientId, entryId, PURPOSE);
    }
}
