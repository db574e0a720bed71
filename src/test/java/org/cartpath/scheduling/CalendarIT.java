package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The centre's and the manufacturer's calendars, utilisation per week and the manufacturer's CSV export. */
@CartpathIntegrationTest
class CalendarIT {

    @LocalServerPort
    int port;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    SlotBookings bookings;

    @Test
    void theCentreAndTheManufacturerEachSeeTheirWeekAndItsUtilisation() {
        Centre centre = fixtures.centre(2);
        Manufacturer manufacturer = fixtures.manufacturer();
        LocalDate week = fixtures.week(2);
        List<ManufacturingSlot> slots = fixtures.publish(manufacturer, "KYMRIAH", week,
                Map.of(DayOfWeek.WEDNESDAY, 2, DayOfWeek.THURSDAY, 1), List.of());
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        BookingOutcome outcome = bookings.book(centre.coordinatorActor(), new NewBooking(c.id(), slots.get(0).id(), week, false));
        LocalDate infusion = outcome.plan().step(PlanStep.INFUSION).orElseThrow().plannedOn();

        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        JsonNode centreWeek = Http.json(coordinator.get("/api/v1/calendars/centre?week=" + week.plusDays(3)));
        assertThat(centreWeek.get("weekStart").asText()).isEqualTo(week.toString());
        JsonNode monday = centreWeek.get("days").get(0);
        assertThat(monday.at("/apheresis/chairs").asInt()).isEqualTo(2);
        assertThat(monday.at("/apheresis/booked").asInt()).isEqualTo(1);
        assertThat(monday.at("/collections/0/caseReference").asText()).isEqualTo(c.reference());
        assertThat(centreWeek.get("days").get(5).at("/apheresis/chairs").asInt()).isZero();
        JsonNode infusionWeek = Http.json(coordinator.get("/api/v1/calendars/centre?week=" + infusion));
        JsonNode infusionDay = infusionWeek.get("days").get(infusion.getDayOfWeek().getValue() - 1);
        assertThat(infusionDay.at("/infusions/0/caseReference").asText()).isEqualTo(c.reference());
        assertThat(infusionDay.get("inpatients").size()).isEqualTo(1);

        JsonNode centreUse = Http.json(coordinator.get("/api/v1/utilisation?from=" + week + "&weeks=1"));
        assertThat(centreUse.get(0).get("chairs").asInt()).isEqualTo(10);
        assertThat(centreUse.get(0).get("chairsUsed").asInt()).isEqualTo(1);
        assertThat(centreUse.get(0).get("collections").asInt()).isEqualTo(1);

        Http system = Http.token(port, manufacturer.token());
        JsonNode manufacturerWeek = Http.json(system.get("/api/v1/calendars/manufacturer?week=" + week));
        JsonNode wednesday = manufacturerWeek.get("rows").get(0);
        assertThat(wednesday.get("windowStart").asText()).isEqualTo(week.plusDays(2).toString());
        assertThat(wednesday.get("slots").asInt()).isEqualTo(2);
        assertThat(wednesday.get("free").asInt()).isEqualTo(1);
        assertThat(wednesday.at("/bookings/0/caseReference").asText()).isEqualTo(c.reference());
        assertThat(wednesday.at("/bookings/0/centreName").asText()).isEqualTo(centre.organisation().name());
        assertThat(wednesday.at("/bookings/0/cellsArrive").asText()).isEqualTo(week.plusDays(2).toString());
        JsonNode use = Http.json(system.get("/api/v1/utilisation?from=" + week + "&weeks=2"));
        assertThat(use.get(0).get("slots").asInt()).isEqualTo(3);
        assertThat(use.get(0).get("booked").asInt()).isEqualTo(1);
        assertThat(use.get(0).get("free").asInt()).isEqualTo(2);
        assertThat(use.get(1).get("slots").asInt()).isZero();

        var csv = system.get("/api/v1/manufacturer-bookings/export?from=" + week + "&to=" + week.plusDays(6));
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("booking_id,case_reference,chain_of_identity,centre");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(c.reference()).contains(centre.organisation().name()).contains("BOOKED");
        JsonNode page = Http.json(system.get("/api/v1/manufacturer-bookings?from=" + week + "&to=" + week.plusDays(6)
                + "&size=1"));
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.at("/items/0/caseReference").asText()).isEqualTo(c.reference());
    }

    @Test
    void calendarsRefuseNonsenseAndTheWrongKindOfOrganisation() {
        Centre centre = fixtures.centre(1);
        Manufacturer manufacturer = fixtures.manufacturer();
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        Http system = Http.token(port, manufacturer.token());
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        assertProblem(coordinator.get("/api/v1/calendars/centre?week=someday"), 400, "invalid-request", "week");
        assertProblem(coordinator.get("/api/v1/utilisation?weeks=0"), 400, "invalid-request", "weeks");
        assertProblem(coordinator.get("/api/v1/utilisation?weeks=27"), 400, "invalid-request", "weeks");
        assertProblem(coordinator.get("/api/v1/utilisation?weeks=two"), 400, "invalid-request");
        assertProblem(coordinator.get("/api/v1/calendars/manufacturer"), 403, "forbidden");
        assertProblem(coordinator.get("/api/v1/manufacturer-bookings?from=2026-12-01&to=2026-12-31"), 403, "forbidden");
        assertProblem(system.get("/api/v1/calendars/centre"), 403, "forbidden");
        assertProblem(system.get("/api/v1/manufacturer-bookings?to=2026-12-31"), 400, "invalid-request", "from");
        assertProblem(system.get("/api/v1/manufacturer-bookings?from=2026-12-31&to=2026-12-01"), 400, "invalid-request", "to");
        assertProblem(system.get("/api/v1/manufacturer-bookings?from=2026-12-01&to=2026-12-31&size=500"), 400,
                "invalid-request", "size");
        assertProblem(system.get("/api/v1/manufacturer-bookings/export?from=2026-12-01"), 400, "invalid-request", "to");
        assertProblem(referrer.get("/api/v1/calendars/centre"), 403, "forbidden");
        assertProblem(referrer.get("/api/v1/utilisation"), 403, "forbidden");
    }
}
