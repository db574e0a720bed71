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
import org.cartpath.journey.TimelineEntry;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.Reactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Moving a booking earlier and later across a weekend and a site holiday, flagging what no longer fits;
 * cancelling and rebooking; booking again after a manufacturing failure. Bookings are never deleted.
 */
@CartpathIntegrationTest
class RescheduleAndCancelIT {

    @LocalServerPort
    int port;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reactions reactions;

    Centre centre;
    Manufacturer manufacturer;
    Http coordinator;
    LocalDate week;
    List<ManufacturingSlot> slots;

    @BeforeEach
    void slotsAroundASiteHoliday() {
        centre = fixtures.centre(2);
        manufacturer = fixtures.manufacturer();
        coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        week = fixtures.week(2);
        // Thursday and Friday slots; the site is closed on Wednesday (a holiday)
        slots = fixtures.publish(manufacturer, "KYMRIAH", week, Map.of(DayOfWeek.THURSDAY, 1, DayOfWeek.FRIDAY, 1),
                List.of(new CapacityPublication.CapacityException(week.plusDays(2), 0, "Site holiday")));
    }

    private ManufacturingSlot slotOn(DayOfWeek day) {
        return slots.stream().filter(s -> s.windowStart().getDayOfWeek() == day).findFirst().orElseThrow();
    }

