package org.cartpath.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.cartpath.custody.CustodyFixtures;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.identity.ApiScopes;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.ApiTokenManagement.NewApiToken;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.AssessmentInput;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.MonitoringStart;
import org.cartpath.monitoring.RecordedAssessment;
import org.cartpath.monitoring.grading.CerebralEdema;
import org.cartpath.monitoring.grading.Consciousness;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.Seizure;
import org.cartpath.patient.Address;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientTestData;
import org.cartpath.patient.Sex;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The FHIR façade through HAPI's own client against the running application: read, search, paging, {@code $everything},
 * JSON and XML, scoping as on the REST API, and every resource it emitted validated against base R4 with no error.
 */
@CartpathIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirApiIT {

    /** Creating a FhirContext and a validator is slow: once for the JVM. */
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    /**
     * The validator loads all of base R4 (tens of seconds on a busy machine): it starts loading when the class does,
     * while the world is built and the other tests run, and the last test waits for it.
     */
    private static final CompletableFuture<FhirValidator> VALIDATOR = FhirValidation.VALIDATOR;

    /** One world for the class: built in the first test, read by all (the tests only read). */
    private static Scenario scenario;

    record Scenario(String centreToken, String otherCentreToken, String manufacturerToken, String patientId,
            String nhsNumber, LabelPrint bag, List<RecordedAssessment> assessments, Instant infusedAt,
            String wardSystemToken, String otherCentreWriter, String patientOnlyToken, String wardPatientId,
            String wardCaseId) {
    }

    /** The identifier system of the test's ward and laboratory systems; values are unique to each test. */
    private static final String SENDER = "https://ward.example.nhs.uk/Id/observation";

    @LocalServerPort
    int port;
    @Autowired
    CustodyFixtures custody;
    @Autowired
    LabelPrinting labels;
    @Autowired
    MonitoringManagement monitoring;
    @Autowired
    PatientManagement patients;
    @Autowired
    ApiTokenManagement tokens;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void buildTheWorldOnce() {
        if (scenario != null) {
            return;
        }
        CustodyFixtures.World world = custody.world();
        String nhsNumber = PatientTestData.nhsNumber();
        TherapyCase therapyCase = custody.caseAt(world, Stage.SLOT_BOOKED, new PatientDetails(nhsNumber, null, "Amara",
                "OKAFOR", LocalDate.of(2010, 1, 10), Sex.FEMALE, new Address("1 Test Street", null, "Leeds", "LS1 4AP")));
        Actor coordinator = world.actor(world.coordinator());
        LabelPrint bag = labels.newCollection(world.actor(world.nurse()), therapyCase.id(), "Apheresis unit");
        for (Stage stage : List.of(Stage.COLLECTED, Stage.IN_MANUFACTURING, Stage.RELEASED, Stage.RECEIVED,
                Stage.LYMPHODEPLETION, Stage.INFUSED)) {
            custody.advance(therapyCase, stage);
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Instant infusedAt = now.minus(Duration.ofDays(3));
        Actor nurse = world.actor(world.wardNurse());
        monitoring.startMonitoring(nurse, therapyCase.id(), new MonitoringStart(infusedAt, 16, false, new BigDecimal("52")));
        List<RecordedAssessment> assessments = new ArrayList<>();
        assessments.add(monitoring.recordAssessment(nurse, therapyCase.id(), assessment(infusedAt.plus(Duration.ofHours(6)),
                "37.1", 88, 118, 72, 16, 99)));
        assessments.add(monitoring.recordAssessment(nurse, therapyCase.id(), assessment(infusedAt.plus(Duration.ofDays(1)),
                "38.6", 121, 104, 61, 22, 96)));
        assessments.add(monitoring.recordAssessment(nurse, therapyCase.id(), assessment(infusedAt.plus(Duration.ofDays(2)),
                "37.4", 95, null, null, 18, 98)));
        var patientId = org.cartpath.patient.PatientId.of(therapyCase.patientId().toString());
        patients.record(coordinator, patientId, new Measurement(LocalDate.ofInstant(infusedAt, clock.getZone())
                .minusDays(10), new BigDecimal("52.4"), new BigDecimal("158")));
        patients.record(coordinator, patientId, new Diagnosis(DiagnosisCode.B_ALL, null,
                LocalDate.ofInstant(infusedAt, clock.getZone()).minusMonths(14)));
        patients.record(coordinator, patientId, new OrganFunction(LocalDate.ofInstant(infusedAt, clock.getZone())
                .minusDays(9), new BigDecimal("61"), new BigDecimal("8"), new BigDecimal("24"), null, null));
        Organisation otherCentre = custody.organisation(OrganisationKind.TREATMENT_CENTRE, null);
        // a second patient of the centre, with an open case, to whom the ward's system sends observations
        TherapyCase wardCase = custody.caseAt(world, Stage.SLOT_BOOKED);
        Set<String> writeAndRead = Set.of(ApiScopes.WRITE_OBSERVATIONS, ApiScopes.READ_ALL);
        scenario = new Scenario(token(world.centre(), Role.COORDINATOR, null), token(otherCentre, Role.COORDINATOR, null),
                world.manufacturerToken(), therapyCase.patientId().toString(), nhsNumber, bag, assessments, infusedAt,
                token(world.centre(), Role.WARD_NURSE, writeAndRead), token(otherCentre, Role.COORDINATOR, writeAndRead),
                token(world.centre(), Role.COORDINATOR, Set.of("system/Patient.read")),
                wardCase.patientId().toString(), wardCase.id().toString());
    }

    private String token(Organisation organisation, Role role, Set<String> scopes) {
        return tokens.create(Actor.system("test"), new NewApiToken(organisation.id(), "Hospital EPR " + UUID.randomUUID(),
                Set.of(role), scopes)).secret();
    }

    private static AssessmentInput assessment(Instant at, String temperature, Integer heartRate, Integer systolic,
            Integer diastolic, Integer respiratoryRate, Integer spo2) {
        return new AssessmentInput(at, new BigDecimal(temperature), heartRate, systolic, diastolic, respiratoryRate, spo2,
                false, List.of(), OxygenDevice.NONE, null, false, false, false,
                new AssessmentInput.IceItems(4, 3, 1, 1, 1), null, false, Consciousness.AWAKENS_SPONTANEOUSLY, false,
                Seizure.NONE, false, CerebralEdema.NONE, null, null);
    }

    private IGenericClient client(String token) {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // the first CapabilityStatement is generated while the validator loads R4 beside it: on a busy machine that
        // takes longer than HAPI's default 10 s
        FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
        IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        return client;
    }

    @Test
    void readsThePatientWithTheirNhsNumberUnderTheNhsSystemInJsonAndXml() {
        Patient json = (client(scenario.centreToken()).read().resource(Patient.class).withId(scenario.patientId())
                .execute());
        IGenericClient xmlClient = client(scenario.centreToken());
        xmlClient.setEncoding(EncodingEnum.XML);
        Patient xml = (xmlClient.read().resource(Patient.class).withId(scenario.patientId()).execute());

        for (Patient patient : List.of(json, xml)) {
            assertThat(patient.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
                    .contains(org.assertj.core.groups.Tuple.tuple("https://fhir.nhs.uk/Id/nhs-number", scenario.nhsNumber()));
            assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("OKAFOR");
            assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("2010-01-10");
            assertThat(patient.getAddressFirstRep().getPostalCode()).isEqualTo("LS1 4AP");
        }
    }

    @Test
    void findsThePatientByNhsNumberAndAnotherCentreFindsNobody() {
        Bundle found = (client(scenario.centreToken()).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("https://fhir.nhs.uk/Id/nhs-number", scenario.nhsNumber()))
                .returnBundle(Bundle.class).execute());
        Bundle elsewhere = client(scenario.otherCentreToken()).search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("https://fhir.nhs.uk/Id/nhs-number", scenario.nhsNumber()))
                .returnBundle(Bundle.class).execute();

        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(scenario.patientId());
        assertThat(elsewhere.getTotal()).isZero();
        assertThat(elsewhere.getEntry()).isEmpty();
    }

    @Test
    void pagesThroughThePatientsObservationsWithCountAndNextLinks() {
        IGenericClient client = client(scenario.centreToken());
        Bundle all = client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(scenario.patientId())).count(200).returnBundle(Bundle.class).execute();
        Bundle first = (client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(scenario.patientId())).count(4).returnBundle(Bundle.class).execute());

        List<String> paged = new ArrayList<>();
        Bundle page = first;
        int pages = 1;
        first.getEntry().forEach(e -> paged.add(e.getResource().getIdElement().getIdPart()));
        while (page.getLink(Bundle.LINK_NEXT) != null) {
            page = (client.loadPage().next(page).execute());
            page.getEntry().forEach(e -> paged.add(e.getResource().getIdElement().getIdPart()));
            pages++;
        }

        // 3 assessments: temperature, pulse, respiration, SpO2 each; BP twice; CRS, ICANS, ICE each; + weight, height,
        // creatinine, bilirubin, ALT
        assertThat(all.getTotal()).isEqualTo(3 * 4 + 2 + 3 * 3 + 5);
        assertThat(first.getTotal()).isEqualTo(all.getTotal());
        assertThat(first.getEntry()).hasSize(4);
        assertThat(pages).isEqualTo((all.getTotal() + 3) / 4);
        assertThat(paged).containsExactlyElementsOf(all.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart()).toList());
    }

    @Test
    void searchesObservationsByLoincCodeAndDate() {
        IGenericClient client = client(scenario.centreToken());
        Bundle temperatures = (client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(scenario.patientId()))
                .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "8310-5"))
                .returnBundle(Bundle.class).execute());
        Bundle lastDay = client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(scenario.patientId()))
                .and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "8310-5"))
                .and(Observation.DATE.afterOrEquals().second(java.util.Date.from(scenario.infusedAt().plus(Duration.ofHours(30)))))
                .returnBundle(Bundle.class).execute();

        assertThat(temperatures.getEntry()).extracting(e -> ((Quantity) ((Observation) e.getResource()).getValue())
                .getValue().toPlainString()).containsExactly("37.4", "38.6", "37.1");
        assertThat(temperatures.getEntry()).allSatisfy(e -> assertThat(((Observation) e.getResource()).getValueQuantity()
                .getCode()).isEqualTo("Cel"));
        assertThat(lastDay.getEntry()).extracting(e -> ((Observation) e.getResource()).getValueQuantity().getValue()
                .toPlainString()).containsExactly("37.4");
    }

    @Test
    void theCrsGradeIsAnObservationUnderCartpathsCodeSystemDerivedFromItsVitalSigns() {
        RecordedAssessment febrile = scenario.assessments().get(1);
        Observation grade = (client(scenario.centreToken()).read().resource(Observation.class)
                .withId("crs-" + febrile.id()).execute());

        assertThat(grade.getCode().getCodingFirstRep().getSystem()).isEqualTo("https://cartpath.org/fhir/CodeSystem/toxicity");
        assertThat(grade.getCode().getCodingFirstRep().getCode()).isEqualTo("crs-grade");
        assertThat(((IntegerType) grade.getValue()).getValue()).isEqualTo(febrile.crsGrade()).isEqualTo(1);
        assertThat(grade.getDerivedFrom()).extracting(r -> r.getReference())
                .contains("Observation/temp-" + febrile.id());
        assertThat(grade.getSubject().getReference()).isEqualTo("Patient/" + scenario.patientId());
    }

    @Test
    void aLaboratoryResultIsReadByTheIdItsSearchGaveAndTooLargeAPageIsRefused() {
        IGenericClient client = client(scenario.centreToken());
        Bundle creatinine = client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(scenario.patientId()))
                .and(Observation.CODE.exactly().code("14682-9")).returnBundle(Bundle.class).execute();
        String id = creatinine.getEntryFirstRep().getResource().getIdElement().getIdPart();

        Observation read = client.read().resource(Observation.class).withId(id).execute();

        assertThat(creatinine.getEntry()).hasSize(1);
        assertThat(read.getValueQuantity().getValue()).isEqualByComparingTo("61");
        assertThat(read.getValueQuantity().getCode()).isEqualTo("umol/L");
        assertThat(read.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("laboratory");
        assertThatThrownBy(() -> client.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(scenario.patientId())).count(201).returnBundle(Bundle.class).execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.InvalidRequestException.class)
                .hasMessageContaining("_count");
    }

    @Test
    void everythingGathersThePatientTheirObservationsAndTheirCells() {
        Bundle everything = (client(scenario.centreToken()).operation().onInstance("Patient/" + scenario.patientId())
                .named("$everything").withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class)
                .execute());

        List<Resource> resources = everything.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        assertThat(resources).filteredOn(r -> r instanceof Patient).hasSize(1);
        assertThat(resources).filteredOn(r -> r instanceof Observation).hasSize(3 * 4 + 2 + 3 * 3 + 5);
        BiologicallyDerivedProduct bag = resources.stream().filter(r -> r instanceof BiologicallyDerivedProduct)
                .map(BiologicallyDerivedProduct.class::cast).findFirst().orElseThrow();
        assertThat(bag.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue).contains(
                org.assertj.core.groups.Tuple.tuple("http://hl7.org/fhir/NamingSystem/iccbba-other",
                        scenario.bag().coi().content()),
                org.assertj.core.groups.Tuple.tuple("http://hl7.org/fhir/NamingSystem/iccbba-din",
                        scenario.bag().din().value()));
        assertThat(bag.getCollection().getSource().getReference()).isEqualTo("Patient/" + scenario.patientId());
        assertThat(bag.getStatus()).isEqualTo(BiologicallyDerivedProduct.BiologicallyDerivedProductStatus.AVAILABLE);
    }

    @Test
    void anotherCentresTokenIsAnsweredNotFoundForThePatientAndTheirObservations() {
        IGenericClient other = client(scenario.otherCentreToken());

        assertThatThrownBy(() -> other.read().resource(Patient.class).withId(scenario.patientId()).execute())
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(outcome(e.getResponseBody()))
                        .contains("Patient/" + scenario.patientId()));
        assertThatThrownBy(() -> other.read().resource(Observation.class)
                .withId("crs-" + scenario.assessments().get(0).id()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> other.read().resource(BiologicallyDerivedProduct.class)
                .withId(scenario.bag().itemId().toString()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aManufacturerSeesNoPatientButReadsTheCellsWithoutTheirIdentity() {
        IGenericClient manufacturer = client(scenario.manufacturerToken());

        assertThatThrownBy(() -> manufacturer.read().resource(Patient.class).withId(scenario.patientId()).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        Bundle search = manufacturer.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("https://fhir.nhs.uk/Id/nhs-number", scenario.nhsNumber()))
                .returnBundle(Bundle.class).execute();
        assertThat(search.getEntry()).isEmpty();
        BiologicallyDerivedProduct bag = (manufacturer.read().resource(BiologicallyDerivedProduct.class)
                .withId(scenario.bag().itemId().toString()).execute());
        assertThat(bag.getIdentifierFirstRep().getValue()).isEqualTo(scenario.bag().coi().content());
        assertThat(bag.getCollection().hasSource()).isFalse();
        assertThat(FHIR.newJsonParser().encodeResourceToString(bag)).doesNotContain(scenario.patientId())
                .doesNotContain(scenario.nhsNumber()).doesNotContain("OKAFOR");
    }

    @Test
    void theCellsAreFoundByTheirChainOfIdentityByAPartyAndByNobodyElse() {
        var byCoi = new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier").exactly()
                .systemAndCode("http://hl7.org/fhir/NamingSystem/iccbba-other", scenario.bag().coi().content());
        var byDin = new ca.uhn.fhir.rest.gclient.TokenClientParam("identifier").exactly()
                .systemAndCode("http://hl7.org/fhir/NamingSystem/iccbba-din", scenario.bag().din().value());

        Bundle manufacturer = client(scenario.manufacturerToken()).search().forResource(BiologicallyDerivedProduct.class)
                .where(byCoi).returnBundle(Bundle.class).execute();
        Bundle centreByDin = client(scenario.centreToken()).search().forResource(BiologicallyDerivedProduct.class)
                .where(byDin).returnBundle(Bundle.class).execute();
        Bundle otherCentre = client(scenario.otherCentreToken()).search().forResource(BiologicallyDerivedProduct.class)
                .where(byCoi).returnBundle(Bundle.class).execute();

        assertThat(manufacturer.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(scenario.bag().itemId().toString());
        assertThat(((BiologicallyDerivedProduct) manufacturer.getEntryFirstRep().getResource()).getCollection().hasSource())
                .isFalse();
        assertThat(((BiologicallyDerivedProduct) centreByDin.getEntryFirstRep().getResource()).getCollection().getSource()
                .getReference()).isEqualTo("Patient/" + scenario.patientId());
        assertThat(otherCentre.getEntry()).isEmpty();
        assertThat(otherCentre.getTotal()).isZero();
    }

    @Test
    void withoutATokenOnlyTheCapabilityStatementIsAnsweredAndItNamesOnlyWhatIsImplemented() throws Exception {
        assertThatThrownBy(() -> client(null).read().resource(Patient.class).withId(scenario.patientId()).execute())
                .isInstanceOf(AuthenticationException.class);
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/fhir/Patient/" + scenario.patientId()))
                .header("Authorization", "Bearer cpt_not_a_token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(401);

        CapabilityStatement capabilities = (client(null).capabilities().ofType(CapabilityStatement.class).execute());

        var rest = capabilities.getRestFirstRep();
        assertThat(rest.getResource()).extracting(r -> r.getType())
                .containsExactlyInAnyOrder("Patient", "Observation", "BiologicallyDerivedProduct", "Condition",
                        "AdverseEvent", "ServiceRequest", "CarePlan", "Task", "Specimen", "Procedure",
                        "MedicationAdministration", "Provenance", "AuditEvent", "OperationDefinition");
        assertThat(rest.getResource()).flatExtracting(r -> r.getInteraction().stream().map(i -> i.getCode().toCode()).toList())
                .containsOnly("read", "search-type");
        assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("transaction");
        assertThat(rest.getSecurity().getDescription()).contains("system/Observation.write").contains("ifNoneExist");
    }

    @Test
    void theDiagnosisIsAConditionAndTheCrsEpisodeAnAdverseEventSearchableByLastUpdatedForTheCentreAndNotFoundForOthers() {
        IGenericClient centre = client(scenario.centreToken());
        Bundle conditions = centre.search().forResource(org.hl7.fhir.r4.model.Condition.class)
                .where(org.hl7.fhir.r4.model.Condition.PATIENT.hasId(scenario.patientId())).returnBundle(Bundle.class)
                .execute();
        Bundle events = centre.search().forResource(org.hl7.fhir.r4.model.AdverseEvent.class)
                .where(org.hl7.fhir.r4.model.AdverseEvent.SUBJECT.hasId("Patient/" + scenario.patientId()))
                .returnBundle(Bundle.class).execute();

        var diagnosis = (org.hl7.fhir.r4.model.Condition) conditions.getEntryFirstRep().getResource();
        assertThat(conditions.getEntry()).hasSize(1);
        assertThat(diagnosis.getCode().getCoding()).extracting(c -> c.getCode()).containsExactly("B_ALL", "C91.0");
        String conditionId = diagnosis.getIdElement().getIdPart();
        assertThat(centre.read().resource(org.hl7.fhir.r4.model.Condition.class).withId(conditionId).execute()
                .getSubject().getReference()).isEqualTo("Patient/" + scenario.patientId());
        // the febrile assessment (38.6 °C, day 1) opened a CRS episode of grade 1 that the next one (37.4 °C) resolved
        var crs = (org.hl7.fhir.r4.model.AdverseEvent) events.getEntryFirstRep().getResource();
        assertThat(events.getEntry()).hasSize(1);
        assertThat(crs.getEvent().getCodingFirstRep().getCode()).isEqualTo("crs");
        assertThat(crs.getSeverity().getCodingFirstRep().getCode()).isEqualTo("mild");
        assertThat(crs.getOutcome().getCodingFirstRep().getCode()).isEqualTo("resolved");
        String eventId = crs.getIdElement().getIdPart();
        assertThat(centre.read().resource(org.hl7.fhir.r4.model.AdverseEvent.class).withId(eventId).execute()
                .getEvent().getCodingFirstRep().getCode()).isEqualTo("crs");
        // _lastUpdated and status narrow a search
        java.util.Date tomorrow = java.util.Date.from(Instant.now(clock).plus(Duration.ofDays(1)));
        assertThat(centre.search().forResource(org.hl7.fhir.r4.model.Condition.class)
                .where(org.hl7.fhir.r4.model.Condition.PATIENT.hasId(scenario.patientId()))
                .lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(tomorrow, null)).returnBundle(Bundle.class)
                .execute().getEntry()).isEmpty();
        assertThat(centre.search().forResource(org.hl7.fhir.r4.model.AdverseEvent.class)
                .where(org.hl7.fhir.r4.model.AdverseEvent.SUBJECT.hasId("Patient/" + scenario.patientId()))
                .lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(null, tomorrow)).returnBundle(Bundle.class)
                .execute().getEntry()).hasSize(1);
        assertThat(centre.search().forResource(Observation.class).where(Observation.PATIENT.hasId(scenario.patientId()))
                .and(Observation.STATUS.exactly().code("entered-in-error")).returnBundle(Bundle.class).execute()
                .getEntry()).isEmpty();
        assertThat(centre.search().forResource(Observation.class).where(Observation.PATIENT.hasId(scenario.patientId()))
                .and(Observation.STATUS.exactly().code("final")).count(200).returnBundle(Bundle.class).execute()
                .getTotal()).isEqualTo(3 * 4 + 2 + 3 * 3 + 5);
        for (String token : List.of(scenario.otherCentreToken(), scenario.manufacturerToken())) {
            assertThatThrownBy(() -> client(token).read().resource(org.hl7.fhir.r4.model.Condition.class)
                    .withId(conditionId).execute()).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> client(token).read().resource(org.hl7.fhir.r4.model.AdverseEvent.class)
                    .withId(eventId).execute())
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(outcome(e.getResponseBody()))
                            .contains("AdverseEvent/" + eventId));
        }
    }

    @Test
    void aWardsTransactionOfObservationsIsFiledAndItsReplayCreatesNothingTwice() {
        IGenericClient ward = client(scenario.wardSystemToken());
        String run = UUID.randomUUID().toString();
        Bundle bundle = transaction(
                sent(scenario.wardPatientId(), "temp-" + run, "8310-5", "38.9", "Cel"),
                bloodPressure(scenario.wardPatientId(), "bp-" + run, 96, 58),
                sent(scenario.wardPatientId(), "crp-" + run, "1988-5", "12.5", "mg/dL"));

        long readsBefore = patientReads(scenario.wardPatientId());
        Bundle first = ward.transaction().withBundle(bundle).execute();
        assertThat(patientReads(scenario.wardPatientId()) - readsBefore)
                .as("the patient of three Observations is read, and its read logged, once for the Bundle").isEqualTo(1);
        Bundle replay = ward.transaction().withBundle(bundle).execute();

        assertThat(first.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(first.getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("201 Created");
        assertThat(replay.getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("200 OK");
        assertThat(replay.getEntry()).extracting(e -> e.getResponse().getLocation())
                .containsExactlyElementsOf(first.getEntry().stream().map(e -> e.getResponse().getLocation()).toList());
        assertThat(storedWithIdentifierOf(run)).isEqualTo(3);
        // the CRP is filed as a result of the case, converted as the HL7 interface converts it (mg/dL x 10 = mg/L)
        assertThat(jdbc.sql("select r.value from interop_lab_result r join interop_fhir_observation f"
                        + " on f.id = r.fhir_observation_id where f.identifier_value = ? and r.case_id = ?")
                .params("crp-" + run, UUID.fromString(scenario.wardCaseId())).query(BigDecimal.class).list())
                .singleElement().satisfies(v -> assertThat(v).isEqualByComparingTo("125"));
        Observation temperature = ward.read().resource(Observation.class)
                .withUrl(first.getEntry().get(0).getResponse().getLocation()).execute();
        assertThat(temperature.getValueQuantity().getValue()).isEqualByComparingTo("38.9");
        assertThat(temperature.getIdentifierFirstRep().getValue()).isEqualTo("temp-" + run);
        assertThat(temperature.getSubject().getReference()).isEqualTo("Patient/" + scenario.wardPatientId());
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'FhirBundle' and action in"
                        + " ('FHIR_OBSERVATIONS_RECEIVED', 'FHIR_OBSERVATIONS_REPLAYED') and after_state::text like ?")
                .param("%" + temperature.getIdElement().getIdPart() + "%").query(Long.class).single()).isEqualTo(1);
    }

    private long patientReads(String patientId) {
        return jdbc.sql("select count(*) from data_access where entity_type = 'Patient' and entity_id = ?")
                .param(patientId).query(Long.class).single();
    }

    @Test
    void oneBadEntryRefusesTheWholeBundleNamingTheEntryAndStoresNothing() {
        IGenericClient ward = client(scenario.wardSystemToken());
        String run = UUID.randomUUID().toString();
        Observation good = sent(scenario.wardPatientId(), "hr-" + run, "8867-4", "104", "/min");

        assertThatThrownBy(() -> ward.transaction().withBundle(transaction(good,
                sent(scenario.wardPatientId(), "x-" + run, "99999-9", "1", "mg/L"))).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(outcome(e.getResponseBody()))
                        .contains("entry[1]").contains("99999-9"));
        assertThatThrownBy(() -> ward.transaction().withBundle(transaction(good,
                sent(scenario.wardPatientId(), "u-" + run, "1988-5", "3", "mmol/L"))).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(outcome(e.getResponseBody()))
                        .contains("entry[1]").contains("mmol/L"));
        Bundle wrongType = transaction(good);
        wrongType.addEntry().setResource(new Patient().setBirthDateElement(new org.hl7.fhir.r4.model.DateType("2010-01-10"))).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        assertThatThrownBy(() -> ward.transaction().withBundle(wrongType).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(outcome(e.getResponseBody()))
                        .contains("entry[1] is a Patient"));
        Bundle noCondition = transaction(good);
        noCondition.getEntryFirstRep().getRequest().setIfNoneExist(null);
        assertThatThrownBy(() -> ward.transaction().withBundle(noCondition).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(outcome(e.getResponseBody()))
                        .contains("entry[0]").contains("ifNoneExist"));

        assertThat(storedWithIdentifierOf(run)).isZero();
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedAndScopesNarrowWhatItsRolesAllow() {
        String run = UUID.randomUUID().toString();
        Bundle bundle = transaction(sent(scenario.wardPatientId(), "t-" + run, "8310-5", "37.0", "Cel"));

        // a token issued without a choice of scopes reads only (as every token issued before scopes existed)
        assertThatThrownBy(() -> client(scenario.centreToken()).transaction().withBundle(bundle).execute())
                .isInstanceOfSatisfying(ForbiddenOperationException.class, e -> assertThat(outcome(e.getResponseBody()))
                        .contains("system/Observation.write"));
        IGenericClient patientOnly = client(scenario.patientOnlyToken());
        assertThat(patientOnly.read().resource(Patient.class).withId(scenario.patientId()).execute().getIdElement()
                .getIdPart()).isEqualTo(scenario.patientId());
        assertThatThrownBy(() -> patientOnly.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId(scenario.patientId())).returnBundle(Bundle.class).execute())
                .isInstanceOfSatisfying(ForbiddenOperationException.class, e -> assertThat(outcome(e.getResponseBody()))
                        .contains("system/Observation.read"));
        Bundle everything = patientOnly.operation().onInstance("Patient/" + scenario.patientId()).named("$everything")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class).execute();
        assertThat(everything.getEntry()).extracting(e -> e.getResource().fhirType()).containsExactly("Patient");
        // the write scope does not widen a manufacturer's roles: it cannot even be issued to one
        assertThatThrownBy(() -> tokens.create(Actor.system("test"), new NewApiToken(custody.organisation(
                OrganisationKind.MANUFACTURER, null).id(), "Portal", Set.of(Role.MANUFACTURER_OPERATOR),
                Set.of(ApiScopes.WRITE_OBSERVATIONS))))
                .isInstanceOfSatisfying(org.cartpath.shared.ProblemException.class, e -> assertThat(e.status())
                        .isEqualTo(422));
        assertThat(storedWithIdentifierOf(run)).isZero();
    }

    @Test
    void anotherCentresSystemSendingForThePatientIsAnsweredNotFoundAndStoresNothing() {
        String run = UUID.randomUUID().toString();

        assertThatThrownBy(() -> client(scenario.otherCentreWriter()).transaction().withBundle(transaction(
                sent(scenario.wardPatientId(), "t-" + run, "8310-5", "37.0", "Cel"))).execute())
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(outcome(e.getResponseBody()))
                        .contains("entry[0]").contains("Patient/" + scenario.wardPatientId()));
        assertThat(storedWithIdentifierOf(run)).isZero();
    }

    private long storedWithIdentifierOf(String run) {
        return jdbc.sql("select count(*) from interop_fhir_observation where identifier_system = ?"
                + " and identifier_value like ?").params(SENDER, "%" + run).query(Long.class).single();
    }

    private static Bundle transaction(Observation... observations) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        for (Observation observation : observations) {
            Identifier id = observation.getIdentifierFirstRep();
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(observation).getRequest()
                    .setMethod(Bundle.HTTPVerb.POST).setUrl("Observation")
                    .setIfNoneExist("identifier=" + id.getSystem() + "|" + id.getValue());
        }
        return bundle;
    }

    private Observation sent(String patientId, String identifier, String loinc, String value, String unit) {
        Observation o = observation(patientId, identifier, loinc);
        o.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit(unit).setSystem("http://unitsofmeasure.org")
                .setCode(unit));
        return o;
    }

    private Observation bloodPressure(String patientId, String identifier, int systolic, int diastolic) {
        Observation o = observation(patientId, identifier, "85354-9");
        for (Object[] c : new Object[][] {{"8480-6", systolic}, {"8462-4", diastolic}}) {
            o.addComponent().setValue(new Quantity().setValue((Integer) c[1]).setUnit("mm[Hg]")
                    .setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"))
                    .getCode().addCoding().setSystem("http://loinc.org").setCode((String) c[0]);
        }
        return o;
    }

    private Observation observation(String patientId, String identifier, String loinc) {
        Observation o = new Observation();
        o.addIdentifier().setSystem(SENDER).setValue(identifier);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding().setSystem("http://loinc.org").setCode(loinc);
        o.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/" + patientId));
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(java.util.Date.from(Instant.now(clock)
                .minus(Duration.ofHours(1)))));
        return o;
    }

    private static String outcome(String body) {
        return ((OperationOutcome) FHIR.newJsonParser().parseResource(body)).getIssueFirstRep().getDiagnostics();
    }

    /**
     * One of each kind of resource the façade emits, as received over the wire: the $everything Bundle (the Patient,
     * every kind of Observation, the cells with their patient), the Patient in XML, a page of a search, the cells as a
     * manufacturer sees them, an OperationOutcome and the CapabilityStatement. Validating is slow (the validator loads
     * all of R4 first), so each resource is validated once here rather than in every test.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyKindOfResourceTheFacadeEmitsIsValidBaseR4WithoutOneError() {
        IGenericClient client = client(scenario.centreToken());
        List<IBaseResource> emitted = new ArrayList<>();
        emitted.add(client.operation().onInstance("Patient/" + scenario.patientId()).named("$everything")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class).returnResourceType(Bundle.class).execute());
        IGenericClient xml = client(scenario.centreToken());
        xml.setEncoding(EncodingEnum.XML);
        emitted.add(xml.read().resource(Patient.class).withId(scenario.patientId()).execute());
        emitted.add(client.search().forResource(Observation.class).where(Observation.PATIENT.hasId(scenario.patientId()))
                .count(3).returnBundle(Bundle.class).execute());
        emitted.add(client(scenario.manufacturerToken()).read().resource(BiologicallyDerivedProduct.class)
                .withId(scenario.bag().itemId().toString()).execute());
        ResourceNotFoundException notFound = org.junit.jupiter.api.Assertions.assertThrows(ResourceNotFoundException.class,
                () -> client(scenario.otherCentreToken()).read().resource(Patient.class).withId(scenario.patientId())
                        .execute());
        emitted.add(FHIR.newJsonParser().parseResource(notFound.getResponseBody()));
        emitted.add(client(null).capabilities().ofType(CapabilityStatement.class).execute());
        IGenericClient ward = client(scenario.wardSystemToken());
        String run = UUID.randomUUID().toString();
        Bundle response = ward.transaction().withBundle(transaction(
                sent(scenario.wardPatientId(), "v-" + run, "2160-0", "0.8", "mg/dL"),
                bloodPressure(scenario.wardPatientId(), "bp-" + run, 132, 84),
                sent(scenario.wardPatientId(), "t-" + run, "8310-5", "38.2", "Cel"))).execute();
        emitted.add(response);
        for (Bundle.BundleEntryComponent entry : response.getEntry()) {
            emitted.add(ward.read().resource(Observation.class).withUrl(entry.getResponse().getLocation()).execute());
        }
        assertThat(((Bundle) emitted.get(0)).getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Patient", "Observation", "BiologicallyDerivedProduct", "Condition", "AdverseEvent");

        List<String> errors = new ArrayList<>();
        for (IBaseResource resource : emitted) {
            ValidationResult result = VALIDATOR.join().validateWithResult(resource);
            for (SingleValidationMessage message : result.getMessages()) {
                if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                    errors.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart() + " "
                            + message.getLocationString() + ": " + message.getMessage());
                }
            }
        }
        assertThat(errors).as("validation errors against base R4").isEmpty();
        Observation broken = new Observation(); // no status, no code: the validator must see that
        broken.setId("broken");
        assertThat(VALIDATOR.join().validateWithResult(broken).getMessages())
                .as("the validator finds errors where there are some")
                .anySatisfy(m -> assertThat(m.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR));
    }
}
