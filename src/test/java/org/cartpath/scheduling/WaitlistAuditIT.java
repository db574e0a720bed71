package org.cartpath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.SchedulingFixtures.Centre;
import org.cartpath.scheduling.SchedulingFixtures.Manufacturer;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change the waitlist makes as a consequence of another one (a booking, a case's ending, a slot freed again)
 * writes its own audit row, by the actor who caused it (the waitlist's system actor for its own sweeps).
 */
@CartpathIntegrationTest
class WaitlistAuditIT {

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

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void bookingTheOfferedSlotAuditsTheWaitlistEntryBookedAndTheOfferAcceptedByTheCoordinator() {
        Centre centre = fixtures.centre(2);
        ManufacturingSlot slot = oneSlot("TECARTUS", DayOfWeek.THURSDAY);
        TherapyCase holder = fixtures.approvedCase(centre, "TECARTUS", "MCL");
        TherapyCase waiting = fixtures.approvedCase(centre, "TECARTUS", "MCL");
        SlotBooking booked = bookings.book(centre.coordinatorActor(), new NewBooking(holder.id(), slot.id(),
                slot.weekStart(), false)).booking();
        UUID entry = first(centre, waiting);
        changes.cancel(centre.coordinatorActor(), booked.id(), "Patient declined treatment");
        UUID offer = openOffer(slot);

        bookings.book(centre.coordinatorActor(), new NewBooking(waiting.id(), slot.id(), slot.weekStart(), false));

        Map<String, Object> entryRow = auditRow("WAITLIST_BOOKED", entry);
        assertThat(entryRow.get("entity_type")).isEqualTo("WaitlistEntry");
        assertThat(entryRow.get("actor_id")).isEqualTo(centre.coordinatorActor().id());
        assertThat((String) entryRow.get("before_state")).contains("\"status\":\"WAITING\"");
        assertThat((String) entryRow.get("after_state")).contains("\"status\":\"BOOKED\"");
        Map<String, Object> offerRow = auditRow("SLOT_OFFER_ACCEPTED", offer);
        assertThat(offerRow.get("entity_type")).isEqualTo("SlotOffer");
        assertThat(offerRow.get("actor_id")).isEqualTo(centre.coordinatorActor().id());
        assertThat((String) offerRow.get("before_state")).contains("\"status\":\"OPEN\"");
        assertThat((String) offerRow.get("after_state")).contains("\"status\":\"ACCEPTED\"");
    }

    @Test
    void anOfferPastItsHoldThatTheFreedSlotReplacesIsAuditedAsExpiredByTheWaitlist() {
        Centre centre = fixtures.centre(2);
        ManufacturingSlot slot = oneSlot("BREYANZI", DayOfWeek.FRIDAY);
        TherapyCase holder = fixtures.approvedCase(centre, "BREYANZI", "LBCL");
        TherapyCase first = fixtures.approvedCase(centre, "BREYANZI", "LBCL");
        SlotBooking booked = bookings.book(centre.coordinatorActor(), new NewBooking(holder.id(), slot.id(),
                slot.weekStart(), false)).booking();
        waitlist.join(centre.coordinatorActor(), first.id());
        clock.advance(Duration.ofDays(1));
        waitlist.join(centre.coordinatorActor(), fixtures.approvedCase(centre, "BREYANZI", "LBCL").id());
        changes.cancel(centre.coordinatorActor(), booked.id(), "Moved to another product");
        UUID offer = openOffer(slot);

        // past the hold, before the sweep: the slot is offered again, and the old offer expires on the way
        clock.advance(Duration.ofHours(49));
        transaction.executeWithoutResult(status -> waitlist.offerFreedSlot(slot.id()));

        assertThat(jdbc.sql("select status from slot_offer where id = ?").param(offer).query(String.class).single())
                .isEqualTo("EXPIRED");
        Map<String, Object> row = auditRow("SLOT_OFFER_EXPIRED", offer);
        assertThat(row.get("entity_type")).isEqualTo("SlotOffer");
        assertThat(row.get("actor_id")).isEqualTo("system:waitlist");
        assertThat((String) row.get("after_state")).contains("\"status\":\"EXPIRED\"", slot.id().toString());
    }

    @Test
    void anOfferOfACaseThatEndsIsAuditedAsWithdrawnByThePersonWhoEndedIt() {
        Centre centre = fixtures.centre(2);
        ManufacturingSlot slot = oneSlot("YESCARTA", DayOfWeek.THURSDAY);
        TherapyCase holder = fixtures.approvedCase(centre, "YESCARTA", "LBCL");
        TherapyCase waiting = fixtures.approvedCase(centre, "YESCARTA", "LBCL");
        SlotBooking booked = bookings.book(centre.coordinatorActor(), new NewBooking(holder.id(), slot.id(),
                slot.weekStart(), false)).booking();
        first(centre, waiting);
        changes.cancel(centre.coordinatorActor(), booked.id(), "Patient unwell");
        UUID offer = openOffer(slot);

        journey.end(centre.coordinatorActor(), waiting.id(), Stage.WITHDRAWN, "Family chose another treatment");

        Map<String, Object> row = auditRow("SLOT_OFFER_WITHDRAWN", offer);
        assertThat(row.get("actor_id")).isEqualTo(centre.coordinatorActor().id());
        assertThat(row.get("reason")).isEqualTo("the case ended");
    }

    /**
     * Puts the case on its product's waitlist above every other (other tests leave cases waiting for the same
     * products): the committee's first place, and the highest clinical priority.
     */
    private UUID first(Centre centre, TherapyCase c) {
        UUID entry = waitlist.join(centre.coordinatorActor(), c.id()).id();
        waitlist.setClinicalPriority(centre.consultantActor(), entry, Urgency.EMERGENCY,
                DiseaseKinetics.RAPIDLY_PROGRESSIVE, "Fulminant relapse");
        waitlist.overrideOrder(centre.coordinatorActor(), entry, 1, "Allocation committee: first for this test");
        return entry;
    }

    private ManufacturingSlot oneSlot(String product, DayOfWeek day) {
        Manufacturer m = fixtures.manufacturer();
        LocalDate week = fixtures.week(5);
        List<ManufacturingSlot> slots = fixtures.publish(m, product, week, Map.of(day, 1), List.of());
        return slots.get(0);
    }

    private UUID openOffer(ManufacturingSlot slot) {
        return jdbc.sql("select id from slot_offer where slot_id = ? and status = 'OPEN'").param(slot.id())
                .query(UUID.class).single();
    }

    private Map<String, Object> auditRow(String action, UUID entity) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select entity_type, actor_id, before_state::text as before_state, after_state::text as after_state,
                    reason from audit_event where action = ? and entity_id = ?""")
                .params(action, entity.toString()).query().listOfRows();
        assertThat(rows).as(action + " of " + entity).hasSize(1);
        return rows.get(0);
    }
}
