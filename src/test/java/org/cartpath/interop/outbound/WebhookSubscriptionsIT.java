package org.cartpath.interop.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The stage-change webhooks (ADR 0033, hazard H-30): a hospital's system is told of each stage change of its cases once,
 * signed, without the patient's identity, only after the change commits; a receiver that fails is tried again with a
 * doubling wait and then given up; bad input, another organisation's subscription and people who are not
 * administrators are refused.
 */
@CartpathIntegrationTest
class WebhookSubscriptionsIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    CaseJourney journey;

    @Autowired
    PatientManagement patients;

    @Autowired
    WebhookSender sender;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    record Received(String path, String signature, String deliveryId, String body) {
    }

    HttpServer receiver;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    exchange.getRequestHeaders().getFirst("Cartpath-Delivery"), body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        clock.reset();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private Http admin(Organisation organisation) {
        UserAccount admin = identities.user(organisation, Role.ADMINISTRATOR);
        return Http.signedIn(port, admin.username(), IdentityFixtures.PASSWORD);
    }

    private JsonNode subscribe(Http admin, String path) {
        HttpResponse<String> made = admin.postJson("/api/v1/webhook-subscriptions",
                Map.of("url", url(path), "description", "Integration engine " + path));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return Http.json(made);
    }

    private long deliveries(String subscriptionId) {
        return jdbc.sql("select count(*) from interop_webhook_delivery where subscription_id = ?")
                .param(UUID.fromString(subscriptionId)).query(Long.class).single();
    }

    private List<Received> receive(int count) throws InterruptedException {
        List<Received> got = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (got.size() < count && System.nanoTime() < until) {
            Received next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                got.add(next);
            } else {
                sender.deliverDue();
            }
        }
        return got;
    }

    @Test
    void eachStageChangeIsPostedOnceToTheCentreAndTheHospitalSignedAndWithoutThePatientsIdentity() throws Exception {
        World w = cases.caseAt(Stage.REFERRED, new BigDecimal("30"));
        JsonNode centre = subscribe(admin(w.centre()), "/centre");
        JsonNode hospital = subscribe(admin(w.hospital()), "/hospital");
        JsonNode bystander = subscribe(admin(identities.organisation(OrganisationKind.TREATMENT_CENTRE)), "/other");
        String secret = centre.get("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);

        journey.advance(w.actor(w.coordinator()), w.therapyCase().id(), Stage.TRIAGED, "Triaged at the MDT");

        List<Received> got = receive(2);
        assertThat(got).extracting(Received::path).containsExactlyInAnyOrder("/centre", "/hospital");
        Received toCentre = got.stream().filter(r -> r.path().equals("/centre")).findFirst().orElseThrow();
        JsonNode notice = Http.JSON.readTree(toCentre.body());
        assertThat(notice.get("event").asString()).isEqualTo("case.stage-changed");
        assertThat(notice.get("caseId").asString()).isEqualTo(w.therapyCase().id().toString());
        assertThat(notice.get("caseReference").asString()).isEqualTo(w.therapyCase().reference());
        assertThat(notice.get("fromStage").asString()).isEqualTo("REFERRED");
        assertThat(notice.get("toStage").asString()).isEqualTo("TRIAGED");
        assertThat(notice.get("caseVersion").asInt()).isEqualTo(w.therapyCase().version() + 1);
        assertThat(notice.get("yourRole").asString()).isEqualTo("TREATING_CENTRE");
        assertThat(toCentre.deliveryId()).isEqualTo(notice.get("deliveryId").asString());
        // the signature is the HMAC of "t.body" under this subscription's secret, and no other
        String t = toCentre.signature().substring(2, toCentre.signature().indexOf(','));
        assertThat(toCentre.signature())
                .isEqualTo(WebhookSignature.header(secret, Long.parseLong(t), toCentre.body()))
                .isNotEqualTo(WebhookSignature.header(hospital.get("secret").asString(), Long.parseLong(t),
                        toCentre.body()));
        var demographics = patients.get(w.actor(w.referrer()), w.patientId(), "test").demographics();
        for (Received r : got) {
            assertThat(r.body()).doesNotContain(demographics.nhsNumber().value())
                    .doesNotContain(demographics.familyName()).doesNotContain(demographics.dateOfBirth().toString());
        }
        assertThat(Http.JSON.readTree(got.stream().filter(r -> r.path().equals("/hospital")).findFirst().orElseThrow()
                .body()).get("yourRole").asString()).isEqualTo("REFERRING_HOSPITAL");
        assertThat(deliveries(bystander.get("subscription").get("id").asString())).as("not a party").isZero();

        // a stage change that is rolled back owes nothing
        transaction.executeWithoutResult(status -> {
            journey.advance(w.actor(w.coordinator()), w.therapyCase().id(), Stage.ELIGIBILITY_ASSESSED, "assessed");
            status.setRollbackOnly();
        });
        assertThat(deliveries(centre.get("subscription").get("id").asString())).isEqualTo(1);
        // delivered once: sending again finds nothing due
        sender.deliverDue();
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        HttpResponse<String> list = admin(w.centre()).get("/api/v1/webhook-subscriptions/"
                + centre.get("subscription").get("id").asString() + "/deliveries");
        assertThat(Http.json(list).get(0).get("deliveredAt").isNull()).isFalse();
    }

    @Test
    void aReceiverThatFailsIsTriedAgainWithADoublingWaitAndThenGivenUp() throws Exception {
        World w = cases.caseAt(Stage.REFERRED, new BigDecimal("30"));
        JsonNode made = subscribe(admin(w.centre()), "/failing");
        String subscriptionId = made.get("subscription").get("id").asString();
        answer.set(500);
        journey.end(w.actor(w.coordinator()), w.therapyCase().id(), Stage.WITHDRAWN, "Family chose another centre");
        assertThat(receive(1)).hasSize(1);
        Map<String, Object> row = waitForAttempts(subscriptionId, 1);
        Instant first = ((java.sql.Timestamp) row.get("next_attempt_at")).toInstant();
        assertThat(row.get("last_status")).isEqualTo(500);
        assertThat(Duration.between(clock.instant(), first)).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
        for (int attempt = 2; attempt <= 10; attempt++) {
            clock.advance(Duration.ofSeconds(30L << (attempt - 2)).plusSeconds(1));
            sender.deliverDue();
            row = waitForAttempts(subscriptionId, attempt);
            if (attempt < 10) {
                Duration wait = Duration.ofSeconds(30L << (attempt - 1));
                assertThat(Duration.between(clock.instant(), ((java.sql.Timestamp) row.get("next_attempt_at"))
                        .toInstant())).as("attempt %d", attempt).isBetween(wait.minusSeconds(2), wait);
            }
        }
        assertThat(row.get("given_up_at")).isNotNull();
        clock.advance(Duration.ofDays(2));
        sender.deliverDue();
        assertThat(waitForAttempts(subscriptionId, 10).get("attempts")).isEqualTo(10);
        assertThat(admin(w.centre()).get("/admin/webhooks/" + subscriptionId).body()).contains("Given up", "HTTP 500");
    }

    private Map<String, Object> waitForAttempts(String subscriptionId, int attempts) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Map<String, Object> row = jdbc.sql("select attempts, next_attempt_at, given_up_at, last_status"
                            + " from interop_webhook_delivery where subscription_id = ?")
                    .param(UUID.fromString(subscriptionId)).query().singleRow();
            if (((Number) row.get("attempts")).intValue() >= attempts || System.nanoTime() > until) {
                assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(attempts);
                return row;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void badAddressesOtherOrganisationsAndPeopleWhoAreNotAdministratorsAreRefusedAndChangeNothing() throws Exception {
        World w = cases.caseAt(Stage.REFERRED, new BigDecimal("30"));
        Http admin = admin(w.centre());
        String path = "/api/v1/webhook-subscriptions";
        long before = jdbc.sql("select count(*) from interop_webhook_subscription").query(Long.class).single();
        assertProblem(admin.postJson(path, Map.of("url", "http://integration.example.nhs.uk/hook",
                "description", "EPR")), 400, "invalid-request");
        assertProblem(admin.postJson(path, Map.of("url", "ftp://example.nhs.uk/hook", "description", "EPR")), 400,
                "invalid-request");
        assertProblem(admin.postJson(path, Map.of("url", "https://user:pw@example.nhs.uk/hook", "description", "EPR")),
                400, "invalid-request");
        assertProblem(admin.postJson(path, Map.of("url", "https://example.nhs.uk/hook")), 400, "invalid-request");
        assertProblem(admin.postJson(path, Map.of()), 400, "invalid-request");
        assertProblem(admin.postJson(path, Map.of("url", "https://example.nhs.uk/hook", "description", "EPR",
                "organisationId", "not-an-id")), 400, "invalid-request");
        Organisation other = identities.organisation(OrganisationKind.TREATMENT_CENTRE);
        assertProblem(admin.postJson(path, Map.of("url", "https://example.nhs.uk/hook", "description", "EPR",
                "organisationId", other.id().toString())), 404, "not-found");
        Http coordinator = Http.signedIn(port, w.coordinator().username(), IdentityFixtures.PASSWORD);
        assertProblem(coordinator.postJson(path, Map.of("url", "https://example.nhs.uk/hook", "description", "EPR")),
                403, "forbidden");
        assertThat(coordinator.get("/admin/webhooks").statusCode()).isEqualTo(403);
        Http manufacturer = admin(w.manufacturer());
        assertProblem(manufacturer.postJson(path, Map.of("url", "https://example.nhs.uk/hook", "description", "EPR")),
                400, "invalid-request");
        assertThat(jdbc.sql("select count(*) from interop_webhook_subscription").query(Long.class).single())
                .isEqualTo(before);

        JsonNode made = subscribe(admin, "/epr");
        String id = made.get("subscription").get("id").asString();
        assertProblem(admin.postJson(path, Map.of("url", url("/epr"), "description", "again")), 409,
                "subscription-exists");
        Http otherAdmin = admin(other);
        assertProblem(otherAdmin.get(path + "/" + id), 404, "not-found");
        assertProblem(otherAdmin.postJson(path + "/" + id + "/end", Map.of("reason", "not mine")), 404, "not-found");
        assertThat(Http.json(otherAdmin.get(path)).size()).isZero();
        // pages: the list, the form's error, the subscription
        assertThat(admin.get("/admin/webhooks").body()).contains("Integration engine /epr");
        HttpResponse<String> refused = admin.postForm("/admin/webhooks", Map.of("url", "http://example.nhs.uk/x",
                "description", "EPR"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("nhsuk-error-summary", "plain http:// is allowed only to this machine");
        assertThat(admin.postForm("/admin/webhooks/" + id + "/end", Map.of("reason", "")).body())
                .contains("Give the reason this system is no longer told");

        assertProblem(admin.postJson(path + "/" + id + "/end", Map.of()), 400, "invalid-request");
        HttpResponse<String> ended = admin.postJson(path + "/" + id + "/end", Map.of("reason", "Engine replaced"));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertProblem(admin.postJson(path + "/" + id + "/end", Map.of("reason", "again")), 409, "subscription-ended");
        journey.advance(w.actor(w.coordinator()), w.therapyCase().id(), Stage.TRIAGED, "Triaged");
        assertThat(deliveries(id)).as("an ended subscription is told nothing").isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'WebhookSubscription'"
                + " and entity_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
    }
}
