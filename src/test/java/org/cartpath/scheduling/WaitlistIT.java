package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.journey.TimelineEntry;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.shared.ProblemException;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.testing.Reactions;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The waitlist: order by score with its breakdown, the committee's override, the offer of a freed slot, the
 * referrer's view. Each test uses a product no other test puts on the waitlist, so positions are its own.
 */
@CartpathIntegrationTest
class WaitlistIT {

    @LocalServerPort
    int port;

    @Autowired
    Reactions reactions;

    @Autowired
    SchedulingFixtures fixtures;

    @Autowired
    Waitlist waitlist;

    @Autowired
    SlotBookings bookings;

    @Autowired
    BookingChanges changes;

    @Autowired
    CaseJourney journey;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    Centre centre;
    Http coordinator;
    Http consultant;

    @BeforeEach
    void aCentre() {
        centre = fixtures.centre(2);
        coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Joins through the service: tests that move the clock would see their sessions time out. */
    private String join(TherapyCase c) {
        return waitlist.join(centre.coordinatorActor(), c.id()).id().toString();
    }

    private void signInAgain() {
        coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
    }

    private List<RankedEntry> mine(ProductCode product, TherapyCase... cases) {
        List<UUID> ids = java.util.Arrays.stream(cases).map(c -> c.id().value()).toList();
        return waitlist.ranked(centre.coordinatorActor(), product).stream()
                .filter(r -> r.visible() && ids.contains(r.entry().caseId().value())).toList();
    }

    @Test
    void aCaseThatEndsLeavesTheWaitlistWithTheReason() {
        TherapyCase waiting = fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA");
        String entry = join(waiting);
        journey.end(centre.coordinatorActor(), waiting.id(), Stage.WITHDRAWN, "Moved abroad for treatment");
        assertThat(mine(ProductCode.CARVYKTI, waiting)).as("no longer ranked").isEmpty();
        assertThat(jdbc.sql("select status from waitlist_entry where id = ?::uuid").param(entry).query(String.class)
                .single()).isEqualTo("LEFT");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'WAITLIST_LEFT' and entity_id = ?")
                .param(entry).query(Long.class).single()).isEqualTo(1);
        assertThat(journey.timeline(centre.coordinatorActor(), waiting.id())).extracting(TimelineEntry::summary)
                .contains("Left the CARVYKTI waitlist: the case ended");
    }

