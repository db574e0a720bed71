package org.cartpath.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelKind;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.ApheresisCapacity;
import org.cartpath.scheduling.ManufacturingSlot;
import org.cartpath.scheduling.NewBooking;
import org.cartpath.scheduling.SchedulingFixtures;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Collections and shipments dated against the booked plan, each other and the clock (docs/clinical/dates.md), over
 * the API and the pages: refused with a named problem that changes nothing, or accepted with a signed reason that is
 * audited and shown on the case; the label prints the recorded collection date; the booking's collection task is not
 * "Done" before the collection.
 */
@CartpathIntegrationTest
class CollectionDatesIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    SchedulingFixtures scheduling;

    @Autowired
    ApheresisCapacity apheresis;

    @Autowired
    SlotBookings bookings;

    @Autowired
    LabelPrinting printing;

    @Autowired
    CaseJourney journey;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    /** A case of the world's centre booked for apheresis on Monday of next week (a real booking, with its plan). */
    private TherapyCase bookedNextMonday(World world) {
        apheresis.configure(world.actor(world.coordinator()), 2, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null);
        SchedulingFixtures.Manufacturer maker = scheduling.manufacturer();
        LocalDate monday = scheduling.week(1);
        booked = monday;
        List<ManufacturingSlot> slots = scheduling.publish(maker, "KYMRIAH", monday, Map.of(DayOfWeek.WEDNESDAY, 1), List.of());
        TherapyCase approved = fixtures.caseAt(world, Stage.PANEL_APPROVED);
        bookings.book(world.actor(world.coordinator()), new NewBooking(approved.id(), slots.get(0).id(), monday, false));
        return journey.get(world.actor(world.coordinator()), approved.id()).therapyCase();
    }

    private LocalDate booked;

    private LocalDate bookedDay() {
        return booked;
    }

    private Http nurse(World world) {
        return Http.signedIn(port, world.nurse().username(), IdentityFixtures.PASSWORD);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private Map<String, Long> recorded(TherapyCase c) {
        return Map.of(
                "items", count("select count(*) from custody_item where case_id = ?", c.id().value()),
                "prints", count("select count(*) from custody_label_print where case_id = ?", c.id().value()),
                "signatures", count("select count(*) from electronic_signature where record_type = 'CollectionOffBookedDay'"
                        + " and record_id in (select id::text from custody_item where case_id = ?)", c.id().value()),
                "timeline", count("select count(*) from case_timeline where case_id = ?", c.id().value()));
    }

    @Test
    void aCollectionBeforeTheBookedDayIsRefusedWithoutASignedReasonAndNothingIsRecorded() {
        World world = fixtures.world();
        TherapyCase c = bookedNextMonday(world);
        Map<String, Long> before = recorded(c);
        String path = "/api/v1/cases/" + c.id() + "/collections";

        JsonNode refused = assertProblem(nurse(world).postJson(path, Map.of("place", "Apheresis unit")), 422,
                "collection-off-booked-day", "reason");
        assertThat(refused.get("detail").asText()).contains("not on the booked apheresis day " + bookedDay());
        // a reason without the password to sign it is not enough either
        assertProblem(nurse(world).postJson(path, Map.of("reason", "Apheresis brought forward")), 400, "invalid-request",
                "password");
        // nor a wrong password: the signature is refused and the collection with it
        assertProblem(nurse(world).postJson(path, Map.of("reason", "Apheresis brought forward", "password", "wrong")),
                422, "signature-refused");
        assertThat(recorded(c)).isEqualTo(before);
        assertThat(journey.get(world.actor(world.coordinator()), c.id()).therapyCase().stage()).isEqualTo(Stage.SLOT_BOOKED);
    }

    @Test
    void aCollectionOffTheBookedDayIsAcceptedWithASignedReasonAuditedAndShownOnTheCase() {
        World world = fixtures.world();
        TherapyCase c = bookedNextMonday(world);
        String reason = "Apheresis brought forward: counts allowed it today";

        HttpResponse<String> accepted = nurse(world).postJson("/api/v1/cases/" + c.id() + "/collections",
                Map.of("place", "Apheresis unit", "reason", reason, "password", IdentityFixtures.PASSWORD));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode body = Http.json(accepted);
        assertThat(body.get("collectionDate").asText()).isEqualTo(LocalDate.ofInstant(clock.instant(), LONDON).toString());
        String bagId = body.get("bagId").asText();

        assertThat(count("select count(*) from electronic_signature where record_type = 'CollectionOffBookedDay'"
                + " and record_id = ? and meaning = 'OVERRIDDEN' and reason = ?", bagId, reason)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'COLLECTION_OFF_BOOKED_DAY' and entity_id = ?"
                + " and reason = ? and after_state like ?", bagId, reason, "%" + bookedDay() + "%")).isEqualTo(1);
        // the bag's custody log carries the signature and the reason
        JsonNode item = Http.json(nurse(world).get("/api/v1/custody-items/" + bagId));
        assertThat(item.at("/events/0/note").asText()).contains(reason, bookedDay().toString());

        HttpResponse<String> casePage = nurse(world).get("/cases/" + c.id());
        assertThat(casePage.statusCode()).isEqualTo(200);
        assertThat(casePage.body()).contains("not on the booked apheresis day " + bookedDay(), reason);
    }

    @Test
    void aCollectionOnTheBookedDayNeedsNoReasonAndTheLabelPrintsThatDay() {
        World world = fixtures.world();
        TherapyCase c = bookedNextMonday(world);
        Instant tenOClock = bookedDay().atTime(10, 0).atZone(LONDON).toInstant();
        clock.advance(Duration.between(clock.instant(), tenOClock));

        HttpResponse<String> accepted = nurse(world).postJson("/api/v1/cases/" + c.id() + "/collections",
                Map.of("place", "Apheresis unit"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(Http.json(accepted).get("collectionDate").asText()).isEqualTo(bookedDay().toString());
        assertThat(count("select count(*) from audit_event where action = 'COLLECTION_OFF_BOOKED_DAY' and entity_id = ?",
                Http.json(accepted).get("bagId").asText())).isZero();
    }

    @Test
    void aCollectionInTheFutureIsRefusedNamingTheField() {
        World world = fixtures.world();
        TherapyCase c = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        Map<String, Long> before = recorded(c);
        assertProblem(nurse(world).postJson("/api/v1/cases/" + c.id() + "/collections",
                Map.of("collectedAt", clock.instant().plus(1, ChronoUnit.HOURS).toString())), 422, "timestamp-in-future",
                "collectedAt");
        assertThat(recorded(c)).isEqualTo(before);
    }

    @Test
    void theLabelsPrintTheRecordedCollectionDateNotToday() {
        World world = fixtures.world();
        TherapyCase c = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        Instant yesterday = clock.instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate collectedOn = LocalDate.ofInstant(yesterday, LONDON);

        LabelPrint bag = printing.newCollection(world.actor(world.nurse()), c.id(),
                new LabelPrinting.CollectionRequest(yesterday, "Apheresis unit", "Collected a day early: counts were ready",
                        IdentityFixtures.PASSWORD));
        LabelPrint shipper = printing.print(world.actor(world.nurse()), c.id(), bag.itemId(), LabelKind.SHIPPER, null, null);

        assertThat(bag.collectionDate()).isEqualTo(collectedOn);
        assertThat(bag.content().collectionDate()).isEqualTo(collectedOn);
        assertThat(shipper.content().collectionDate()).isEqualTo(collectedOn);
        assertThat(count("select count(*) from custody_item where id = ? and collection_date = ?", bag.itemId(),
                java.sql.Date.valueOf(collectedOn))).isEqualTo(1);
        JsonNode item = Http.json(nurse(world).get("/api/v1/custody-items/" + bag.itemId()));
        assertThat(Instant.parse(item.at("/events/0/occurredAt").asText())).isEqualTo(yesterday);
    }

    @Test
    void aShipmentBeforeTheCollectionIsRefusedAndChangesNothing() {
        World world = fixtures.world();
        TherapyCase c = fixtures.caseAt(world, Stage.SLOT_BOOKED);
        CustodyScenario scenario = new CustodyScenario(port, world, c, printing);
        scenario.verifyCollection();
        Instant collected = scenario.bagLabel.printedAt();
        long shipments = count("select count(*) from custody_shipment where case_id = ?", c.id().value());

        // planned to leave a day before the cells were collected
        Map<String, Object> early = scenario.outboundBody("DS-EARLY-" + System.nanoTime());
        Instant departure = collected.minus(1, ChronoUnit.DAYS);
        early.put("legs", List.of(Map.of("fromPlace", "Laboratory", "toPlace", "Site",
                "courierOrganisationId", world.courier().id().toString(), "expectedDeparture", departure.toString(),
                "expectedArrival", departure.plus(20, ChronoUnit.HOURS).toString())));
        JsonNode refused = assertProblem(scenario.person(world.lab()).postJson("/api/v1/shipments", early), 422,
                "shipment-before-collection", "legs[0].expectedDeparture");
        assertThat(refused.get("detail").asText()).contains(scenario.bagLabel.din().eyeReadable());
        assertThat(count("select count(*) from custody_shipment where case_id = ?", c.id().value())).isEqualTo(shipments);

        // handed to the courier an hour before the collection
        scenario.registerOutbound("DS-OK-" + System.nanoTime());
        Map<String, Object> handOver = new HashMap<>(Map.of("fromOrganisationId", world.centre().id().toString(),
                "toOrganisationId", world.courier().id().toString(), "place", "Loading bay", "expectedVersion", 1,
                "scannedIdentifier", scenario.coi(), "occurredAt", collected.minus(1, ChronoUnit.HOURS).toString()));
        long events = count("select count(*) from custody_event where item_id = ?", scenario.bagLabel.itemId());
        assertProblem(scenario.courier().postJson("/api/v1/shipments/" + scenario.shipmentId + "/hand-overs", handOver),
                422, "shipment-before-collection", "occurredAt");
        assertThat(count("select count(*) from custody_event where item_id = ?", scenario.bagLabel.itemId()))
                .isEqualTo(events);
        handOver.put("occurredAt", clock.instant().toString());
        HttpResponse<String> inOrder = scenario.courier().postJson("/api/v1/shipments/" + scenario.shipmentId
                + "/hand-overs", handOver);
        assertThat(inOrder.statusCode()).as(inOrder.body()).isEqualTo(200);
    }

    @Test
    void theCollectionFormShowsTheRefusalInItsOwnLabelsAndRecordsNothing() {
        World world = fixtures.world();
        TherapyCase c = bookedNextMonday(world);
        Map<String, Long> before = recorded(c);
        Http nurse = nurse(world);

        HttpResponse<String> form = nurse.get("/cases/" + c.id() + "/collections/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Date and time the cells were collected", "Reason, if not on the booked apheresis day");

        HttpResponse<String> refused = nurse.postForm("/cases/" + c.id() + "/collections", Map.of("place", "Apheresis unit"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem", "href=\"#reason\"", "id=\"reason-error\"",
                "not on the booked apheresis day " + bookedDay());

        HttpResponse<String> future = nurse.postForm("/cases/" + c.id() + "/collections", Map.of("collectedAt",
                LocalDate.now(LONDON).plusDays(2) + "T09:30"));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("href=\"#collectedAt\"", "id=\"collectedAt-error\"", "must not be in the future");
        assertThat(recorded(c)).isEqualTo(before);

        HttpResponse<String> signed = nurse.postForm("/cases/" + c.id() + "/collections", Map.of("place", "Apheresis unit",
                "reason", "Apheresis moved: chair free today", "password", IdentityFixtures.PASSWORD));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
        assertThat(signed.headers().firstValue("Location").orElseThrow()).contains("/labels/prints/");
    }

    @Test
    void aBookingDoesNotShowTheCollectionDoneBeforeTheCollectionIsVerified() {
        World world = fixtures.world();
        TherapyCase c = bookedNextMonday(world);
        List<CaseTask> tasks = journey.tasks(world.actor(world.coordinator()), c.id());
        assertThat(tasks).filteredOn(t -> t.title().startsWith("Collect the cells")).noneMatch(CaseTask::isDone);
        assertThat(tasks).filteredOn(CaseTask::isOpen).extracting(CaseTask::title)
                .contains("Collect the cells: apheresis on " + bookedDay());
        assertThat(tasks).filteredOn(t -> t.title().equals("Collect the cells (apheresis)")).extracting(CaseTask::closure)
                .containsExactly(CaseTask.Closure.REPLACED);
        HttpResponse<String> page = nurse(world).get("/cases/" + c.id());
        String row = page.body().substring(page.body().indexOf("Collect the cells (apheresis)</td>"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).doesNotContain("Done").contains("Replaced");

        // collected (with the signed reason: it is not the booked day) and verified by two people: now it is done
        CustodyScenario scenario = new CustodyScenario(port, world, c, printing, new LabelPrinting.CollectionRequest(null,
                "Apheresis unit", "Apheresis brought forward", IdentityFixtures.PASSWORD));
        assertThat(journey.tasks(world.actor(world.coordinator()), c.id())).filteredOn(CaseTask::isOpen)
                .extracting(CaseTask::title).contains("Collect the cells: apheresis on " + bookedDay());
        scenario.verifyCollection();
        assertThat(journey.tasks(world.actor(world.coordinator()), c.id()))
                .filteredOn(t -> t.title().equals("Collect the cells: apheresis on " + bookedDay()))
                .extracting(CaseTask::closure).containsExactly(CaseTask.Closure.DONE);
    }

    @Test
    void theCollectionEndpointAndTheDateProblemsAreDocumented() {
        JsonNode paths = Http.json(Http.browser(port).get("/api/v1/openapi")).get("paths");
        assertThat(paths.has("/api/v1/cases/{id}/collections")).isTrue();
        assertThat(Http.browser(port).get("/problems").body()).contains("collection-off-booked-day",
                "shipment-before-collection", "lymphodepletion-before-collection", "infusion-before-receipt");
    }
}
