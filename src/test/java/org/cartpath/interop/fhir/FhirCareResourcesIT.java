package org.cartpath.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cartpath.identity.ApiScopes;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.ApiTokenManagement.NewApiToken;
import org.cartpath.identity.Organisation;
import org.cartpath.monitoring.TocilizumabDoseGiven;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.patient.PatientTestData;
import org.cartpath.referral.NewReferral;
import org.cartpath.referral.ReferralView;
import org.cartpath.referral.Referrals;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.Reactions;
import org.cartpath.treatment.InfusedCases;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journey, collection, treatment, custody and audit resources of the FHIR façade (ADR 0034) through HAPI's own
 * client against the running application: one infused case (collected, lymphodepleted, infused, a tocilizumab dose)
 * and one fresh referral, built once; read and search of each type, paging, scoping (another centre 404, a
 * manufacturer reads only the custody of its cells, without the patient), $everything, and every resource emitted
 * validated against base R4.
 */
@CartpathIntegrationTest
class FhirCareResourcesIT {

    private static World world;

    record World(Product product, String patientId, String nhsNumber, String familyName, String caseId,
            ReferralView referral, String referredPatientId, TocilizumabDoseGiven tocilizumab, String centre,
            String otherCentre, String manufacturer, String auditor, String otherAuditor, String coordinatorAndAuditor) {
    }

    @LocalServerPort
    int port;
    @Autowired
    InfusedCases infusedCases;
    @Autowired
    Referrals referrals;
    @Autowired
    ToxicityTreatment toxicity;
    @Autowired
    ApiTokenManagement tokens;
    @Autowired
    IdentityFixtures identities;
    @Autowired
    Reactions reactions;
    @Autowired
    org.cartpath.patient.PatientManagement patients;

    @BeforeEach
    void buildTheWorldOnce() {
        if (world != null) {
            return;
        }
        Product p = infusedCases.infused(port);
        reactions.settle(); // monitoring starts on the infusion, after its commit
        var w = p.world();
        Actor nurse = w.actor(w.nurse());
        TocilizumabDoseGiven dose = toxicity.recordTocilizumab(nurse, p.caseId(),
                Instant.now().minusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                new BigDecimal("150"), null);
        ReferralView referral = referrals.refer(w.actor(w.referrer()), new NewReferral(null,
                PatientTestData.details(PatientTestData.nhsNumber(), "Referred" + System.nanoTime(),
                        LocalDate.of(2016, 3, 2)), "B_ALL", null, LocalDate.of(2024, 5, 4), w.centre().id().toString(),
                "KYMRIAH", "B_ALL", "UK", "URGENT", "Relapsed B-ALL after two lines", List.of()));
        var record = patients.get(w.actor(w.coordinator()), w.patientId(), "test");
        Organisation other = identities.organisation(OrganisationKind.TREATMENT_CENTRE);
        world = new World(p, w.patientId().toString(), record.demographics().nhsNumber().value(),
                record.demographics().familyName(), p.caseId().toString(), referral,
                referral.referral().patientId().toString(), dose, token(w.centre(), Set.of(Role.COORDINATOR), null),
                token(other, Set.of(Role.COORDINATOR), null),
                token(w.manufacturer(), Set.of(Role.MANUFACTURER_OPERATOR), null),
                token(w.centre(), Set.of(Role.AUDITOR), Set.of("system/AuditEvent.read")),
                token(other, Set.of(Role.AUDITOR), null),
                token(w.centre(), Set.of(Role.COORDINATOR, Role.AUDITOR), Set.of(ApiScopes.READ_ALL)));
    }

    private String token(Organisation organisation, Set<Role> roles, Set<String> scopes) {
        return tokens.create(Actor.system("test"), new NewApiToken(organisation.id(), "EPR " + UUID.randomUUID(), roles,
                scopes)).secret();
    }