    @Test
    void casesWaitInScoreOrderWithTheBreakdownAndTheCommitteeCanPlaceACaseFirstWithAReason() {
        TherapyCase oldest = fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA");
        TherapyCase urgent = fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA");
        TherapyCase newest = fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA");
        join(oldest);
        clock.advance(Duration.ofDays(10));
        String urgentEntry = join(urgent);
        clock.advance(Duration.ofDays(5));
        join(newest);
        signInAgain();

        HttpResponse<String> set = consultant.postJson("/api/v1/waitlist-entries/" + urgentEntry
                + "/clinical-priority", Map.of("urgency", "URGENT", "kinetics", "RAPIDLY_PROGRESSIVE",
                "reason", "Blasts rising on bridging therapy"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        List<RankedEntry> ranked = mine(ProductCode.CARVYKTI, oldest, urgent, newest);
        // urgent: 5 days + 20 + 20 = 45; oldest: 15 days = 15; newest: 0
        assertThat(ranked).extracting(r -> r.entry().caseId()).containsExactly(urgent.id(), oldest.id(), newest.id());
        assertThat(ranked.get(0).score().total()).isEqualTo(45);
        assertThat(ranked.get(0).score().components()).extracting(PriorityScore.Component::name, PriorityScore.Component::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Days waiting", 5),
                        org.assertj.core.groups.Tuple.tuple("Clinical urgency", 20),
                        org.assertj.core.groups.Tuple.tuple("Disease kinetics", 20));
        assertThat(ranked.get(0).score().components().get(0).value()).isEqualTo("5 × 1 point");
        assertThat(ranked.get(1).score().total()).isEqualTo(15);

        // the committee places the newest case first, with a reason; it stays scored but ranks above
        JsonNode newestEntry = Http.json(coordinator.get("/api/v1/cases/" + newest.id() + "/waitlist-position"));
        String newestId = newestEntry.at("/entry/id").asText();
        assertProblem(coordinator.postJson("/api/v1/waitlist-entries/" + newestId + "/committee-override",
                Map.of("rank", 1)), 400, "invalid-request", "reason");
        HttpResponse<String> override = coordinator.postJson("/api/v1/waitlist-entries/" + newestId + "/committee-override",
                Map.of("rank", 1, "reason", "Allocation committee 26 Nov: only window before transplant"));
        assertThat(override.statusCode()).as(override.body()).isEqualTo(200);
        assertThat(mine(ProductCode.CARVYKTI, oldest, urgent, newest)).extracting(r -> r.entry().caseId())
                .containsExactly(newest.id(), urgent.id(), oldest.id());
        assertThat(jdbc.sql("select reason from audit_event where action = 'WAITLIST_ORDER_OVERRIDDEN' and entity_id = ?")
                .param(newestId).query(String.class).single()).startsWith("Allocation committee");
        assertThat(jdbc.sql("select reason from audit_event where action = 'WAITLIST_PRIORITY_SET' and entity_id = ?")
                .param(urgentEntry).query(String.class).single()).isEqualTo("Blasts rising on bridging therapy");

        // clearing the override returns it to the scored order
        coordinator.postJson("/api/v1/waitlist-entries/" + newestId + "/committee-override",
                Map.of("reason", "Transplant postponed"));
        assertThat(mine(ProductCode.CARVYKTI, oldest, urgent, newest)).extracting(r -> r.entry().caseId())
                .containsExactly(urgent.id(), oldest.id(), newest.id());
    }

    @Test
    void waitlistChangesRefuseBadInputOtherRolesAndOtherCentres() {
        TherapyCase c = fixtures.approvedCase(centre, "AUCATZYL", "B_ALL");
        HttpResponse<String> joined = coordinator.postJson("/api/v1/waitlist-entries", Map.of("caseId", c.id().toString()));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
        String id = Http.json(joined).get("id").asText();
        reactions.settle();
        long audits = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        String priority = "/api/v1/waitlist-entries/" + id + "/clinical-priority";
        assertProblem(consultant.postJson(priority, Map.of("urgency", "URGENT", "kinetics", "STABLE")), 400,
                "invalid-request", "reason");
        assertProblem(consultant.postJson(priority, Map.of("urgency", "VERY", "kinetics", "STABLE", "reason", "x")), 400,
                "invalid-request", "urgency");
        assertProblem(consultant.postJson(priority, Map.of("kinetics", "STABLE", "reason", "x")), 400, "invalid-request",
                "urgency");
        assertProblem(coordinator.postJson(priority, Map.of("urgency", "URGENT", "kinetics", "STABLE", "reason", "x")), 403,
                "forbidden");
        assertProblem(consultant.postJson("/api/v1/waitlist-entries/" + id + "/committee-override",
                Map.of("rank", 0, "reason", "x")), 400, "invalid-request", "rank");
        assertProblem(consultant.postJson("/api/v1/waitlist-entries/" + id + "/committee-override",
                Map.of("rank", 1.5, "reason", "x")), 400, "invalid-request", "rank");
        Centre other = fixtures.centre(1);
        Http stranger = Http.signedIn(port, other.consultant().username(), IdentityFixtures.PASSWORD);
        reactions.settle();
        long afterSetUp = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertProblem(stranger.postJson(priority, Map.of("urgency", "URGENT", "kinetics", "STABLE", "reason", "x")), 404,
                "not-found");
        assertProblem(stranger.get("/api/v1/cases/" + c.id() + "/waitlist-position"), 404, "not-found");
        assertProblem(coordinator.postJson("/api/v1/waitlist-entries/" + UUID.randomUUID() + "/clinical-priority",
                Map.of("urgency", "URGENT", "kinetics", "STABLE", "reason", "x")), 404, "not-found");
        // joining: twice, missing case, not approved, another role
        assertProblem(coordinator.postJson("/api/v1/waitlist-entries", Map.of("caseId", c.id().toString())), 409,
                "already-on-waitlist");
        assertProblem(coordinator.postJson("/api/v1/waitlist-entries", Map.of()), 400, "invalid-request", "caseId");
        TherapyCase early = fixtures.caseAt(centre, "AUCATZYL", "B_ALL", Stage.TRIAGED, "triaged");
        reactions.settle();
        long beforeEarly = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertProblem(coordinator.postJson("/api/v1/waitlist-entries", Map.of("caseId", early.id().toString())), 409,
                "case-not-approved");
        assertProblem(consultant.postJson("/api/v1/waitlist-entries", Map.of("caseId", early.id().toString())), 403,
                "forbidden");
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(beforeEarly);
        assertThat(afterSetUp).isGreaterThanOrEqualTo(audits);
        // leaving needs a reason; a case that left cannot be changed
        assertProblem(coordinator.postJson("/api/v1/waitlist-entries/" + id + "/withdrawal", Map.of()), 400,
                "invalid-request", "reason");
        assertThat(coordinator.postJson("/api/v1/waitlist-entries/" + id + "/withdrawal",
                Map.of("reason", "Going to another centre")).statusCode()).isEqualTo(200);
        assertProblem(consultant.postJson(priority, Map.of("urgency", "URGENT", "kinetics", "STABLE", "reason", "x")), 409,
                "waitlist-entry-closed");
    }

    @Test
    void aCancelledSlotIsOfferedToTheTopCaseHeldForItAndBookedOnlyByIt() {
        Manufacturer kite = fixtures.manufacturer();
        LocalDate week = fixtures.week(3);
        ManufacturingSlot slot = fixtures.publish(kite, "TECARTUS", week, Map.of(DayOfWeek.THURSDAY, 1), List.of()).get(0);
        TherapyCase holder = fixtures.approvedCase(centre, "TECARTUS", "MCL");
        TherapyCase routine = fixtures.approvedCase(centre, "TECARTUS", "MCL");
        TherapyCase urgent = fixtures.approvedCase(centre, "TECARTUS", "MCL");
        SlotBooking booked = bookings.book(centre.coordinatorActor(), new NewBooking(holder.id(), slot.id(), week, false))
                .booking();
        TherapyCase withdrawn = fixtures.approvedCase(centre, "TECARTUS", "MCL");
        join(routine);
        String urgentEntry = join(urgent);
        consultant.postJson("/api/v1/waitlist-entries/" + urgentEntry + "/clinical-priority",
                Map.of("urgency", "EMERGENCY", "kinetics", "PROGRESSIVE", "reason", "Rapid nodal progression"));
        // the highest score of all, but the case ends before the slot frees up: it is no longer on the list
        String withdrawnEntry = join(withdrawn);
        consultant.postJson("/api/v1/waitlist-entries/" + withdrawnEntry + "/clinical-priority",
                Map.of("urgency", "EMERGENCY", "kinetics", "RAPIDLY_PROGRESSIVE", "reason", "Fulminant relapse"));
        journey.end(SchedulingFixtures.SETUP, withdrawn.id(), Stage.WITHDRAWN, "Family chose palliative care");
        assertThat(mine(ProductCode.TECARTUS, withdrawn)).isEmpty();

        changes.cancel(centre.coordinatorActor(), booked.id(), "Patient declined treatment");

        List<CaseTask> urgentTasks = journey.tasks(centre.coordinatorActor(), urgent.id()).stream().filter(CaseTask::isOpen).toList();
        assertThat(urgentTasks).extracting(CaseTask::title).anyMatch(t -> t.startsWith("Slot offered: TECARTUS"));
        assertThat(journey.tasks(centre.coordinatorActor(), routine.id())).extracting(CaseTask::title)
                .noneMatch(t -> t.startsWith("Slot offered"));
        RankedEntry top = waitlist.positionOfCase(centre.coordinatorActor(), urgent.id()).orElseThrow();
        assertThat(top.offer()).isNotNull();
        assertThat(top.offer().slotId()).isEqualTo(slot.id());
        assertThat(top.expectedSlotDate()).isEqualTo(slot.windowStart());

        // held: the routine case cannot take it, and the slot is not booked automatically
        assertThatThrownBy(() -> bookings.book(centre.coordinatorActor(), new NewBooking(routine.id(), slot.id(), week, false)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type()).isEqualTo("slot-offered"));
        assertThat(jdbc.sql("select booking_id from manufacturing_slot where id = ?").param(slot.id()).query(UUID.class)
                .optional()).isEmpty();

        // the urgent case books it through the normal flow: the offer is accepted, the entry and task closed
        bookings.book(centre.coordinatorActor(), new NewBooking(urgent.id(), slot.id(), week, false));
        assertThat(jdbc.sql("select status from slot_offer where slot_id = ?").param(slot.id()).query(String.class).list())
                .containsExactly("ACCEPTED");
        assertThat(waitlist.positionOfCase(centre.coordinatorActor(), urgent.id())).isEmpty();
        assertThat(journey.tasks(centre.coordinatorActor(), urgent.id())).filteredOn(CaseTask::isOpen)
                .extracting(CaseTask::title).noneMatch(t -> t.startsWith("Slot offered"));
    }

    @Test
    void aDeclinedOrExpiredOfferGoesToTheNextCase() {
        Manufacturer m = fixtures.manufacturer();
        LocalDate week = fixtures.week(3);
        ManufacturingSlot slot = fixtures.publish(m, "BREYANZI", week, Map.of(DayOfWeek.FRIDAY, 1), List.of()).get(0);
        TherapyCase holder = fixtures.approvedCase(centre, "BREYANZI", "LBCL");
        TherapyCase first = fixtures.approvedCase(centre, "BREYANZI", "LBCL");
        TherapyCase second = fixtures.approvedCase(centre, "BREYANZI", "LBCL");
        TherapyCase third = fixtures.approvedCase(centre, "BREYANZI", "LBCL");
        SlotBooking booked = bookings.book(centre.coordinatorActor(), new NewBooking(holder.id(), slot.id(), week, false))
                .booking();
        join(first);
        clock.advance(Duration.ofDays(1));
        join(second);
        clock.advance(Duration.ofDays(1));
        join(third);
        signInAgain();
        changes.cancel(centre.coordinatorActor(), booked.id(), "Moved to another product");
        SlotOffer offer = waitlist.positionOfCase(centre.coordinatorActor(), first.id()).orElseThrow().offer();
        assertThat(offer).isNotNull();

        assertProblem(coordinator.postJson("/api/v1/slot-offers/" + offer.id() + "/declination", Map.of()), 400,
                "invalid-request", "reason");
        HttpResponse<String> declined = coordinator.postJson("/api/v1/slot-offers/" + offer.id() + "/declination",
                Map.of("reason", "Patient not fit for apheresis that week"));
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertProblem(coordinator.postJson("/api/v1/slot-offers/" + offer.id() + "/declination", Map.of("reason", "x")),
                409, "offer-not-open");
        assertThat(waitlist.positionOfCase(centre.coordinatorActor(), second.id()).orElseThrow().offer()).isNotNull();

        // nobody books within the hold: the offer expires and goes to the third case
        clock.advance(Duration.ofHours(49));
        assertThat(waitlist.expireOffers()).isGreaterThanOrEqualTo(1);
        assertThat(waitlist.positionOfCase(centre.coordinatorActor(), third.id()).orElseThrow().offer()).isNotNull();
        assertThat(jdbc.sql("select status from slot_offer where slot_id = ? order by offered_at").param(slot.id())
                .query(String.class).list()).containsExactly("DECLINED", "EXPIRED", "OPEN");
    }

    @Test
    void anOfferWhoseTaskWasClosedByHandExpiresAndAnOfferOfACaseThatEndsIsWithdrawnWithoutFailing() {
        Manufacturer m = fixtures.manufacturer();
        LocalDate week = fixtures.week(4);
        List<ManufacturingSlot> slots = fixtures.publish(m, "CARVYKTI", week,
                Map.of(DayOfWeek.THURSDAY, 1, DayOfWeek.FRIDAY, 1), List.of());
        TherapyCase holderOne = fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA");
        TherapyCase holderTwo = fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA");
        SlotBooking one = bookings.book(centre.coordinatorActor(), new NewBooking(holderOne.id(), slots.get(0).id(),
                week, false)).booking();
        SlotBooking two = bookings.book(centre.coordinatorActor(), new NewBooking(holderTwo.id(), slots.get(1).id(),
                week, false)).booking();
        join(fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA"));
        join(fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA"));

        // a person closes the offer's task by hand; the offer's expiry must still go through (it joined the sweep's
        // transaction: catching a refusal there would have left the whole batch rollback-only, every 5 minutes)
        changes.cancel(centre.coordinatorActor(), one.id(), "Patient unwell");
        Map<String, Object> first = openOffer(slots.get(0));
        journey.closeTask(centre.coordinatorActor(), new org.cartpath.journey.CaseId((UUID) first.get("case_id")),
                (UUID) first.get("task_id"));
        clock.advance(Duration.ofHours(49));
        assertThat(waitlist.expireOffers()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select status from slot_offer where id = ?").param(first.get("id")).query(String.class)
                .single()).isEqualTo("EXPIRED");

        // a case holding an open offer ends: its tasks close with the case, then the offer is withdrawn, in one
        // transaction that commits
        changes.cancel(centre.coordinatorActor(), two.id(), "Patient unwell");
        Map<String, Object> second = openOffer(slots.get(1));
        org.cartpath.journey.CaseId ending = new org.cartpath.journey.CaseId((UUID) second.get("case_id"));
        journey.end(SchedulingFixtures.SETUP, ending, Stage.WITHDRAWN, "Family chose another treatment");
        assertThat(jdbc.sql("select status from slot_offer where id = ?").param(second.get("id")).query(String.class)
                .single()).isEqualTo("WITHDRAWN");
        assertThat(journey.tasks(SchedulingFixtures.SETUP, ending)).noneMatch(CaseTask::isOpen);
    }

    /**
     * A sweep cut off part-way (the process dies while the second offer's expiry is being written, simulated by a
     * trigger that fails that audit row) leaves every offer of its batch as it was, and the next sweep expires each
     * exactly once: the batch is one transaction, so nothing is skipped and nothing repeated.
     */
    @Test
    void anExpirySweepCutOffPartWayChangesNothingAndTheNextSweepExpiresEachOfferExactlyOnce() {
        Manufacturer m = fixtures.manufacturer();
        LocalDate week = fixtures.week(5);
        List<ManufacturingSlot> slots = fixtures.publish(m, "CARVYKTI", week,
                Map.of(DayOfWeek.THURSDAY, 1, DayOfWeek.FRIDAY, 1), List.of());
        List<SlotBooking> held = slots.stream().map(slot -> bookings.book(centre.coordinatorActor(), new NewBooking(
                fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA").id(), slot.id(), week, false)).booking())
                .toList();
        join(fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA"));
        join(fixtures.approvedCase(centre, "CARVYKTI", "MULTIPLE_MYELOMA"));
        held.forEach(booking -> changes.cancel(centre.coordinatorActor(), booking.id(), "Patient unwell"));
        List<Object> offers = slots.stream().map(slot -> openOffer(slot).get("id")).toList();
        clock.advance(Duration.ofHours(49));

        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.superuser(database));
        superuser.execute("""
                create function crash_on_expiry() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash while expiring offer %', new.entity_id; end $$""");
        superuser.execute("create trigger crash_on_expiry before insert on audit_event for each row when (new.action ="
                + " 'SLOT_OFFER_EXPIRED' and new.entity_id = '" + offers.get(1) + "') execute function crash_on_expiry()");
        try {
            assertThatThrownBy(waitlist::expireOffers).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("simulated crash");
            assertThat(offerStatuses(offers)).containsExactly("OPEN", "OPEN");
            assertThat(expiryAuditRows(offers)).isZero();
        } finally {
            superuser.execute("drop trigger crash_on_expiry on audit_event");
            superuser.execute("drop function crash_on_expiry()");
        }

        waitlist.expireOffers();
        waitlist.expireOffers();
        assertThat(offerStatuses(offers)).containsExactly("EXPIRED", "EXPIRED");
        assertThat(expiryAuditRows(offers)).isEqualTo(2);
    }

    private List<String> offerStatuses(List<Object> offers) {
        return offers.stream().map(id -> jdbc.sql("select status from slot_offer where id = ?").param(id)
                .query(String.class).single()).toList();
    }

    private long expiryAuditRows(List<Object> offers) {
        return jdbc.sql("select count(*) from audit_event where action = 'SLOT_OFFER_EXPIRED' and entity_id in (?, ?)")
                .params(offers.get(0).toString(), offers.get(1).toString()).query(Long.class).single();
    }

    private Map<String, Object> openOffer(ManufacturingSlot slot) {
        return jdbc.sql("select id, case_id, task_id from slot_offer where slot_id = ? and status = 'OPEN'")
                .param(slot.id()).query().singleRow();
    }

    @Test
    void theReferrerSeesThePositionAndTheExpectedDatesButTheManufacturerSeesNothing() {
        Manufacturer m = fixtures.manufacturer();
        LocalDate week = fixtures.week(3);
        fixtures.publish(m, "ABECMA", week, Map.of(DayOfWeek.WEDNESDAY, 1, DayOfWeek.THURSDAY, 1), List.of());
        TherapyCase first = fixtures.approvedCase(centre, "ABECMA", "MULTIPLE_MYELOMA");
        TherapyCase second = fixtures.approvedCase(centre, "ABECMA", "MULTIPLE_MYELOMA");
        TherapyCase third = fixtures.approvedCase(centre, "ABECMA", "MULTIPLE_MYELOMA");
        join(first);
        clock.advance(Duration.ofDays(1));
        join(second);
        clock.advance(Duration.ofDays(1));
        join(third);
        signInAgain();
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        JsonNode seen = Http.json(referrer.get("/api/v1/cases/" + second.id() + "/waitlist-position"));
        List<RankedEntry> ranked = mine(ProductCode.ABECMA, first, second, third);
        assertThat(seen.get("position").asInt()).isEqualTo(ranked.get(1).position());
        assertThat(seen.get("expectedSlotDate").asText()).isEqualTo(week.plusDays(3).toString());
        assertThat(seen.get("expectedInfusionDate").asText()).isNotBlank();
        assertThat(seen.at("/score/components").size()).isEqualTo(3);
        assertThat(ranked.get(0).expectedSlotDate()).isEqualTo(week.plusDays(2));
        assertThat(ranked.get(2).expectedSlotDate()).isNull();
        assertProblem(Http.token(port, m.token()).get("/api/v1/cases/" + second.id() + "/waitlist-position"), 404,
                "not-found");
        assertProblem(Http.token(port, m.token()).get("/api/v1/waitlists/ABECMA"), 403, "forbidden");
        assertProblem(coordinator.get("/api/v1/waitlists/NOTAPRODUCT"), 400, "invalid-request", "product");
    }
}
