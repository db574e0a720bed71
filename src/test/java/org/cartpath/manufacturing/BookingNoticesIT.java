package org.cartpath.manufacturing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.ManufacturingSlot;
import org.cartpath.scheduling.SchedulingFixtures;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.scheduling.SlotBooked;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The manufacturer's booking notices (docs/adr/0022-reactions-through-the-event-publication-registry.md): a booking of
 * its slot, the booking's move (to its own slot, or away to another manufacturer's) and its cancellation each reach the
 * manufacturer concerned once, after the booking's commit, with the case reference but never the centre's reason; a
 * manufacturer sees only its own notices.
 */
@CartpathIntegrationTest
class BookingNoticesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PAGE = "/manufacturing/booking-notices";

    @LocalServerPort
    int port;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    Centre centre;
    Manufacturer first;
    Manufacturer second;
    Http coordinator;
    LocalDate week;
    List<ManufacturingSlot> firstSlots;
    List<ManufacturingSlot> secondSlots;

    @BeforeEach
    void twoManufacturersWithSlots() {
        centre = fixtures.centre(2);
        first = fixtures.manufacturer();
        second = fixtures.manufacturer();
        coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        week = fixtures.week(2);
        firstSlots = fixtures.publish(first, "KYMRIAH", week, Map.of(DayOfWeek.THURSDAY, 1, DayOfWeek.FRIDAY, 1), List.of());
        secondSlots = fixtures.publish(second, "KYMRIAH", week, Map.of(DayOfWeek.FRIDAY, 1), List.of());
    }

    private static ManufacturingSlot on(List<ManufacturingSlot> slots, DayOfWeek day) {
        return slots.stream().filter(s -> s.windowStart().getDayOfWeek() == day).findFirst().orElseThrow();
    }

    private String book(TherapyCase c, ManufacturingSlot slot, LocalDate apheresis) {
        HttpResponse<String> response = coordinator.postJson("/api/v1/bookings", Map.of("caseId", c.id().toString(),
                "slotId", slot.id().toString(), "apheresisDate", apheresis.toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).at("/booking/id").asText();
    }

    private String reschedule(String bookingId, LocalDate apheresis, ManufacturingSlot slot) {
        Map<String, Object> body = new HashMap<>();
        body.put("apheresisDate", apheresis.toString());
        body.put("slotId", slot == null ? null : slot.id().toString());
        body.put("reason", "Secret reason: patient's line infected");
        HttpResponse<String> response = coordinator.postJson("/api/v1/bookings/" + bookingId + "/rescheduling", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).at("/booking/id").asText();
    }

    private List<Map<String, Object>> notices(String bookingId) {
        return jdbc.sql("select manufacturer_id, kind, case_reference, apheresis_date from manufacturing_booking_notice"
                + " where booking_id = ? order by kind").param(UUID.fromString(bookingId)).query().listOfRows();
    }

    private void awaitNotice(String bookingId, Manufacturer manufacturer, String kind) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(notices(bookingId)).anySatisfy(n -> {
            assertThat(n.get("kind")).isEqualTo(kind);
            assertThat(n.get("manufacturer_id")).isEqualTo(manufacturer.organisation().id().value());
        }));
    }

    private Http operator(Manufacturer manufacturer) {
        return Http.signedIn(port, manufacturer.operator().username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void eachManufacturerConcernedIsToldOfTheBookingItsMovesAndItsCancellationOnce() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        LocalDate monday = week;
        String booked = book(c, on(firstSlots, DayOfWeek.THURSDAY), monday);
        awaitNotice(booked, first, "BOOKED");
        assertThat(notices(booked).get(0).get("apheresis_date")).isEqualTo(java.sql.Date.valueOf(monday));

        // another day at the same manufacturer: a move
        String moved = reschedule(booked, monday.plusDays(1), on(firstSlots, DayOfWeek.FRIDAY));
        awaitNotice(moved, first, "RESCHEDULED");

        // to the other manufacturer's slot: the first is told the booking moved away, the second that it has it
        String away = reschedule(moved, monday.plusDays(1), on(secondSlots, DayOfWeek.FRIDAY));
        awaitNotice(away, second, "RESCHEDULED");
        awaitNotice(moved, first, "MOVED_ELSEWHERE");

        HttpResponse<String> cancelled = coordinator.postJson("/api/v1/bookings/" + away + "/cancellation",
                Map.of("reason", "Secret reason: patient declined"));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        awaitNotice(away, second, "CANCELLED");

        assertThat(notices(booked)).hasSize(1);
        assertThat(notices(moved)).extracting(n -> n.get("kind")).containsExactly("MOVED_ELSEWHERE", "RESCHEDULED");
        assertThat(notices(away)).extracting(n -> n.get("kind")).containsExactly("CANCELLED", "RESCHEDULED");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'BOOKING_NOTICE_SENT' and after_state like ?")
                .param("%" + c.reference() + "%").query(Long.class).single()).isEqualTo(5);

        // the first manufacturer's page: its three notices, the case reference, never the centre's reasons
        String firstPage = operator(first).get(PAGE).body();
        assertThat(firstPage).contains(c.reference()).contains("data-booking=\"" + booked + "\"")
                .contains("Moved to another manufacturer").doesNotContain("Secret reason")
                .doesNotContain("data-booking=\"" + away + "\"");
        String secondPage = operator(second).get(PAGE).body();
        assertThat(secondPage).contains("data-booking=\"" + away + "\"").contains("Cancelled")
                .doesNotContain("data-booking=\"" + booked + "\"").doesNotContain("Secret reason");
    }

    @Test
    void aSecondPublicationOfTheSameBookingLeavesOneNotice() {
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        String booked = book(c, on(firstSlots, DayOfWeek.THURSDAY), week);
        awaitNotice(booked, first, "BOOKED");

        // as after a crash between the listener's work and its completion: the event handed to the listener again
        UUID bookingId = UUID.fromString(booked);
        SlotBooked again = new SlotBooked(bookingId, c.id(), on(firstSlots, DayOfWeek.THURSDAY).id(), week,
                org.cartpath.scheduling.BookingPurpose.COLLECTION);
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(again));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from event_publication_archive
                where event_type = 'org.cartpath.scheduling.SlotBooked' and serialized_event like ?
                  and listener_id like '%BookingNotices%'""").param("%" + booked + "%").query(Long.class).single())
                .isEqualTo(2));
        assertThat(notices(booked)).hasSize(1);
    }

    @Test
    void onlyTheManufacturersOperatorsSeeTheirNotices() {
        assertThat(coordinator.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(operator(first).get(PAGE).statusCode()).isEqualTo(200);
    }
}