    private IGenericClient client(String token) {
        FhirValidation.FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        FhirValidation.FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
        IGenericClient client = FhirValidation.FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    private static ReferenceClientParam patient() {
        return new ReferenceClientParam("patient");
    }

    private Bundle search(IGenericClient client, Class<? extends IBaseResource> type, String patientId) {
        return client.search().forResource(type).where(patient().hasId(patientId)).returnBundle(Bundle.class).execute();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Resource> List<T> entries(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(r -> (T) r).toList();
    }

    @Test
    void theReferralIsAServiceRequestAndTheCaseACarePlanWithItsTasksFoundByPatientStatusAndIdentifier() {
        IGenericClient centre = client(world.centre());

        Bundle referrals = centre.search().forResource(ServiceRequest.class)
                .where(patient().hasId(world.referredPatientId()))
                .and(new TokenClientParam("status").exactly().code("active")).returnBundle(Bundle.class).execute();
        ServiceRequest request = entries(referrals, ServiceRequest.class).get(0);
        assertThat(request.getIdElement().getIdPart()).isEqualTo(world.referral().referral().id().value().toString());
        assertThat(request.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(request.getSubject().getReference()).isEqualTo("Patient/" + world.referredPatientId());
        assertThat(centre.search().forResource(ServiceRequest.class).where(patient().hasId(world.referredPatientId()))
                .and(new TokenClientParam("status").exactly().code("revoked")).returnBundle(Bundle.class).execute()
                .getEntry()).isEmpty();
        assertThat(centre.read().resource(ServiceRequest.class).withId(request.getIdElement().getIdPart()).execute()
                .getIdentifierFirstRep().getValue()).isEqualTo(world.referral().caseReference());

        Bundle plans = centre.search().forResource(CarePlan.class).where(patient().hasId(world.patientId()))
                .and(new TokenClientParam("identifier").exactly().code(reference(centre))).returnBundle(Bundle.class)
                .execute();
        CarePlan plan = entries(plans, CarePlan.class).get(0);
        assertThat(plan.getIdElement().getIdPart()).isEqualTo(world.caseId());
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plan.getCategory()).anySatisfy(c -> assertThat(c.getCodingFirstRep().getCode()).isEqualTo("MONITORING"));
        assertThat(plan.getActivity()).isNotEmpty();

        Bundle tasks = search(centre, Task.class, world.patientId());
        assertThat(entries(tasks, Task.class)).extracting(t -> "Task/" + t.getIdElement().getIdPart())
                .containsAll(plan.getActivity().stream().map(a -> a.getReference().getReference()).toList());
        assertThat(entries(tasks, Task.class)).anySatisfy(t -> assertThat(t.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED));
        Task first = entries(tasks, Task.class).get(0);
        Task read = centre.read().resource(Task.class).withId(first.getIdElement().getIdPart()).execute();
        assertThat(read.getDescription()).isEqualTo(first.getDescription());
        assertThat(read.getFor().getReference()).isEqualTo("Patient/" + world.patientId());
    }

    private String reference(IGenericClient centre) {
        return centre.read().resource(CarePlan.class).withId(world.caseId()).execute().getIdentifierFirstRep().getValue();
    }

    @Test
    void theCollectionIsASpecimenAndAProcedureAndTheInfusionAProcedureSearchableByCode() {
        IGenericClient centre = client(world.centre());

        Bundle specimens = search(centre, Specimen.class, world.patientId());
        Specimen bag = entries(specimens, Specimen.class).get(0);
        String din = bag.getIdentifier().stream().filter(i -> FhirCodes.ISBT128_DIN.equals(i.getSystem())).findFirst()
                .orElseThrow().getValue();
        assertThat(centre.search().forResource(Specimen.class).where(patient().hasId(world.patientId()))
                .and(new TokenClientParam("identifier").exactly().systemAndCode(FhirCodes.ISBT128_DIN, din))
                .returnBundle(Bundle.class).execute().getEntry()).hasSize(1);
        assertThat(centre.read().resource(Specimen.class).withId(bag.getIdElement().getIdPart()).execute()
                .getCollection().hasCollectedDateTimeType()).isTrue();

        Bundle infusion = centre.search().forResource(Procedure.class).where(patient().hasId(world.patientId()))
                .and(new TokenClientParam("code").exactly().systemAndCode(FhirCodes.PROCEDURE, "infusion"))
                .returnBundle(Bundle.class).execute();
        assertThat(entries(infusion, Procedure.class)).singleElement().satisfies(p -> {
            assertThat(p.getIdElement().getIdPart()).isEqualTo("infusion-" + world.caseId());
            assertThat(p.getPerformedPeriod().hasStart()).isTrue();
            assertThat(p.getNoteFirstRep().getText()).contains(world.product().lotNumber());
        });
        Procedure apheresis = centre.read().resource(Procedure.class).withId("apheresis-" + bag.getIdElement().getIdPart())
                .execute();
        assertThat(apheresis.getCode().getCodingFirstRep().getCode()).isEqualTo("apheresis");
        assertThat(search(centre, Procedure.class, world.patientId()).getTotal()).isEqualTo(2);
    }

    @Test
    void theDosesGivenAreMedicationAdministrationsPagedAndFoundBySnomedCodeAndStatus() {
        IGenericClient centre = client(world.centre());

        Bundle all = search(centre, MedicationAdministration.class, world.patientId());
        List<MedicationAdministration> doses = entries(all, MedicationAdministration.class);
        assertThat(doses).hasSizeGreaterThan(2).allSatisfy(m -> {
            assertThat(m.getSubject().getReference()).isEqualTo("Patient/" + world.patientId());
            assertThat(m.getDosage().getRoute().getCodingFirstRep().getCode()).isEqualTo("47625008");
        });
        Bundle cyclophosphamide = centre.search().forResource(MedicationAdministration.class)
                .where(patient().hasId(world.patientId()))
                .and(new TokenClientParam("code").exactly().systemAndCode("http://snomed.info/sct", "387420009"))
                .and(new TokenClientParam("status").exactly().code("completed")).returnBundle(Bundle.class).execute();
        assertThat(entries(cyclophosphamide, MedicationAdministration.class)).isNotEmpty().allSatisfy(m ->
                assertThat(m.getMedicationCodeableConcept().getText()).isEqualTo("Cyclophosphamide"));
        Bundle tocilizumab = centre.search().forResource(MedicationAdministration.class)
                .where(patient().hasId(world.patientId()))
                .and(new TokenClientParam("code").exactly().systemAndCode("http://snomed.info/sct", "444648007"))
                .returnBundle(Bundle.class).execute();
        MedicationAdministration given = entries(tocilizumab, MedicationAdministration.class).get(0);
        assertThat(given.getDosage().getDose().getValue()).isEqualByComparingTo("150");
        assertThat(centre.read().resource(MedicationAdministration.class).withId(given.getIdElement().getIdPart())
                .execute().getEffectiveDateTimeType().getValue()).isEqualTo(java.util.Date.from(
                        world.tocilizumab().givenAt()));

        Bundle sinceTheInfusion = centre.search().forResource(MedicationAdministration.class)
                .where(patient().hasId(world.patientId()))
                .and(new ca.uhn.fhir.rest.gclient.DateClientParam("effective-time").afterOrEquals()
                        .second(java.util.Date.from(world.tocilizumab().givenAt().minusSeconds(1))))
                .returnBundle(Bundle.class).execute();
        assertThat(entries(sinceTheInfusion, MedicationAdministration.class)).extracting(r -> r.getIdElement().getIdPart())
                .containsExactly(given.getIdElement().getIdPart());
        assertThat(centre.search().forResource(MedicationAdministration.class).where(patient().hasId(world.patientId()))
                .lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(java.util.Date.from(Instant.now().plusSeconds(3600)),
                        null)).returnBundle(Bundle.class).execute().getEntry()).isEmpty();

        Bundle first = centre.search().forResource(MedicationAdministration.class).where(patient().hasId(world.patientId()))
                .count(2).returnBundle(Bundle.class).execute();
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getTotal()).isEqualTo(doses.size());
        Bundle second = centre.loadPage().next(first).execute();
        assertThat(entries(second, MedicationAdministration.class)).extracting(r -> r.getIdElement().getIdPart())
                .containsExactlyElementsOf(doses.subList(2, Math.min(4, doses.size())).stream()
                        .map(r -> r.getIdElement().getIdPart()).toList());
    }

