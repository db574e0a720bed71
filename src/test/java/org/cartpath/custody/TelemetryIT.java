package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Data-logger readings: a large batch stored whole, retries adding nothing, excursions found at the right time. */
@CartpathIntegrationTest
class TelemetryIT {

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    World world;
    CustodyScenario scenario;
    String shipper;
    Http courier;
    Instant start;

    @BeforeEach
    void aShipperInTransit() {
        world = fixtures.world();
        scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED), printing);
        shipper = "DS-T-" + world.centre().fin();
        scenario.inTransit(shipper);
        courier = scenario.courier();
        start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }

    private String path() {
        return "/api/v1/shippers/" + shipper + "/temperature-readings";
    }

    private long stored() {
        return jdbc.sql("select count(*) from custody_temperature_reading where shipper_id = ?").param(shipper)
                .query(Long.class).single();
    }

    /** One reading a minute from {@code start}, at {@code celsius(minute)}. */
    private String csv(String logger, int fromMinute, int toMinute, java.util.function.IntFunction<String> celsius) {
        StringBuilder body = new StringBuilder("logger_id,read_at,celsius\n");
        for (int minute = fromMinute; minute <= toMinute; minute++) {
            body.append(logger).append(',').append(start.plus(minute, ChronoUnit.MINUTES)).append(',')
                    .append(celsius.apply(minute)).append('\n');
        }
        return body.toString();
    }

    @Test
    void aBatchOf100000ReadingsIsStoredCompletelyAndARetryAddsNothing() {
        StringBuilder json = new StringBuilder(8_000_000).append("{\"readings\":[");
        Instant first = Instant.now().minus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"loggerId\":\"L").append(i % 4).append("\",\"readAt\":\"")
                    .append(first.plusSeconds(30L * (i / 4))).append("\",\"celsius\":").append(-185 + (i % 7) * 0.5).append('}');
        }
        String body = json.append("]}").toString();
        long began = System.nanoTime();
        HttpResponse<String> response = courier.send("POST", path(), "application/json", body);
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode result = Http.json(response);
        assertThat(result.get("readings").asInt()).isEqualTo(100_000);
        assertThat(result.get("stored").asInt()).isEqualTo(100_000);
        assertThat(stored()).isEqualTo(100_000);
        System.out.printf("100,000 readings stored in one JSON batch over HTTP in %d ms%n", millis);

        HttpResponse<String> retry = courier.send("POST", path(), "application/json", body);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(Http.json(retry).get("stored").asInt()).isZero();
        assertThat(Http.json(retry).get("alreadyStored").asInt()).isEqualTo(100_000);
        assertThat(stored()).isEqualTo(100_000);
        assertThat(Http.json(retry).get("newExcursions").size()).isZero();
    }

    @Test
    void anExcursionLongerThanTheGraceIsFoundAtTheRightTimeAndRaisesOneAlert() {
        // in range, then out 10:10-10:25 (back at 10:26: 16 min), out 10:40-10:48 (9 min), out exactly 10 min at 10:60-10:69
        String body = csv("L1", 0, 90, m -> (m >= 10 && m <= 25) || (m >= 40 && m <= 48) || (m >= 60 && m <= 69) ? "-140.5" : "-180");
        HttpResponse<String> response = courier.send("POST", path(), "text/csv", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode found = Http.json(response).get("newExcursions");
        assertThat(found.size()).isEqualTo(1);
        assertThat(Instant.parse(found.get(0).get("startedAt").asText())).isEqualTo(start.plus(10, ChronoUnit.MINUTES));
        assertThat(Instant.parse(found.get(0).get("endedAt").asText())).isEqualTo(start.plus(26, ChronoUnit.MINUTES));
        assertThat(found.get(0).get("minutes").asLong()).isEqualTo(16);
        assertThat(found.get(0).get("extremeCelsius").asText()).isEqualTo("-140.50");

        Http coordinator = scenario.person(world.coordinator());
        JsonNode alerts = Http.json(coordinator.get("/api/v1/custody-alerts"));
        assertThat(alerts.size()).isEqualTo(1);
        assertThat(alerts.get(0).get("summary").asText()).contains(shipper, "logger L1", "16 min", "-140.50");
        List<CaseTask> tasks = journey.tasks(world.actor(world.coordinator()), scenario.therapyCase.id()).stream()
                .filter(t -> t.title().contains("temperature excursion") && t.isOpen()).toList();
        assertThat(tasks).extracting(t -> t.role().name()).containsExactlyInAnyOrder("COORDINATOR", "QA");

        assertThat(Http.json(courier.send("POST", path(), "text/csv", body)).get("newExcursions").size()).isZero();
        String alert = alerts.get(0).get("id").asText();
        // on the page, a note too long is said on the alerts page in the form's own words, and changes nothing
        HttpResponse<String> tooLong = coordinator.postForm("/custody/alerts/" + alert + "/acknowledgement",
                Map.of("note", "x".repeat(1001)));
        assertThat(tooLong.statusCode()).isEqualTo(302);
        assertThat(tooLong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/custody/alerts"));
        assertThat(coordinator.get("/custody/alerts").body()).contains("nhsuk-error-summary",
                "Note must be at most 1000 characters");
        assertThat(Http.json(coordinator.get("/api/v1/custody-alerts")).size()).as("still open").isEqualTo(1);
        assertProblem(scenario.person(world.nurse()).postJson("/api/v1/custody-alerts/" + alert + "/acknowledgement",
                Map.of()), 403, "forbidden");
        HttpResponse<String> acknowledged = scenario.person(world.qa()).postJson("/api/v1/custody-alerts/" + alert
                + "/acknowledgement", Map.of("note", "Logger opened at customs; product within its stability data"));
        assertThat(Http.json(acknowledged).get("acknowledgedByName").asText()).isEqualTo(world.qa().displayName());
        assertThat(assertProblem(coordinator.postJson("/api/v1/custody-alerts/" + alert + "/acknowledgement", Map.of()),
                409, "alert-already-acknowledged").get("detail").asText())
                .as("the same answer as a monitoring alert's: who and when")
                .contains(world.qa().displayName()).contains(" at ");
        assertThat(Http.json(coordinator.get("/api/v1/custody-alerts")).size()).isZero();
        assertThat(coordinator.postForm("/custody/alerts/" + alert + "/acknowledgement", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(coordinator.get("/custody/alerts").body()).as("acknowledged twice: said on the page, not an error page")
                .contains("nhsuk-error-summary", "already acknowledged by " + world.qa().displayName());
        assertThat(journey.tasks(world.actor(world.coordinator()), scenario.therapyCase.id()))
                .filteredOn(t -> t.title().contains("temperature excursion")).allMatch(t -> !t.isOpen());
        JsonNode shipment = Http.json(courier.get("/api/v1/shipments/" + scenario.shipmentId));
        assertThat(shipment.get("temperature").get("status").asText()).isEqualTo("EXCURSION");
        assertThat(scenario.person(world.coordinator()).get("/shipments/" + scenario.shipmentId).body())
                .contains("data-testid=\"temperature-curve\"", "Temperature excursions", "max -150 °C");
    }

    @Test
    void acknowledgingATemperatureAlertAnswersAsAcknowledgingAMonitoringAlertDoes() {
        // MonitoringAlertsIT.consultantsAndCoordinatorsAcknowledgeOnceWithWhoAndWhen: the same statuses and types
        String body = csv("L1", 0, 40, m -> m >= 10 && m <= 30 ? "-140.5" : "-180");
        assertThat(courier.send("POST", path(), "text/csv", body).statusCode()).isEqualTo(201);
        Http coordinator = scenario.person(world.coordinator());
        String alert = Http.json(coordinator.get("/api/v1/custody-alerts")).get(0).get("id").asText();
        String acknowledgement = "/api/v1/custody-alerts/" + alert + "/acknowledgement";
        World other = fixtures.world();

        // another organisation's alert is not found, whatever the role
        assertProblem(scenario.person(other.nurse()).postJson(acknowledgement, Map.of()), 404, "not-found");
        assertProblem(scenario.person(other.coordinator()).postJson(acknowledgement, Map.of()), 404, "not-found");
        assertProblem(scenario.manufacturer().postJson(acknowledgement, Map.of()), 404, "not-found");
        assertProblem(courier.postJson(acknowledgement, Map.of()), 404, "not-found");
        assertProblem(coordinator.postJson("/api/v1/custody-alerts/not-an-id/acknowledgement", Map.of()), 404,
                "not-found");
        assertProblem(scenario.person(world.nurse()).postJson(acknowledgement, Map.of()), 403, "forbidden");
        assertProblem(coordinator.postJson(acknowledgement, Map.of("note", "x".repeat(1001))), 400, "invalid-request",
                "note");
        assertThat(Http.json(coordinator.get("/api/v1/custody-alerts")).size()).as("nothing acknowledged yet")
                .isEqualTo(1);

        assertThat(Http.json(coordinator.postJson(acknowledgement, Map.of("note", "Within stability data")))
                .get("acknowledgementNote").asText()).isEqualTo("Within stability data");
        assertThat(assertProblem(scenario.person(world.qa()).postJson(acknowledgement, Map.of()), 409,
                "alert-already-acknowledged").get("detail").asText()).contains(world.coordinator().displayName());
    }

    @Test
    void anExcursionBegunInOneBatchAndContinuedInTheNextIsMeasuredWhole() {
        assertThat(Http.json(courier.send("POST", path(), "text/csv", csv("L2", 0, 20, m -> m >= 14 ? "-120" : "-185")))
                .get("newExcursions").size()).isZero();
        JsonNode found = Http.json(courier.send("POST", path(), "text/csv", csv("L2", 21, 30, m -> m <= 25 ? "-120" : "-185")))
                .get("newExcursions");
        assertThat(found.size()).isEqualTo(1);
        assertThat(Instant.parse(found.get(0).get("startedAt").asText())).isEqualTo(start.plus(14, ChronoUnit.MINUTES));
        assertThat(found.get(0).get("minutes").asLong()).isEqualTo(12);
    }

    @Test
    void aBadRowRefusesTheWholeBatchWithItsRowNumberAndStoresNothing() {
        String body = csv("L1", 0, 50, m -> m == 37 ? "minus forty" : "-180");
        JsonNode problem = assertProblem(courier.send("POST", path(), "text/csv", body), 400, "invalid-readings", "row 38");
        assertThat(problem.get("row").asInt()).isEqualTo(38);
        assertThat(problem.get("detail").asText()).contains("Row 38", "nothing was stored");
        assertProblem(courier.send("POST", path(), "text/csv", csv("L1", 0, 3, m -> "-180")
                + "L1," + Instant.now().plus(1, ChronoUnit.HOURS) + ",-180\n"), 400, "invalid-readings", "row 5");
        assertProblem(courier.send("POST", path(), "text/csv", csv("L1", 5, 6, m -> "-180") + "L1," + start + ",-180\n"),
                400, "invalid-readings", "row 3");
        assertProblem(courier.send("POST", path(), "application/json", "{\"readings\":[{\"loggerId\":\"L1\"}]}"),
                400, "invalid-readings", "row 1");
        assertThat(stored()).isZero();
    }

    @Test
    void readingsForAnUnknownShipperOrAnotherOrganisationsShipperAreRefused() {
        String body = csv("L1", 0, 2, m -> "-180");
        assertProblem(courier.send("POST", "/api/v1/shippers/DS-NOBODY/temperature-readings", "text/csv", body), 404, "unknown-shipper");
        World other = fixtures.world();
        assertProblem(Http.token(port, other.courierToken()).send("POST", path(), "text/csv", body), 404, "unknown-shipper");
        assertProblem(courier.send("POST", path(), "application/xml", "<readings/>"), 415, "unsupported-media-type");
        assertThat(stored()).isZero();
        assertThat(scenario.manufacturer().send("POST", path(), "text/csv", body).statusCode()).isEqualTo(201);
    }
}
