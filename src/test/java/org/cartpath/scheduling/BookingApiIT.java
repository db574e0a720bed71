package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.Reactions;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Booking over the API: the plan, the case's stage and parties, and every refusal writing nothing. */
@CartpathIntegrationTest
class BookingApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Reactions reactions;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    Centre centre;
    Manufacturer novartis;
    Http coordinator;
    LocalDate week;
    List<ManufacturingSlot> slots;

    @BeforeEach
    void aCentreAndSlots() {
        centre = fixtures.centre(1);
        novartis = fixtures.manufacturer();
        coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        week = fixtures.week(2);
        // one slot a day from Monday to Friday of the week after next
        slots = fixtures.publish(novartis, "KYMRIAH", week, Map.of(DayOfWeek.MONDAY, 1, DayOfWeek.TUESDAY, 1,
                DayOfWeek.WEDNESDAY, 1, DayOfWeek.THURSDAY, 1, DayOfWeek.FRIDAY, 1), List.of());
    }

    private ManufacturingSlot slotOn(DayOfWeek day) {
        return slots.stream().filter(s -> s.windowStart().getDayOfWeek() == day).findFirst().orElseThrow();
    }

    private HttpResponse<String> book(TherapyCase c, ManufacturingSlot slot, LocalDate apheresis) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", c.id().toString());
        body.put("slotId", slot.id().toString());
        body.put("apheresisDate", apheresis == null ? null : apheresis.toString());
        return coordinator.postJson("/api/v1/bookings", body);
    }

    private long count(String sql, Object... params) {
        if (sql.contains("audit_event")) {
            reactions.settle(); // a booking's notice to the manufacturer is audited a moment after the booking
        }
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long bookingsOf(TherapyCase c) {
        return count("select count(*) from slot_booking where case_id = ?", c.id().value());
    }

    private long chairsBooked(LocalDate day) {
        return count("select coalesce(sum(booked), 0) from apheresis_day where centre_id = ? and day = ?",
                centre.organisation().id().value(), day);
    }

    private long auditRows(String action) {
        return count("select count(*) from audit_event where action = ?", action);
    }

    @Test
    void aCoordinatorBooksASlotAndTheCaseMovesOnWithThePlanTheManufacturerAndATask() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        LocalDate monday = week;
        long audits = auditRows("SLOT_BOOKED");
        HttpResponse<String> response = book(c, slotOn(DayOfWeek.WEDNESDAY), monday);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = Http.json(response);
        assertThat(body.at("/booking/status").asText()).isEqualTo("BOOKED");
        assertThat(body.at("/booking/purpose").asText()).isEqualTo("COLLECTION");
        assertThat(body.at("/booking/labelVersionId").asText()).isEqualTo("KYMRIAH-UK-2026-11");
        JsonNode steps = body.at("/plan/steps");
        assertThat(steps.valueStream().map(s -> s.get("step").asText())).containsExactly("APHERESIS", "SHIPMENT_TO_SITE",
                "MANUFACTURING", "RELEASE", "RETURN_SHIPMENT", "LYMPHODEPLETION", "INFUSION", "INPATIENT");
        // shipping is a default (2 days), manufacturing comes from the label (28 days)
        assertThat(steps.get(1).get("plannedOn").asText()).isEqualTo(monday.plusDays(2).toString());
        assertThat(steps.get(1).get("usesDefault").asBoolean()).isTrue();
        assertThat(steps.get(2).get("usesDefault").asBoolean()).isFalse();
        assertThat(steps.get(2).get("windowEnd").asText()).isEqualTo(monday.plusDays(2 + 28).toString());

        TherapyCase after = journey.get(centre.coordinatorActor(), c.id()).therapyCase();
        assertThat(after.stage()).isEqualTo(Stage.SLOT_BOOKED);
        assertThat(journey.get(novartis.operatorActor(), c.id()).identityVisible()).isFalse();
        assertThat(journey.tasks(centre.coordinatorActor(), c.id())).filteredOn(CaseTask::isOpen).extracting(CaseTask::title)
                .containsExactly("Collect the cells: apheresis on " + monday);
        assertThat(chairsBooked(monday)).isEqualTo(1);
        assertThat(auditRows("SLOT_BOOKED") - audits).isEqualTo(1);
        assertThat(count("select count(*) from manufacturing_slot where id = ? and booking_id is not null",
                slotOn(DayOfWeek.WEDNESDAY).id())).isEqualTo(1);

        // the manufacturer reads its booking by case reference, and the coordinator the case's history
        JsonNode seen = Http.json(Http.token(port, novartis.token()).get("/api/v1/bookings/" + body.at("/booking/id").asText()));
        assertThat(seen.at("/booking/caseReference").asText()).isEqualTo(c.reference());
        assertThat(Http.json(coordinator.get("/api/v1/cases/" + c.id() + "/bookings")).size()).isEqualTo(1);

        // the apheresis task belongs to the booked stage: collecting the cells closes it
        journey.advance(org.cartpath.shared.Actor.system("collection check"), c.id(), Stage.COLLECTED, null);
        assertThat(journey.tasks(centre.coordinatorActor(), c.id())).filteredOn(CaseTask::isOpen).extracting(CaseTask::title)
                .containsExactly("Ship the cells to the manufacturer");
    }

    @Test
    void theSlotsThatFitAnApheresisDayComeWithTheirPlannedDates() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        JsonNode availability = Http.json(coordinator.get("/api/v1/cases/" + c.id() + "/slot-availability?apheresisDate="
                + week.plusDays(1)));
        assertThat(availability.at("/apheresisDay/chairs").asInt()).isEqualTo(1);
        List<String> ours = availability.get("slots").valueStream().map(s -> s.get("slotId").asText())
                .filter(id -> slots.stream().anyMatch(s -> s.id().toString().equals(id))).toList();
        // Tuesday's cells arrive on Thursday: Thursday's and Friday's slots fit, not Monday to Wednesday
        assertThat(ours).containsExactlyInAnyOrder(slotOn(DayOfWeek.THURSDAY).id().toString(),
                slotOn(DayOfWeek.FRIDAY).id().toString());
        assertThat(availability.get("slots").valueStream().map(s -> s.get("plannedInfusion").asText()).toList())
                .isSorted();
    }

    @Test
    void anApheresisDateInThePastIsRefusedWithTheNextOpenDaysAndWritesNothing() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        long audits = count("select count(*) from audit_event");
        JsonNode problem = assertProblem(book(c, slotOn(DayOfWeek.FRIDAY), journey.today().minusDays(1)), 422,
                "apheresis-date-in-past");
        assertThat(problem.get("openApheresisDays").size()).isPositive();
        assertNothingWritten(c, audits);
    }

    @Test
    void aClosedApheresisDayIsRefusedWithTheOpenDays() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        long audits = count("select count(*) from audit_event");
        LocalDate saturday = week.minusDays(2);
        JsonNode problem = assertProblem(book(c, slotOn(DayOfWeek.FRIDAY), saturday), 422, "apheresis-day-closed");
        assertThat(problem.get("detail").asText()).contains("Monday");
        assertThat(problem.get("openApheresisDays").get(0).asText()).isEqualTo(week.toString());
        assertNothingWritten(c, audits);
    }

    @Test
    void aSlotBeforeTheCellsCanArriveIsRefusedWithTheSlotsThatFit() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        long audits = count("select count(*) from audit_event");
        JsonNode problem = assertProblem(book(c, slotOn(DayOfWeek.TUESDAY), week), 422, "slot-before-cells-arrive");
        assertThat(problem.get("cellsArrive").asText()).isEqualTo(week.plusDays(2).toString());
        List<String> suggested = problem.get("fittingSlots").valueStream().map(s -> s.get("slotId").asText()).toList();
        assertThat(suggested).isNotEmpty().doesNotContain(slotOn(DayOfWeek.MONDAY).id().toString(),
                slotOn(DayOfWeek.TUESDAY).id().toString());
        // the refusal suggests the earliest fitting slots of every manufacturer: ours on Wednesday, unless other tests'
        // slots in the shared database fill the list of suggestions ahead of it
        if (!suggested.contains(slotOn(DayOfWeek.WEDNESDAY).id().toString())) {
            assertThat(suggested).hasSize(BookingChecks.SUGGESTIONS);
        }
        assertNothingWritten(c, audits);
    }

    @Test
    void aCaseThatIsNotApprovedIsRefusedNamingItsStage() {
        TherapyCase c = fixtures.caseAt(centre, "KYMRIAH", "B_ALL", Stage.ELIGIBILITY_ASSESSED, "not yet approved");
        long audits = count("select count(*) from audit_event");
        JsonNode problem = assertProblem(book(c, slotOn(DayOfWeek.FRIDAY), week), 409, "case-not-approved");
        assertThat(problem.get("currentStage").asText()).isEqualTo("ELIGIBILITY_ASSESSED");
        assertNothingWritten(c, audits);
    }

    @Test
    void aSlotOfAnotherProductIsRefusedWithSlotsOfTheCasesProduct() {
        TherapyCase c = fixtures.approvedCase(centre, "YESCARTA", "LBCL");
        long audits = count("select count(*) from audit_event");
        JsonNode problem = assertProblem(book(c, slotOn(DayOfWeek.FRIDAY), week), 422, "slot-product-mismatch");
        assertThat(problem.get("slotProduct").asText()).isEqualTo("KYMRIAH");
        assertThat(problem.get("fittingSlots").valueStream().map(s -> s.get("productCode").asText()))
                .allMatch("YESCARTA"::equals);
        assertNothingWritten(c, audits);
    }

    @Test
    void aBookedSlotAndAFullDayAreRefusedAndNothingIsWritten() {
        TherapyCase first = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        TherapyCase second = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        assertThat(book(first, slotOn(DayOfWeek.WEDNESDAY), week).statusCode()).isEqualTo(201);
        long audits = count("select count(*) from audit_event");
        JsonNode taken = assertProblem(book(second, slotOn(DayOfWeek.WEDNESDAY), week.plusDays(1)), 409, "slot-taken");
        assertThat(taken.get("fittingSlots").valueStream().map(s -> s.get("slotId").asText()))
                .doesNotContain(slotOn(DayOfWeek.WEDNESDAY).id().toString());
        // the centre has one chair, taken on Monday
        JsonNode full = assertProblem(book(second, slotOn(DayOfWeek.FRIDAY), week), 409, "apheresis-day-full");
        assertThat(full.get("openApheresisDays").valueStream().map(JsonNode::asText)).doesNotContain(week.toString())
                .contains(week.plusDays(1).toString());
        assertNothingWritten(second, audits);
        assertThat(chairsBooked(week)).isEqualTo(1);
        // the same case twice
        JsonNode again = assertProblem(book(first, slotOn(DayOfWeek.FRIDAY), week.plusDays(1)), 409, "case-already-booked");
        assertThat(again.get("bookingId").asText()).isNotBlank();
        assertThat(bookingsOf(first)).isEqualTo(1);
    }

    @Test
    void capacityLoweredBelowItsBookingsIsRefusedListingThem() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        assertThat(book(c, slotOn(DayOfWeek.WEDNESDAY), week).statusCode()).isEqualTo(201);
        long publications = count("select count(*) from capacity_publication");
        Map<String, Object> body = new HashMap<>();
        body.put("siteCode", novartis.site());
        body.put("siteName", "Test site " + novartis.site());
        body.put("productCode", "KYMRIAH");
        body.put("weekStart", week.toString());
        body.put("slotsPerDay", Map.of("MONDAY", 1, "TUESDAY", 1, "WEDNESDAY", 0, "THURSDAY", 1, "FRIDAY", 1));
        JsonNode problem = assertProblem(Http.token(port, novartis.token()).postJson("/api/v1/capacity-publications", body),
                409, "capacity-below-bookings");
        assertThat(problem.at("/bookingsInTheWay/0/caseReference").asText()).isEqualTo(c.reference());
        assertThat(count("select count(*) from capacity_publication")).isEqualTo(publications);
        assertThat(fixtures.slotsOf(novartis, week)).filteredOn(s -> !s.withdrawn()).hasSize(5);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        long audits = count("select count(*) from audit_event");
        assertProblem(coordinator.postJson("/api/v1/bookings", Map.of()), 400, "invalid-request", "caseId");
        assertProblem(coordinator.postJson("/api/v1/bookings", Map.of("caseId", c.id().toString())), 400,
                "invalid-request", "slotId");
        assertProblem(coordinator.postJson("/api/v1/bookings", Map.of("caseId", "not-an-id", "slotId", "x")), 400,
                "invalid-request", "caseId");
        assertProblem(coordinator.postJson("/api/v1/bookings", Map.of("caseId", c.id().toString(),
                "slotId", slotOn(DayOfWeek.FRIDAY).id().toString())), 400, "invalid-request", "apheresisDate");
        assertProblem(coordinator.postJson("/api/v1/bookings", Map.of("caseId", c.id().toString(),
                "slotId", slotOn(DayOfWeek.FRIDAY).id().toString(), "apheresisDate", "31/12/2026")), 400,
                "invalid-request", "apheresisDate");
        assertProblem(coordinator.postJson("/api/v1/bookings", Map.of("caseId", c.id().toString(),
                "slotId", slotOn(DayOfWeek.FRIDAY).id().toString(), "apheresisDate", week.plusYears(2).toString())), 400,
                "invalid-request", "apheresisDate");
        assertProblem(coordinator.postJson("/api/v1/bookings", Map.of("caseId", c.id().toString(),
                "slotId", UUID.randomUUID().toString(), "apheresisDate", week.toString())), 404, "not-found");
        // a blank caseId is a missing one (it was a null id, a 500, before the role check)
        for (String blank : new String[] {"", "   "}) {
            assertProblem(coordinator.postJson("/api/v1/bookings", Map.of("caseId", blank,
                    "slotId", slotOn(DayOfWeek.FRIDAY).id().toString(), "apheresisDate", week.toString())), 400,
                    "invalid-request", "caseId");
            assertProblem(Http.token(port, novartis.token()).postJson("/api/v1/bookings", Map.of("caseId", blank)), 400,
                    "invalid-request", "caseId");
            assertProblem(coordinator.postJson("/api/v1/waitlist-entries", Map.of("caseId", blank)), 400,
                    "invalid-request", "caseId");
        }
        assertProblem(coordinator.postJson("/api/v1/bookings", "{\"caseId\": [1]}"), 400, "unreadable-body");
        assertProblem(coordinator.sendJson("POST", "/api/v1/bookings", "", Map.of()), 400, "invalid-request", "body");
        assertProblem(coordinator.get("/api/v1/cases/" + c.id() + "/slot-availability"), 400, "invalid-request",
                "apheresisDate");
        assertProblem(coordinator.get("/api/v1/cases/" + c.id() + "/slot-availability?apheresisDate=" + week + "&weeks=0"),
                400, "invalid-request", "weeks");
        assertProblem(coordinator.get("/api/v1/cases/" + c.id() + "/slot-availability?apheresisDate=" + week + "&weeks=1.5"),
                400, "invalid-request", "weeks");
        assertProblem(coordinator.get("/api/v1/bookings/nonsense"), 404, "not-found");
        assertProblem(coordinator.get("/api/v1/bookings/" + UUID.randomUUID()), 404, "not-found");
        assertNothingWritten(c, audits);
    }

    @Test
    void anotherOrganisationsCaseIsNotFoundAndOtherRolesMayNotBook() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        Centre other = fixtures.centre(1);
        Http otherCoordinator = Http.signedIn(port, other.coordinator().username(), IdentityFixtures.PASSWORD);
        Map<String, Object> body = Map.of("caseId", c.id().toString(), "slotId", slotOn(DayOfWeek.FRIDAY).id().toString(),
                "apheresisDate", week.toString());
        long audits = count("select count(*) from audit_event");
        assertProblem(otherCoordinator.postJson("/api/v1/bookings", body), 404, "not-found");
        assertProblem(otherCoordinator.get("/api/v1/cases/" + c.id() + "/slot-availability?apheresisDate=" + week), 404,
                "not-found");
        assertProblem(Http.token(port, novartis.token()).postJson("/api/v1/bookings", body), 404, "not-found");
        Http consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
        assertProblem(consultant.postJson("/api/v1/bookings", body), 403, "forbidden");
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        assertProblem(referrer.postJson("/api/v1/bookings", body), 403, "forbidden");
        assertNothingWritten(c, audits);
    }

    @Test
    void aReplayedBookingReturnsTheFirstAnswerAndBooksOnce() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        Map<String, Object> body = Map.of("caseId", c.id().toString(), "slotId", slotOn(DayOfWeek.FRIDAY).id().toString(),
                "apheresisDate", week.toString());
        String key = "booking-" + UUID.randomUUID();
        HttpResponse<String> first = coordinator.sendJson("POST", "/api/v1/bookings", body, Map.of("Idempotency-Key", key));
        HttpResponse<String> replay = coordinator.sendJson("POST", "/api/v1/bookings", body, Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(bookingsOf(c)).isEqualTo(1);
        assertThat(chairsBooked(week)).isEqualTo(1);
    }

    private void assertNothingWritten(TherapyCase c, long auditsBefore) {
        assertThat(bookingsOf(c)).isZero();
        assertThat(count("select count(*) from audit_event")).isEqualTo(auditsBefore);
        assertThat(count("select count(*) from apheresis_day where centre_id = ? and booked > 0",
                centre.organisation().id().value())).isLessThanOrEqualTo(1);
        assertThat(journey.get(centre.coordinatorActor(), c.id()).therapyCase().stage()).isIn(Stage.PANEL_APPROVED,
                Stage.ELIGIBILITY_ASSESSED);
        assertThat(count("select count(*) from case_party where case_id = ? and role = 'MANUFACTURER'", c.id().value()))
                .isZero();
    }
}