    private JsonNode book(TherapyCase c, ManufacturingSlot slot, LocalDate apheresis) {
        HttpResponse<String> response = coordinator.postJson("/api/v1/bookings", Map.of("caseId", c.id().toString(),
                "slotId", slot.id().toString(), "apheresisDate", apheresis.toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private HttpResponse<String> reschedule(String bookingId, LocalDate apheresis, ManufacturingSlot slot, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("apheresisDate", apheresis == null ? null : apheresis.toString());
        body.put("slotId", slot == null ? null : slot.id().toString());
        body.put("reason", reason);
        return coordinator.postJson("/api/v1/bookings/" + bookingId + "/rescheduling", body);
    }

    private long chairs(LocalDate day) {
        return jdbc.sql("select coalesce(sum(booked), 0) from apheresis_day where centre_id = ? and day = ?")
                .params(centre.organisation().id().value(), day).query(Long.class).single();
    }

    private String step(JsonNode plan, String step) {
        return plan.get("steps").valueStream().filter(s -> s.get("step").asText().equals(step)).findFirst().orElseThrow()
                .get("plannedOn").asText();
    }

    private List<String> openTasks(TherapyCase c) {
        return journey.tasks(centre.coordinatorActor(), c.id()).stream().filter(CaseTask::isOpen).map(CaseTask::title).toList();
    }

    @Test
    void movingApheresisEarlierAndLaterReplansAcrossTheWeekendAndTheHolidayAndFlagsWhatNoLongerFits() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        LocalDate monday = week;
        // Monday + 2 is the site holiday: the cells arrive on Thursday, in time for Thursday's slot
        JsonNode booked = book(c, slotOn(DayOfWeek.THURSDAY), monday);
        assertThat(step(booked.get("plan"), "SHIPMENT_TO_SITE")).isEqualTo(week.plusDays(3).toString());
        String infusion = step(booked.get("plan"), "INFUSION");

        // earlier, across the weekend: Friday + 2 is Sunday, so Monday; the slot and everything after it stay
        LocalDate friday = monday.minusDays(3);
        JsonNode earlier = Http.json(reschedule(booked.at("/booking/id").asText(), friday, null, "Patient available sooner"));
        assertThat(earlier.get("conflicts").size()).isZero();
        assertThat(step(earlier.get("plan"), "SHIPMENT_TO_SITE")).isEqualTo(monday.toString());
        assertThat(step(earlier.get("plan"), "INFUSION")).isEqualTo(infusion);
        assertThat(chairs(monday)).isZero();
        assertThat(chairs(friday)).isEqualTo(1);

        // later, across the holiday: Tuesday + 2 is the closed Wednesday... Thursday, still in time
        LocalDate tuesday = monday.plusDays(1);
        JsonNode later = Http.json(reschedule(earlier.at("/booking/id").asText(), tuesday, null, "Line access delayed"));
        assertThat(later.get("conflicts").size()).isZero();
        assertThat(step(later.get("plan"), "SHIPMENT_TO_SITE")).isEqualTo(week.plusDays(3).toString());

        // later still: Wednesday + 2 is Friday, after Thursday's slot; the move is made and flagged
        LocalDate wednesday = monday.plusDays(2);
        HttpResponse<String> response = reschedule(later.at("/booking/id").asText(), wednesday, null, "Infection");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode conflicted = Http.json(response);
        assertThat(conflicted.get("conflicts").valueStream().map(s -> s.get("step").asText()))
                .containsExactly("SHIPMENT_TO_SITE", "MANUFACTURING");
        // the alternatives are the ten best-fitting slots of any manufacturer: Friday's is among them unless the shared
        // test database holds ten others of the product that fit as well (other tests publish capacity in this week)
        List<JsonNode> alternatives = conflicted.get("alternatives").valueStream().toList();
        assertThat(alternatives).isNotEmpty().allSatisfy(a -> assertThat(a.get("productCode").asText()).isEqualTo("KYMRIAH"));
        assertThat(alternatives.stream().anyMatch(a -> a.get("slotId").asText().equals(slotOn(DayOfWeek.FRIDAY).id().toString()))
                || alternatives.size() == 10).as("Friday's slot is offered, or ten slots that fit as well are").isTrue();
        assertThat(step(conflicted.get("plan"), "INFUSION")).isGreaterThan(infusion);
        assertThat(openTasks(c)).anyMatch(t -> t.startsWith("Resolve the plan conflict: The cells arrive at the site on "
                + week.plusDays(4)));

        // choosing Friday's slot resolves it; Thursday's slot is free again
        JsonNode resolved = Http.json(reschedule(conflicted.at("/booking/id").asText(), wednesday, slotOn(DayOfWeek.FRIDAY),
                "Move to the slot that fits"));
        assertThat(resolved.get("conflicts").size()).isZero();
        assertThat(openTasks(c)).noneMatch(t -> t.startsWith("Resolve")).contains("Collect the cells: apheresis on " + wednesday);
        assertThat(jdbc.sql("select booking_id from manufacturing_slot where id = ?").param(slotOn(DayOfWeek.THURSDAY).id())
                .query(UUID.class).optional()).isEmpty();

        // every booking is kept: four rescheduled, one booked; one chair in use
        JsonNode history = Http.json(coordinator.get("/api/v1/cases/" + c.id() + "/bookings"));
        assertThat(history.valueStream().map(b -> b.get("status").asText()))
                .containsExactly("BOOKED", "RESCHEDULED", "RESCHEDULED", "RESCHEDULED", "RESCHEDULED");
        assertThat(history.get(1).get("endReason").asText()).isEqualTo("Move to the slot that fits");
        assertThat(jdbc.sql("select coalesce(sum(booked), 0) from apheresis_day where centre_id = ?")
                .param(centre.organisation().id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'BOOKING_RESCHEDULED' and entity_id in "
                        + "(select id::text from slot_booking where case_id = ?)")
                .param(c.id().value()).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void reschedulingRefusesBadInputAndWritesNothing() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        TherapyCase other = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        String id = book(c, slotOn(DayOfWeek.THURSDAY), week).at("/booking/id").asText();
        book(other, slotOn(DayOfWeek.FRIDAY), week.plusDays(1));
        Http stranger = Http.signedIn(port, fixtures.centre(1).coordinator().username(), IdentityFixtures.PASSWORD);
        reactions.settle(); // the two bookings' notices to the manufacturer are audited after their commits
        long audits = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertProblem(reschedule(id, week.plusDays(1), null, null), 400, "invalid-request", "reason");
        assertProblem(reschedule(id, null, null, "why"), 400, "invalid-request", "apheresisDate");
        assertProblem(reschedule(id, week, null, "why"), 400, "invalid-request", "apheresisDate");
        assertProblem(reschedule(id, week.minusDays(2), null, "why"), 422, "apheresis-day-closed");
        assertProblem(reschedule(id, journey.today().minusDays(1), null, "why"), 422, "apheresis-date-in-past");
        assertProblem(reschedule(id, week.plusDays(1), slotOn(DayOfWeek.FRIDAY), "why"), 409, "slot-taken");
        assertProblem(coordinator.postJson("/api/v1/bookings/" + id + "/rescheduling", Map.of("apheresisDate", "soon",
                "reason", "x")), 400, "invalid-request", "apheresisDate");
        assertProblem(coordinator.postJson("/api/v1/bookings/" + UUID.randomUUID() + "/rescheduling",
                Map.of("apheresisDate", week.toString(), "reason", "x")), 404, "not-found");
        assertProblem(stranger.postJson("/api/v1/bookings/" + id + "/rescheduling",
                Map.of("apheresisDate", week.plusDays(1).toString(), "reason", "x")), 404, "not-found");
        assertProblem(Http.token(port, manufacturer.token()).postJson("/api/v1/bookings/" + id + "/rescheduling",
                Map.of("apheresisDate", week.plusDays(1).toString(), "reason", "x")), 403, "forbidden");
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audits);
        assertThat(jdbc.sql("select count(*) from slot_booking where case_id = ?").param(c.id().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void cancellingFreesTheSlotAndTheChairKeepsTheHistoryAndTheStageAndTheCaseCanBookAgain() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        String id = book(c, slotOn(DayOfWeek.THURSDAY), week).at("/booking/id").asText();
        assertProblem(coordinator.postJson("/api/v1/bookings/" + id + "/cancellation", Map.of()), 400,
                "invalid-request", "reason");
        HttpResponse<String> cancelled = coordinator.postJson("/api/v1/bookings/" + id + "/cancellation",
                Map.of("reason", "Patient unwell; rebook in two weeks"));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(Http.json(cancelled).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(chairs(week)).isZero();
        assertThat(jdbc.sql("select booking_id from manufacturing_slot where id = ?").param(slotOn(DayOfWeek.THURSDAY).id())
                .query(UUID.class).optional()).isEmpty();
        assertThat(journey.get(centre.coordinatorActor(), c.id()).therapyCase().stage()).isEqualTo(Stage.SLOT_BOOKED);
        assertThat(openTasks(c)).containsExactly("Rebook a manufacturing slot or add the case to the waitlist");
        assertProblem(coordinator.postJson("/api/v1/bookings/" + id + "/cancellation", Map.of("reason", "again")), 409,
                "booking-not-active");
        assertProblem(reschedule(id, week.plusDays(1), null, "too late"), 409, "booking-not-active");

        // booking again from SLOT_BOOKED records a note, not a transition
        int version = journey.get(centre.coordinatorActor(), c.id()).therapyCase().version();
        book(c, slotOn(DayOfWeek.THURSDAY), week.plusDays(1));
        assertThat(journey.get(centre.coordinatorActor(), c.id()).therapyCase().version()).isEqualTo(version);
        assertThat(journey.timeline(centre.coordinatorActor(), c.id())).extracting(TimelineEntry::kind)
                .contains("BOOKING_CANCELLED", "SLOT_REBOOKED");
        assertThat(openTasks(c)).containsExactly("Collect the cells: apheresis on " + week.plusDays(1));
        JsonNode history = Http.json(coordinator.get("/api/v1/cases/" + c.id() + "/bookings"));
        assertThat(history.valueStream().map(b -> b.get("status").asText())).containsExactly("BOOKED", "CANCELLED");
    }

    @Test
    void aBookingCannotMoveOrBeCancelledOnceTheCellsAreCollected() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        String id = book(c, slotOn(DayOfWeek.THURSDAY), week).at("/booking/id").asText();
        journey.advance(SchedulingFixtures.SETUP, c.id(), Stage.COLLECTED, "collected");
        JsonNode problem = assertProblem(coordinator.postJson("/api/v1/bookings/" + id + "/cancellation",
                Map.of("reason", "x")), 409, "cells-already-collected");
        assertThat(problem.get("currentStage").asText()).isEqualTo("Cells collected");
        assertProblem(reschedule(id, week.plusDays(1), null, "x"), 409, "cells-already-collected");
        assertThat(chairs(week)).isEqualTo(1);
    }

    @Test
    void aCaseThatEndsBeforeCollectionReleasesItsBookingAtOnceAndGetsNoRebookingTask() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        String id = book(c, slotOn(DayOfWeek.THURSDAY), week).at("/booking/id").asText();
        long cancellations = jdbc.sql("select count(*) from audit_event where action = 'BOOKING_CANCELLED' and entity_id = ?")
                .param(id).query(Long.class).single();
        journey.end(centre.coordinatorActor(), c.id(), Stage.WITHDRAWN, "Family chose palliative care");

        JsonNode booking = Http.json(coordinator.get("/api/v1/bookings/" + id));
        assertThat(booking.at("/booking/status").asText()).isEqualTo("CANCELLED");
        assertThat(booking.at("/booking/endReason").asText())
                .isEqualTo("The case ended (Withdrawn): Family chose palliative care");
        assertThat(chairs(week)).isZero();
        assertThat(jdbc.sql("select booking_id from manufacturing_slot where id = ?").param(slotOn(DayOfWeek.THURSDAY).id())
                .query(UUID.class).optional()).as("the slot is free for another child").isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'BOOKING_CANCELLED' and entity_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(cancellations + 1);
        assertThat(openTasks(c)).isEmpty();
        assertThat(coordinator.get("/cases/" + c.id()).body()).doesNotContain("Release the booking (the case has ended)");
        assertProblem(coordinator.postJson("/api/v1/bookings/" + id + "/cancellation", Map.of("reason", "again")), 409,
                "booking-not-active");
    }

    @Test
    void aCaseThatEndsAfterCollectionKeepsItsSlotAndTheCoordinatorDecides() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        String id = book(c, slotOn(DayOfWeek.THURSDAY), week).at("/booking/id").asText();
        journey.advance(SchedulingFixtures.SETUP, c.id(), Stage.COLLECTED, "collected");
        journey.end(centre.coordinatorActor(), c.id(), Stage.DECEASED, "Died of progressive disease");
        assertThat(Http.json(coordinator.get("/api/v1/bookings/" + id)).at("/booking/status").asText())
                .as("the cells are at the manufacturer: nothing is released behind anyone's back").isEqualTo("BOOKED");
        assertThat(coordinator.get("/cases/" + c.id()).body()).contains("Release the booking (the case has ended)");
        HttpResponse<String> released = coordinator.postJson("/api/v1/bookings/" + id + "/cancellation",
                Map.of("reason", "Manufacturer confirmed the cells are discarded"));
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(jdbc.sql("select booking_id from manufacturing_slot where id = ?").param(slotOn(DayOfWeek.THURSDAY).id())
                .query(UUID.class).optional()).isEmpty();
    }

    @Test
    void afterAManufacturingFailureTheSameFlowBooksARecollectionOrARemanufactureAndKeepsTheUsedBooking() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        book(c, slotOn(DayOfWeek.THURSDAY), week);
        journey.advance(SchedulingFixtures.SETUP, c.id(), Stage.COLLECTED, "collected");
        journey.advance(SchedulingFixtures.SETUP, c.id(), Stage.IN_MANUFACTURING, "shipped");
        List<ManufacturingSlot> later = fixtures.publish(manufacturer, "KYMRIAH", fixtures.week(4),
                Map.of(DayOfWeek.THURSDAY, 2), List.of());
        JsonNode recollection = book(c, later.get(0), fixtures.week(4));
        assertThat(recollection.at("/booking/purpose").asText()).isEqualTo("RECOLLECTION");
        assertThat(journey.get(centre.coordinatorActor(), c.id()).therapyCase().stage()).isEqualTo(Stage.SLOT_BOOKED);
        JsonNode history = Http.json(coordinator.get("/api/v1/cases/" + c.id() + "/bookings"));
        assertThat(history.valueStream().map(b -> b.get("status").asText())).containsExactly("BOOKED", "SUPERSEDED");

        TherapyCase failed = fixtures.caseAt(centre, "KYMRIAH", "B_ALL", Stage.IN_MANUFACTURING, "failed manufacture");
        assertProblem(coordinator.postJson("/api/v1/bookings", Map.of("caseId", failed.id().toString(),
                "slotId", later.get(1).id().toString(), "apheresisDate", fixtures.week(4).toString(), "remanufacture", true)),
                400, "invalid-request", "apheresisDate");
        HttpResponse<String> remanufacture = coordinator.postJson("/api/v1/bookings", Map.of("caseId", failed.id().toString(),
                "slotId", later.get(1).id().toString(), "remanufacture", true));
        assertThat(remanufacture.statusCode()).as(remanufacture.body()).isEqualTo(201);
        JsonNode r = Http.json(remanufacture);
        assertThat(r.at("/booking/purpose").asText()).isEqualTo("REMANUFACTURE");
        assertThat(r.at("/booking/apheresisDate").isNull()).isTrue();
        assertThat(r.at("/plan/steps/0/step").asText()).isEqualTo("MANUFACTURING");
    }
}