    @Test
    void aManufacturerReadsTheCustodyOfItsCellsAsProvenanceAndNothingThatNamesThePatient() {
        IGenericClient manufacturer = client(world.manufacturer());
        String bag = world.product().productBagId().toString();

        Bundle custody = manufacturer.search().forResource(Provenance.class)
                .where(new ReferenceClientParam("target").hasId("BiologicallyDerivedProduct/" + bag))
                .returnBundle(Bundle.class).execute();
        List<Provenance> steps = entries(custody, Provenance.class);
        assertThat(steps).isNotEmpty().allSatisfy(s ->
                assertThat(s.getTargetFirstRep().getReference()).isEqualTo("BiologicallyDerivedProduct/" + bag));
        assertThat(steps).anySatisfy(s -> assertThat(s.getActivity().getCodingFirstRep().getCode()).isEqualTo("handed_over"));
        assertThat(manufacturer.read().resource(Provenance.class).withId(steps.get(0).getIdElement().getIdPart())
                .execute().getRecorded()).isEqualTo(steps.get(0).getRecorded());
        String json = FhirValidation.FHIR.newJsonParser().encodeResourceToString(custody);
        assertThat(json).doesNotContain("Patient/").doesNotContain(world.patientId()).doesNotContain(world.nhsNumber())
                .doesNotContain(world.familyName());

        for (Class<? extends IBaseResource> type : List.of(CarePlan.class, Task.class, Specimen.class, Procedure.class,
                MedicationAdministration.class, ServiceRequest.class, Provenance.class)) {
            assertThatThrownBy(() -> search(manufacturer, type, world.patientId())).as(type.getSimpleName())
                    .isInstanceOf(ResourceNotFoundException.class);
        }
        assertThatThrownBy(() -> manufacturer.read().resource(CarePlan.class).withId(world.caseId()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        String collectionBag = specimenId();
        assertThatThrownBy(() -> manufacturer.read().resource(Specimen.class).withId(collectionBag).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> manufacturer.read().resource(Procedure.class).withId("apheresis-" + collectionBag)
                .execute()).isInstanceOf(ResourceNotFoundException.class);
        assertThat(client(world.centre()).search().forResource(Provenance.class).where(patient().hasId(world.patientId()))
                .returnBundle(Bundle.class).execute().getTotal()).isGreaterThan(steps.size());
    }

    private String specimenId() {
        return entries(search(client(world.centre()), Specimen.class, world.patientId()), Specimen.class).get(0)
                .getIdElement().getIdPart();
    }

    @Test
    void anotherCentreIsAnsweredNotFoundForEachNewKindOfResource() {
        IGenericClient other = client(world.otherCentre());
        String dose = TreatmentResources.tocilizumabId(UUID.fromString(world.caseId()), world.tocilizumab().id());

        assertThatThrownBy(() -> other.read().resource(CarePlan.class).withId(world.caseId()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> other.read().resource(ServiceRequest.class)
                .withId(world.referral().referral().id().value().toString()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> other.read().resource(Procedure.class).withId("infusion-" + world.caseId()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> other.read().resource(MedicationAdministration.class).withId(dose).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> other.read().resource(Provenance.class)
                .withId(Provenances.id(world.product().productBagId(), 1)).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> search(other, Task.class, world.patientId()))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(client(world.centre()).read().resource(MedicationAdministration.class).withId(dose).execute()
                .getIdElement().getIdPart()).isEqualTo(dose);
    }

    @Test
    void theAuditTrailOfACaseIsReadOnlyByTheCentresAuditorsAndNamesNobody() {
        IGenericClient auditor = client(world.auditor());
        ReferenceClientParam entity = new ReferenceClientParam("entity");

        Bundle rows = auditor.search().forResource(AuditEvent.class).where(entity.hasId("CarePlan/" + world.caseId()))
                .returnBundle(Bundle.class).execute();
        List<AuditEvent> events = entries(rows, AuditEvent.class);
        assertThat(events).isNotEmpty().allSatisfy(e ->
                assertThat(e.getEntityFirstRep().getWhat().getReference()).isEqualTo("CarePlan/" + world.caseId()));
        assertThat(events).extracting(e -> e.getType().getCode()).contains("CASE_STAGE_CHANGED");
        assertThat(auditor.read().resource(AuditEvent.class).withId(events.get(0).getIdElement().getIdPart()).execute()
                .getType().getCode()).isEqualTo(events.get(0).getType().getCode());
        assertThat(FhirValidation.FHIR.newJsonParser().encodeResourceToString(rows)).doesNotContain(world.patientId())
                .doesNotContain(world.nhsNumber()).doesNotContain(world.familyName());

        assertThatThrownBy(() -> client(world.centre()).search().forResource(AuditEvent.class)
                .where(entity.hasId("CarePlan/" + world.caseId())).returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> client(world.auditor()).read().resource(CarePlan.class).withId(world.caseId()).execute())
                .as("the auditor's token may read AuditEvent only").isInstanceOf(ForbiddenOperationException.class);
        assertThat(client(world.otherAuditor()).search().forResource(AuditEvent.class)
                .where(entity.hasId("CarePlan/" + world.caseId())).returnBundle(Bundle.class).execute().getEntry())
                .isEmpty();
        assertThatThrownBy(() -> client(world.otherAuditor()).read().resource(AuditEvent.class)
                .withId(events.get(0).getIdElement().getIdPart()).execute()).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client(world.manufacturer()).search().forResource(AuditEvent.class)
                .where(entity.hasId("CarePlan/" + world.caseId())).returnBundle(Bundle.class).execute())
                .isInstanceOf(ForbiddenOperationException.class);
    }

    /**
     * $everything of the infused patient gathers every new kind of resource (AuditEvent only for a token of a centre's
     * auditor who also sees the patient), and every resource emitted here is valid base R4 without one error.
     */
    @Test
    void everythingHoldsEveryNewKindOfResourceAndEveryResourceEmittedIsValidBaseR4() {
        Bundle everything = client(world.coordinatorAndAuditor()).operation().onInstance("Patient/" + world.patientId())
                .named("$everything").withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();
        assertThat(everything.getEntry()).extracting(e -> e.getResource().fhirType()).contains("CarePlan", "Task",
                "Specimen", "Procedure", "MedicationAdministration", "Provenance", "AuditEvent",
                "BiologicallyDerivedProduct", "Patient");
        Bundle plain = client(world.centre()).operation().onInstance("Patient/" + world.patientId())
                .named("$everything").withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();
        assertThat(plain.getEntry()).extracting(e -> e.getResource().fhirType()).doesNotContain("AuditEvent")
                .contains("CarePlan", "MedicationAdministration");
        Bundle referred = client(world.centre()).operation().onInstance("Patient/" + world.referredPatientId())
                .named("$everything").withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();
        assertThat(referred.getEntry()).extracting(e -> e.getResource().fhirType()).contains("ServiceRequest", "CarePlan",
                "Task");

        List<IBaseResource> emitted = new ArrayList<>(List.of(everything, referred));
        IGenericClient xml = client(world.centre());
        xml.setEncoding(EncodingEnum.XML);
        emitted.add(xml.read().resource(CarePlan.class).withId(world.caseId()).execute());
        emitted.add(xml.search().forResource(MedicationAdministration.class).where(patient().hasId(world.patientId()))
                .count(3).returnBundle(Bundle.class).execute());
        emitted.add(client(world.manufacturer()).search().forResource(Provenance.class)
                .where(new ReferenceClientParam("target").hasId("BiologicallyDerivedProduct/"
                        + world.product().productBagId())).returnBundle(Bundle.class).execute());
        emitted.add(client(world.manufacturer()).read().resource(BiologicallyDerivedProduct.class)
                .withId(world.product().productBagId().toString()).execute());
        assertThat(FhirValidation.errors(emitted)).as("validation errors against base R4").isEmpty();
    }
}
