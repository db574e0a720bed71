package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.cartpath.CartpathApplication;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 32 threads, half on each of two application instances on one database, book at the same moment, round after
 * round: the same slot (one winner), the last apheresis chair of a day (one winner), and a cancellation racing
 * new bookings of the freed slot (at most one). Counts of bookings and audit rows are exact and no counter is ever
 * negative or above its capacity. YESCARTA is used because no other test puts it on a waitlist (a freed slot
 * would otherwise be held for the waitlist).
 */
@CartpathIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingRaceIT {

    static final int THREADS = 32;
    static final int ROUNDS = 5;

    @LocalServerPort
    int firstPort;

    @Autowired
    Environment environment;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext second;
    int secondPort;
    ExecutorService pool;

    @BeforeAll
    void startASecondInstanceOnTheSameDatabase() {
        second = new SpringApplicationBuilder(CartpathApplication.class)
                // command-line arguments: builder properties are only defaults, below application.yml (${PORT:8080})
                .run(
                "--server.port=0",
                "--cartpath.db.url=" + environment.getProperty("cartpath.db.url"),
                "--cartpath.db.user=" + environment.getProperty("cartpath.db.user"),
                "--cartpath.db.password=" + environment.getProperty("cartpath.db.password"),
                "--cartpath.db.owner.user=" + environment.getProperty("cartpath.db.owner.user"),
                "--cartpath.db.owner.password=",
                "--cartpath.demo=false",
                "--cartpath.api.rate.limit=100000",
                "--logging.level.org.cartpath.requests=WARN");
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    void stopTheSecondInstance() {
        pool.shutdownNow();
        second.close();
    }

    @AfterEach
    void noCounterIsEverNegativeOrAboveItsChairs() {
        assertThat(jdbc.sql("select count(*) from apheresis_day where booked < 0 or booked > chairs").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from (select slot_id from slot_booking where status = 'BOOKED' group by slot_id
                                      having count(*) > 1) doubled""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from manufacturing_slot s where s.booking_id is not null and not exists
                  (select 1 from slot_booking b where b.id = s.booking_id and b.status = 'BOOKED')""")
                .query(Long.class).single()).isZero();
    }

    /** A centre with a coordinator's API token, usable on either instance. */
    private record Booker(Centre centre, String token) {
    }

    private Booker booker(int chairs) {
        Centre centre = fixtures.centre(chairs, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        String token = tokens.create(SchedulingFixtures.SETUP, new ApiTokenManagement.NewApiToken(
                centre.organisation().id(), "Race test system", Set.of(Role.COORDINATOR))).secret();
        return new Booker(centre, token);
    }

    private List<TherapyCase> approvedCases(Centre centre, int n) {
        List<TherapyCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(fixtures.approvedCase(centre, "YESCARTA", "LBCL"));
        }
        return cases;
    }

    /**
     * Runs the requests at once, thread i on instance i % 2, and returns their status codes in thread order; a
     * refusal counts as 409 only if it is one of the expected problem types.
     */
    private List<Integer> race(String token, IntFunction<java.util.function.Function<Http, HttpResponse<String>>> request,
            String... refusals) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Http http = Http.token(thread % 2 == 0 ? firstPort : secondPort, token);
            futures.add(pool.submit(() -> {
                start.await();
                HttpResponse<String> response = request.apply(thread).apply(http);
                if (response.statusCode() == 409 && java.util.Arrays.stream(refusals)
                        .noneMatch(type -> response.body().contains("\"/problems/" + type + "\""))) {
                    return -409;
                }
                return response.statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : futures) {
            codes.add(f.get());
        }
        return codes;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private long bookedOf(List<TherapyCase> cases, String status) {
        return cases.stream().mapToLong(c -> count("select count(*) from slot_booking where case_id = ? and status = ?",
                c.id().value(), status)).sum();
    }

    private long auditsOf(List<TherapyCase> cases) {
        return cases.stream().mapToLong(c -> count("""
                select count(*) from audit_event where action = 'SLOT_BOOKED'
                and entity_id in (select id::text from slot_booking where case_id = ?)""", c.id().value())).sum();
    }

    private long chairsUsed(Centre centre, LocalDate day) {
        return count("select coalesce(sum(booked), 0) from apheresis_day where centre_id = ? and day = ?",
                centre.organisation().id().value(), day);
    }

    private static Map<String, Object> booking(TherapyCase c, ManufacturingSlot slot, LocalDate day) {
        return Map.of("caseId", c.id().toString(), "slotId", slot.id().toString(), "apheresisDate", day.toString());
    }

    @Test
    void thirtyTwoBookingsOfOneSlotOnTwoInstancesHaveExactlyOneWinnerEveryRound() throws Exception {
        Booker booker = booker(THREADS + 8);
        Manufacturer manufacturer = fixtures.manufacturer();
        for (int round = 0; round < ROUNDS; round++) {
            LocalDate week = fixtures.week(2 + round);
            ManufacturingSlot slot = fixtures.publish(manufacturer, "YESCARTA", week, Map.of(DayOfWeek.FRIDAY, 1),
                    List.of()).get(0);
            List<TherapyCase> cases = approvedCases(booker.centre(), THREADS);
            List<Integer> codes = race(booker.token(), t -> http -> http.postJson("/api/v1/bookings",
                    booking(cases.get(t), slot, week)), "slot-taken");
            assertThat(codes).as("round " + round).filteredOn(c -> c == 201).hasSize(1);
            assertThat(codes).as("round " + round).filteredOn(c -> c == 409).hasSize(THREADS - 1);
            assertThat(bookedOf(cases, "BOOKED")).isEqualTo(1);
            assertThat(count("select count(*) from slot_booking where slot_id = ?", slot.id())).isEqualTo(1);
            assertThat(auditsOf(cases)).isEqualTo(1);
            assertThat(chairsUsed(booker.centre(), week)).isEqualTo(1);
            assertThat(count("select count(*) from case_party where role = 'MANUFACTURER' and organisation_id = ? "
                    + "and case_id = any (?)", manufacturer.organisation().id().value(),
                    cases.stream().map(c -> c.id().value()).toArray(java.util.UUID[]::new))).isEqualTo(1);
        }
    }

    @Test
    void thirtyTwoBookingsForTheLastChairOfADayOnTwoInstancesHaveExactlyOneWinnerEveryRound() throws Exception {
        Booker booker = booker(1);
        Manufacturer manufacturer = fixtures.manufacturer();
        for (int round = 0; round < ROUNDS; round++) {
            LocalDate week = fixtures.week(2 + round);
            List<ManufacturingSlot> slots = fixtures.publish(manufacturer, "YESCARTA", week,
                    Map.of(DayOfWeek.FRIDAY, THREADS), List.of());
            List<TherapyCase> cases = approvedCases(booker.centre(), THREADS);
            List<Integer> codes = race(booker.token(), t -> http -> http.postJson("/api/v1/bookings",
                    booking(cases.get(t), slots.get(t), week)), "apheresis-day-full");
            assertThat(codes).as("round " + round).filteredOn(c -> c == 201).hasSize(1);
            assertThat(codes).as("round " + round).filteredOn(c -> c == 409).hasSize(THREADS - 1);
            assertThat(bookedOf(cases, "BOOKED")).isEqualTo(1);
            assertThat(auditsOf(cases)).isEqualTo(1);
            assertThat(chairsUsed(booker.centre(), week)).isEqualTo(1);
            assertThat(fixtures.slotsOf(manufacturer, week)).filteredOn(s -> s.bookingId() != null).hasSize(1);
        }
    }

    @Test
    void aCancellationRacingThirtyOneBookingsOfItsSlotLeavesAtMostOneNewWinnerAndExactCounters() throws Exception {
        Booker booker = booker(THREADS + 8);
        Manufacturer manufacturer = fixtures.manufacturer();
        for (int round = 0; round < ROUNDS; round++) {
            LocalDate week = fixtures.week(2 + round);
            ManufacturingSlot slot = fixtures.publish(manufacturer, "YESCARTA", week, Map.of(DayOfWeek.FRIDAY, 1),
                    List.of()).get(0);
            List<TherapyCase> cases = approvedCases(booker.centre(), THREADS);
            HttpResponse<String> first = Http.token(firstPort, booker.token()).postJson("/api/v1/bookings",
                    booking(cases.get(0), slot, week));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String bookingId = Http.json(first).at("/booking/id").asText();
            List<Integer> codes = race(booker.token(), t -> http -> t == 0
                    ? http.postJson("/api/v1/bookings/" + bookingId + "/cancellation", Map.of("reason", "race"))
                    : http.postJson("/api/v1/bookings", booking(cases.get(t), slot, week)), "slot-taken");
            assertThat(codes.get(0)).as("the cancellation").isEqualTo(200);
            long winners = codes.subList(1, THREADS).stream().filter(c -> c == 201).count();
            assertThat(winners).as("round " + round).isLessThanOrEqualTo(1);
            assertThat(codes.subList(1, THREADS)).filteredOn(c -> c != 201).allMatch(c -> c == 409);
            assertThat(bookedOf(cases, "BOOKED")).isEqualTo(winners);
            assertThat(bookedOf(cases, "CANCELLED")).isEqualTo(1);
            assertThat(auditsOf(cases)).isEqualTo(1 + winners);
            assertThat(chairsUsed(booker.centre(), week)).isEqualTo(winners);
        }
    }
}
