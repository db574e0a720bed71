package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** COI per case and DIN per collection, allocated against the database: unique, never reused, idempotent. */
@CartpathIntegrationTest
class ChainOfIdentityIT {

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    ChainOfIdentity chainOfIdentity;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    World world;
    Actor coordinator;

    @BeforeEach
    void aWorld() {
        world = fixtures.world();
        coordinator = world.actor(world.coordinator());
    }

    @Test
    void theWorklistFindsACaseByItsChainOfIdentityNumberScannedOrTyped() {
        TherapyCase booked = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        ChainOfIdentityId coi = chainOfIdentity.allocate(coordinator, booked.id());
        Http http = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);
        for (String term : List.of(coi.barcodeData(), coi.barcodeData().substring(2), coi.eyeReadable())) {
            JsonNode found = Http.json(http.get("/api/v1/worklist?q=" + java.net.URLEncoder.encode(term,
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(found.get("total").asInt()).as(term).isEqualTo(1);
            assertThat(found.get("items").get(0).get("therapyCase").get("reference").asText()).isEqualTo(booked.reference());
        }
        // another centre's worklist never shows it, whatever the term finds
        World other = fixtures.world();
        Http stranger = Http.signedIn(port, other.coordinator().username(), IdentityFixtures.PASSWORD);
        assertThat(Http.json(stranger.get("/api/v1/worklist?q=" + java.net.URLEncoder.encode(coi.barcodeData(),
                java.nio.charset.StandardCharsets.UTF_8))).get("total").asInt()).isZero();
    }

    @Test
    void aCaseGetsOneCoiUnderItsCentresFinAndKeepsIt() {
        TherapyCase first = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        TherapyCase second = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        ChainOfIdentityId a = chainOfIdentity.allocate(coordinator, first.id());
        ChainOfIdentityId b = chainOfIdentity.allocate(coordinator, second.id());
        String year = String.format("%02d", Year.now().getValue() % 100);
        assertThat(a.barcodeData()).isEqualTo("&/CH" + world.centre().fin() + year + "000001");
        assertThat(b.serial()).isEqualTo("000002");
        assertThat(chainOfIdentity.allocate(coordinator, first.id())).isEqualTo(a);
        assertThat(chainOfIdentity.find(world.actor(world.nurse()), first.id())).contains(a);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_id = ? and action = 'CHAIN_OF_IDENTITY_ALLOCATED'")
                .param(first.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentAllocationsOfOneCaseGiveOneCoiAndOfManyCasesGiveDistinctOnes() throws Exception {
        List<TherapyCase> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(fixtures.caseAt(world, Stage.PANEL_APPROVED));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ChainOfIdentityId>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            TherapyCase c = cases.get(i % cases.size());
            Callable<ChainOfIdentityId> call = () -> {
                start.await();
                return chainOfIdentity.allocate(coordinator, c.id());
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        Set<ChainOfIdentityId> distinct = new HashSet<>();
        for (Future<ChainOfIdentityId> result : results) {
            distinct.add(result.get());
        }
        pool.shutdown();
        assertThat(distinct).hasSize(4);
        assertThat(jdbc.sql("select count(*) from custody_coi where fin = ?").param(world.centre().fin()).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void eachCollectionGetsItsOwnDinUnderTheCoi() {
        TherapyCase booked = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        Actor nurse = world.actor(world.nurse());
        LabelPrint first = printing.newCollection(nurse, booked.id(), "Apheresis unit");
        LabelPrint second = printing.newCollection(nurse, booked.id(), "Apheresis unit");
        assertThat(first.coi()).isEqualTo(second.coi());
        assertThat(first.din().fin()).isEqualTo(world.centre().fin());
        assertThat(Integer.parseInt(second.din().sequence())).isEqualTo(Integer.parseInt(first.din().sequence()) + 1);
        assertThat(first.reprint()).isFalse();
    }

    @Test
    void refusesACentreWithoutFinAnEndedCaseAndAnyoneButTheCentresStaff() {
        TherapyCase booked = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        Organisation noFin = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE, null);
        TherapyCase unfinned = journey.open(Actor.system("test"), new org.cartpath.journey.NewCase(java.util.UUID.randomUUID(),
                world.hospital().id(), noFin.id(), "KYMRIAH", "B_ALL", "UK", null));
        Actor noFinCoordinator = new Actor("x", Actor.ActorType.PERSON, "x", "X", noFin.id(), noFin.name(),
                OrganisationKind.TREATMENT_CENTRE, false, Set.of(org.cartpath.shared.Role.COORDINATOR));
        assertRefused(() -> chainOfIdentity.allocate(noFinCoordinator, unfinned.id()), 422, "no-fin");

        journey.end(Actor.system("test"), booked.id(), Stage.WITHDRAWN, "test");
        assertRefused(() -> chainOfIdentity.allocate(coordinator, booked.id()), 409, "case-closed");

        TherapyCase open = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        assertRefused(() -> chainOfIdentity.allocate(world.actor(world.qa()), open.id()), 403, "forbidden");
        Organisation other = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE, CustodyFixtures.uniqueFin());
        Actor stranger = new Actor("y", Actor.ActorType.PERSON, "y", "Y", other.id(), other.name(),
                OrganisationKind.TREATMENT_CENTRE, false, Set.of(org.cartpath.shared.Role.COORDINATOR));
        assertRefused(() -> chainOfIdentity.allocate(stranger, open.id()), 404, "not-found");
        assertThat(jdbc.sql("select count(*) from custody_coi where case_id in (?, ?)").params(booked.id().value(), open.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theApiAllocatesIdempotentlyAndAnswers404ForOthers() {
        TherapyCase booked = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        Http coordinatorApi = Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD);
        String path = "/api/v1/cases/" + booked.id() + "/chain-of-identity";
        assertProblem(coordinatorApi.get(path), 404, "not-found");
        HttpResponse<String> first = coordinatorApi.postJson(path, Map.of());
        HttpResponse<String> again = coordinatorApi.postJson(path, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Http.json(first).get("barcodeData").asText()).isEqualTo(Http.json(again).get("barcodeData").asText());
        assertThat(Http.json(first).get("checkCharacter").asText()).hasSize(1);
        assertThat(Http.json(coordinatorApi.get(path)).get("eyeReadable").asText()).startsWith("CH " + world.centre().fin());
        // the booked manufacturer is a party and reads the COI (pseudonymised); a manufacturer that is not gets 404
        assertThat(Http.json(Http.token(port, world.manufacturerToken()).get(path)).get("barcodeData").asText())
                .isEqualTo(Http.json(first).get("barcodeData").asText());
        String stranger = fixtures.world().manufacturerToken();
        assertProblem(Http.token(port, stranger).get(path), 404, "not-found");
        assertProblem(Http.token(port, stranger).postJson(path, Map.of()), 404, "not-found");
        assertProblem(coordinatorApi.postJson("/api/v1/cases/not-a-case/chain-of-identity", Map.of()), 404, "not-found");
    }

    private static void assertRefused(Runnable call, int status, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.type()).isEqualTo(type);
        });
    }
}
