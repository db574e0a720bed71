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
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Publishing and mirroring manufacturing capacity, and setting apheresis chairs, over the API. */
@CartpathIntegrationTest
class CapacityApiIT {

    @LocalServerPort
    int port;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    SlotBookings bookings;

    @Autowired
    JdbcClient jdbc;

    Manufacturer manufacturer;
    Http system;
    LocalDate week;

    @BeforeEach
    void aManufacturer() {
        manufacturer = fixtures.manufacturer();
        system = Http.token(port, manufacturer.token());
        week = fixtures.week(3);
    }

    private Map<String, Object> publication(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        body.put("siteCode", manufacturer.site());
        body.put("siteName", "Morris Plains");
        body.put("productCode", "KYMRIAH");
        body.put("weekStart", week.toString());
        body.put("slotsPerDay", Map.of("MONDAY", 2, "WEDNESDAY", 1));
        body.putAll(changes);
        body.values().removeIf(v -> v == null);
        return body;
    }

    private Map<String, Object> with(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long publications() {
        return count("select count(*) from capacity_publication p join manufacturing_site s on s.id = p.site_id "
                + "where s.manufacturer_id = ?", manufacturer.organisation().id().value());
    }

    @Test
    void republishingTheSameWeekIsNotADuplicateAndOtherContentReplacesItKeepingBookings() {
        HttpResponse<String> created = system.postJson("/api/v1/capacity-publications", publication(Map.of()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Http.json(created).get("outcome").asText()).isEqualTo("CREATED");
        assertThat(Http.json(created).get("slots").asInt()).isEqualTo(3);
        long audits = count("select count(*) from audit_event where action = 'CAPACITY_PUBLISHED'");

        HttpResponse<String> again = system.postJson("/api/v1/capacity-publications", publication(Map.of()));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(Http.json(again).get("version").asInt()).isEqualTo(1);
        assertThat(publications()).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'CAPACITY_PUBLISHED'")).isEqualTo(audits);

        // a booking on Wednesday, then the week shrinks on Monday and grows on Friday
        Centre centre = fixtures.centre(1);
        TherapyCase c = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        ManufacturingSlot wednesday = fixtures.slotsOf(manufacturer, week).stream()
                .filter(s -> s.windowStart().getDayOfWeek() == DayOfWeek.WEDNESDAY).findFirst().orElseThrow();
        bookings.book(centre.coordinatorActor(), new NewBooking(c.id(), wednesday.id(), week, false));
        HttpResponse<String> replaced = system.postJson("/api/v1/capacity-publications",
                publication(Map.of("slotsPerDay", Map.of("MONDAY", 1, "WEDNESDAY", 1, "FRIDAY", 3))));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode result = Http.json(replaced);
        assertThat(result.get("outcome").asText()).isEqualTo("REPLACED");
        assertThat(result.get("version").asInt()).isEqualTo(2);
        assertThat(result.get("slots").asInt()).isEqualTo(5);
        assertThat(result.get("booked").asInt()).isEqualTo(1);
        assertThat(result.get("withdrawn").asInt()).isEqualTo(1);
        assertThat(fixtures.slotsOf(manufacturer, week)).filteredOn(s -> s.id().equals(wednesday.id()))
                .singleElement().satisfies(s -> assertThat(s.bookingId()).isNotNull());

        // replayed with the same Idempotency-Key: the first answer, nothing new
        String key = "capacity-" + UUID.randomUUID();
        Map<String, Object> body = publication(Map.of("slotsPerDay", Map.of("MONDAY", 1, "WEDNESDAY", 1, "FRIDAY", 4)));
        HttpResponse<String> first = system.sendJson("POST", "/api/v1/capacity-publications", body, Map.of("Idempotency-Key", key));
        HttpResponse<String> replay = system.sendJson("POST", "/api/v1/capacity-publications", body, Map.of("Idempotency-Key", key));
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(publications()).isEqualTo(3);
    }

    @Test
    void weeklyCapacityWithASiteHolidayGivesSlotsForTheWorkingDaysAndRecordsTheHoliday() {
        HttpResponse<String> response = system.postJson("/api/v1/capacity-publications", publication(with(
                "slotsPerDay", null, "slotsPerWeek", 3, "exceptions", List.of(Map.of("date", week.toString(), "slots", 0,
                        "reason", "Site holiday")))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        List<ManufacturingSlot> slots = fixtures.slotsOf(manufacturer, week);
        assertThat(slots).hasSize(3).allSatisfy(s -> {
            assertThat(s.windowStart()).isEqualTo(week.plusDays(1));
            assertThat(s.windowEnd()).isEqualTo(week.plusDays(4));
        });
        assertThat(jdbc.sql("select reason from site_closed_day where site_id = ? and day = ?")
                .params(slots.get(0).siteId(), week).query(String.class).single()).isEqualTo("Site holiday");
    }

    @Test
    void aCoordinatorMirrorsAManufacturersPortalMarkedAsMirroredButNeverOverTheManufacturersOwnWeek() {
        Centre centre = fixtures.centre(1);
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        String id = manufacturer.organisation().id().toString();
        assertProblem(coordinator.postJson("/api/v1/capacity-publications", publication(Map.of())), 400,
                "invalid-request", "manufacturerId");
        assertProblem(coordinator.postJson("/api/v1/capacity-publications",
                publication(Map.of("manufacturerId", UUID.randomUUID().toString()))), 404, "not-found");
        assertProblem(coordinator.postJson("/api/v1/capacity-publications",
                publication(Map.of("manufacturerId", centre.organisation().id().toString()))), 404, "not-found");
        HttpResponse<String> mirrored = coordinator.postJson("/api/v1/capacity-publications",
                publication(Map.of("manufacturerId", id, "mirroredFrom", "Portal, week view")));
        assertThat(mirrored.statusCode()).as(mirrored.body()).isEqualTo(201);
        assertThat(Http.json(mirrored).get("source").asText()).isEqualTo("MIRRORED");
        JsonNode weeks = Http.json(coordinator.get("/api/v1/capacity-publications?manufacturerId=" + id));
        assertThat(weeks.get(0).get("source").asText()).isEqualTo("MIRRORED");
        assertThat(weeks.get(0).get("enteredByName").asText()).isEqualTo(centre.coordinator().displayName());

        // the manufacturer's own publication replaces the copy; a copy never replaces the manufacturer's
        HttpResponse<String> published = system.postJson("/api/v1/capacity-publications", publication(Map.of()));
        assertThat(Http.json(published).get("outcome").asText()).isEqualTo("REPLACED");
        assertThat(Http.json(published).get("source").asText()).isEqualTo("PUBLISHED");
        assertProblem(coordinator.postJson("/api/v1/capacity-publications", publication(Map.of("manufacturerId", id))),
                409, "capacity-published-by-manufacturer");
    }

    @Test
    void eachBadPublicationIsRefusedNamingItsFieldAndWritesNothing() {
        String publish = "/api/v1/capacity-publications";
        assertProblem(system.postJson(publish, publication(with("siteCode", "no spaces allowed"))), 400, "invalid-request", "siteCode");
        assertProblem(system.postJson(publish, publication(with("siteName", "x"))), 400, "invalid-request", "siteName");
        assertProblem(system.postJson(publish, publication(with("productCode", "ASPIRIN"))), 400, "invalid-request", "productCode");
        assertProblem(system.postJson(publish, publication(with("weekStart", week.plusDays(1).toString()))), 400,
                "invalid-request", "weekStart");
        assertProblem(system.postJson(publish, publication(with("weekStart", "next week"))), 400, "invalid-request", "weekStart");
        assertProblem(system.postJson(publish, publication(with("weekStart", week.plusWeeks(200).toString()))), 400,
                "invalid-request", "weekStart");
        assertProblem(system.postJson(publish, publication(with("weekStart", fixtures.week(-2).toString()))), 422,
                "capacity-week-past");
        assertProblem(system.postJson(publish, publication(with("slotsPerWeek", 3))), 400, "invalid-request", "slotsPerWeek");
        assertProblem(system.postJson(publish, publication(with("slotsPerDay", null))), 400, "invalid-request", "slotsPerDay");
        assertProblem(system.postJson(publish, publication(with("slotsPerDay", Map.of("MONDAY", 51)))), 400,
                "invalid-request", "slotsPerDay.MONDAY");
        assertProblem(system.postJson(publish, publication(with("slotsPerDay", Map.of("MONDAY", -1)))), 400,
                "invalid-request", "slotsPerDay.MONDAY");
        assertProblem(system.postJson(publish, publication(with("slotsPerDay", Map.of("MONDAY", 1.5)))), 400,
                "invalid-request", "slotsPerDay.MONDAY");
        assertProblem(system.postJson(publish, publication(with("slotsPerDay", Map.of("FUNDAY", 1)))), 400,
                "invalid-request", "slotsPerDay");
        assertProblem(system.postJson(publish, publication(with("exceptions", List.of(Map.of("date",
                week.plusDays(9).toString(), "reason", "x"))))), 400, "invalid-request", "exceptions[0].date");
        assertProblem(system.postJson(publish, publication(with("exceptions", List.of(Map.of("date", week.toString())))))
                , 400, "invalid-request", "exceptions[0].reason");
        assertProblem(system.postJson(publish, publication(with("exceptions", List.of(
                Map.of("date", week.toString(), "reason", "a"), Map.of("date", week.toString(), "reason", "b"))))), 400,
                "invalid-request", "exceptions[1].date");
        assertProblem(system.postJson(publish, publication(with("slotsPerDay", null, "slotsPerWeek", 2, "exceptions",
                List.of(Map.of("date", week.toString(), "slots", 1, "reason", "x"))))), 400, "invalid-request",
                "exceptions[0].slots");
        assertProblem(system.postJson(publish, publication(with("manufacturerId", UUID.randomUUID().toString()))), 403,
                "forbidden");
        assertProblem(system.postJson(publish, publication(with("manufacturerId", "nonsense"))), 400, "invalid-request",
                "manufacturerId");
        assertProblem(system.postJson(publish, "[1, 2]"), 400, "unreadable-body");
        assertProblem(Http.token(port, "cpt_democourier_demo0courier0tracking0token0f6g7h8i9").postJson(publish,
                publication(Map.of())), 403, "forbidden");
        assertProblem(Http.token(port, "cpt_demoleeds_demo0leeds0patient0record0token0j1k2").postJson(publish,
                publication(Map.of())), 403, "forbidden");
        assertThat(publications()).isZero();
        // another manufacturer's capacity is not there for this one
        assertProblem(system.get("/api/v1/capacity-publications?manufacturerId=" + fixtures.manufacturer().organisation().id()),
                404, "not-found");
    }

    @Test
    void apheresisChairsAreSetWithVersionsAndNeverLoweredBelowTheirBookings() {
        Centre centre = fixtures.centre(1);
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> unit = coordinator.get("/api/v1/apheresis-capacity");
        assertThat(unit.statusCode()).isEqualTo(200);
        String etag = unit.headers().firstValue("ETag").orElseThrow();
        Map<String, Object> twoChairs = Map.of("chairsPerDay", 2, "openingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY",
                "THURSDAY", "FRIDAY"));
        assertProblem(coordinator.sendJson("PUT", "/api/v1/apheresis-capacity", twoChairs, Map.of()), 428,
                "precondition-required");
        HttpResponse<String> changed = coordinator.sendJson("PUT", "/api/v1/apheresis-capacity", twoChairs,
                Map.of("If-Match", etag));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertProblem(coordinator.sendJson("PUT", "/api/v1/apheresis-capacity", twoChairs, Map.of("If-Match", etag)), 409,
                "stale-version");
        String current = changed.headers().firstValue("ETag").orElseThrow();
        assertProblem(coordinator.sendJson("PUT", "/api/v1/apheresis-capacity", Map.of("chairsPerDay", 51,
                "openingDays", List.of("MONDAY")), Map.of("If-Match", current)), 400, "invalid-request", "chairsPerDay");
        assertProblem(coordinator.sendJson("PUT", "/api/v1/apheresis-capacity", Map.of("chairsPerDay", 2,
                "openingDays", List.of("MOONDAY")), Map.of("If-Match", current)), 400, "invalid-request", "openingDays[0]");
        assertProblem(coordinator.sendJson("PUT", "/api/v1/apheresis-capacity", Map.of("chairsPerDay", 2,
                "openingDays", List.of()), Map.of("If-Match", current)), 400, "invalid-request", "openingDays");
        assertProblem(coordinator.sendJson("PUT", "/api/v1/apheresis-capacity", Map.of("openingDays", List.of("MONDAY")),
                Map.of("If-Match", current)), 400, "invalid-request", "chairsPerDay");

        // two bookings on Monday of week 3: one chair or a closed Monday is refused with both bookings named
        ManufacturingSlot a = fixtures.publish(manufacturer, "KYMRIAH", week, Map.of(DayOfWeek.THURSDAY, 2), List.of()).get(0);
        ManufacturingSlot b = fixtures.slotsOf(manufacturer, week).get(1);
        TherapyCase c1 = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        TherapyCase c2 = fixtures.approvedCase(centre, "KYMRIAH", "B_ALL");
        bookings.book(centre.coordinatorActor(), new NewBooking(c1.id(), a.id(), week, false));
        bookings.book(centre.coordinatorActor(), new NewBooking(c2.id(), b.id(), week, false));
        JsonNode lowered = assertProblem(coordinator.sendJson("PUT", "/api/v1/apheresis-capacity", Map.of("chairsPerDay", 1,
                "openingDays", List.of("MONDAY", "TUESDAY")), Map.of("If-Match", current)), 409, "capacity-below-bookings");
        assertThat(lowered.get("bookingsInTheWay").valueStream().map(x -> x.get("caseReference").asText()))
                .containsExactlyInAnyOrder(c1.reference(), c2.reference());
        JsonNode closed = assertProblem(coordinator.postJson("/api/v1/apheresis-capacity/exceptions", Map.of("date",
                week.toString(), "chairs", 0, "reason", "Staff training")), 409, "capacity-below-bookings");
        assertThat(closed.get("bookingsInTheWay").size()).isEqualTo(2);
        assertProblem(coordinator.postJson("/api/v1/apheresis-capacity/exceptions", Map.of("date", week.plusDays(1).toString(),
                "chairs", 0)), 400, "invalid-request", "reason");
        assertProblem(coordinator.postJson("/api/v1/apheresis-capacity/exceptions", Map.of("date", "tomorrow",
                "chairs", 0, "reason", "x")), 400, "invalid-request", "date");
        assertProblem(coordinator.postJson("/api/v1/apheresis-capacity/exceptions", Map.of("date",
                fixtures.week(-1).toString(), "chairs", 0, "reason", "x")), 422, "apheresis-date-in-past");
        HttpResponse<String> tuesday = coordinator.postJson("/api/v1/apheresis-capacity/exceptions",
                Map.of("date", week.plusDays(1).toString(), "chairs", 0, "reason", "Staff training"));
        assertThat(Http.json(tuesday).get("chairs").asInt()).isZero();
        JsonNode days = Http.json(coordinator.get("/api/v1/apheresis-days?from=" + week + "&to=" + week.plusDays(1)));
        assertThat(days.get(0).get("booked").asInt()).isEqualTo(2);
        assertThat(days.get(1).get("exceptionReason").asText()).isEqualTo("Staff training");
        assertProblem(coordinator.get("/api/v1/apheresis-days?from=" + week + "&to=" + week.plusDays(200)), 400,
                "invalid-request", "to");
        assertProblem(coordinator.get("/api/v1/apheresis-days?from=" + week), 400, "invalid-request", "to");

        // other roles and organisations
        Http consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
        assertProblem(consultant.postJson("/api/v1/apheresis-capacity/exceptions", Map.of("date", week.plusDays(2).toString(),
                "chairs", 0, "reason", "x")), 403, "forbidden");
        assertProblem(system.get("/api/v1/apheresis-capacity"), 403, "forbidden");
        assertProblem(system.get("/api/v1/apheresis-days?from=" + week + "&to=" + week), 403, "forbidden");
    }

    @Test
    void aBankHolidayIsAClosedDayOfTheUsualWeekUntilTheCentreOpensItByAnException() {
        Centre centre = fixtures.centre(2);
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        LocalDate christmas = nextChristmasOnAWeekday();
        JsonNode days = Http.json(coordinator.get("/api/v1/apheresis-days?from=" + christmas.minusDays(1) + "&to=" + christmas));
        assertThat(days.get(0).get("chairs").asInt()).as("Christmas Eve is an ordinary day").isEqualTo(2);
        assertThat(days.get(1).get("chairs").asInt()).isZero();
        assertThat(days.get(1).get("exceptionReason").asText()).isEqualTo("Christmas Day (bank holiday)");

        HttpResponse<String> opened = coordinator.postJson("/api/v1/apheresis-capacity/exceptions",
                Map.of("date", christmas.toString(), "chairs", 1, "reason", "Urgent collection: unit opens"));
        assertThat(opened.statusCode()).isEqualTo(200);
        JsonNode after = Http.json(coordinator.get("/api/v1/apheresis-days?from=" + christmas + "&to=" + christmas));
        assertThat(after.get(0).get("chairs").asInt()).isEqualTo(1);
        assertThat(after.get(0).get("exceptionReason").asText()).isEqualTo("Urgent collection: unit opens");
    }

    /** 25 December of this year or the next that falls on a weekday, within the shipped bank holidays. */
    private LocalDate nextChristmasOnAWeekday() {
        LocalDate nextWeek = fixtures.week(-1).plusWeeks(2); // a Monday after today
        for (int year = nextWeek.getYear(); ; year++) {
            LocalDate christmas = LocalDate.of(year, 12, 25);
            if (!christmas.isBefore(nextWeek) && christmas.getDayOfWeek().getValue() <= 5) {
                return christmas;
            }
        }
    }
}
