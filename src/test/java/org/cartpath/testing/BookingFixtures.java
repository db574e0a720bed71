package org.cartpath.testing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.scheduling.ApheresisCapacity;
import org.cartpath.scheduling.ApheresisDay;
import org.cartpath.scheduling.Availability;
import org.cartpath.scheduling.CapacityPublication;
import org.cartpath.scheduling.FittingSlot;
import org.cartpath.scheduling.ManufacturingCapacity;
import org.cartpath.scheduling.ManufacturingSlot;
import org.cartpath.scheduling.NewBooking;
import org.cartpath.scheduling.SlotBooking;
import org.cartpath.scheduling.SlotAvailability;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.springframework.stereotype.Component;

/**
 * Books a case's manufacturing slot the way a coordinator does, through scheduling's public API: the centre's
 * apheresis unit (set up once, open every day), the manufacturer's published capacity for the next weeks, the
 * earliest open apheresis day from today and the first slot that fits it. A case's cells go only to the manufacturer
 * of its booking (ADR 18), so every fixture that ships cells books first.
 */
@Component
public class BookingFixtures {

    /** The site code fixtures publish under; every manufacturer in the tests is new, so it never collides. */
    public static final String SITE = "FIXTURE";

    private final ApheresisCapacity apheresis;
    private final ManufacturingCapacity capacity;
    private final SlotAvailability slotAvailability;
    private final SlotBookings bookings;
    private final CaseJourney journey;
    private final CapacityStore slots;

    BookingFixtures(ApheresisCapacity apheresis, ManufacturingCapacity capacity, SlotAvailability slotAvailability,
            SlotBookings bookings, CaseJourney journey, CapacityStore slots) {
        this.slotAvailability = slotAvailability;
        this.slots = slots;
        this.journey = journey;
        this.apheresis = apheresis;
        this.capacity = capacity;
        this.bookings = bookings;
    }

    /**
     * Books the case (at PANEL_APPROVED, or back at SLOT_BOOKED after a failure) at the operator's manufacturer; the
     * case moves to SLOT_BOOKED. {@code coordinator} is a coordinator of the treating centre.
     */
    public SlotBooking book(Actor coordinator, Actor manufacturerOperator, CaseId caseId, String productCode) {
        Choice choice = choose(coordinator, manufacturerOperator, caseId, productCode);
        return bookings.book(coordinator, new NewBooking(caseId, choice.slotId(), choice.apheresisDate(), false)).booking();
    }

    /** A free slot of the operator's manufacturer that fits the earliest open apheresis day, and that day. */
    public record Choice(LocalDate apheresisDate, UUID slotId, String siteName) {
    }

    /** Publishes the operator's capacity and chooses its first slot that fits the centre's first open day. */
    public Choice choose(Actor coordinator, Actor manufacturerOperator, CaseId caseId, String productCode) {
        String site = "Fixture site of " + manufacturerOperator.organisationName();
        publish(manufacturerOperator, productCode, site);
        LocalDate day = firstOpenDay(coordinator);
        Availability availability = slotAvailability.availability(coordinator, caseId, day, 6);
        Optional<UUID> fitting = availability.slots().stream().filter(s -> s.siteName().equals(site)).findFirst()
                .map(FittingSlot::slotId);
        // the availability lists the 50 earliest slots of every site; with many fixture manufacturers in one test
        // database this site's may not be among them: then its first free slot a week or more after the apheresis
        // day, which the cells reach whatever the product's shipping lead time
        UUID slot = fitting.orElseGet(() -> slots.slotsOfManufacturer(DataVisibility.clinicalScope(manufacturerOperator),
                        day.plusDays(7), day.plusWeeks(6)).stream()
                .filter(s -> s.free() && s.siteName().equals(site) && s.productCode().equals(productCode)
                        && !s.windowStart().isBefore(day.plusDays(7)))
                .findFirst().map(ManufacturingSlot::id)
                .orElseThrow(() -> new IllegalStateException("no slot of " + site + " fits " + day)));
        return new Choice(day, slot, site);
    }

    /** The manufacturer's capacity: one slot a day, every day, this week and the next five. */
    public void publish(Actor manufacturerOperator, String productCode, String siteName) {
        Map<DayOfWeek, Integer> daily = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            daily.put(d, 1);
        }
        LocalDate week = journey.today().with(DayOfWeek.MONDAY);
        for (int i = 0; i < 6; i++) {
            capacity.publish(manufacturerOperator, new CapacityPublication(null, SITE, siteName, productCode,
                    week.plusWeeks(i), daily, null, List.of(), null));
        }
    }

    private LocalDate firstOpenDay(Actor coordinator) {
        if (apheresis.unit(coordinator).isEmpty()) {
            apheresis.configure(coordinator, 10, EnumSet.allOf(DayOfWeek.class), null);
        }
        LocalDate today = journey.today();
        return apheresis.days(coordinator, today, today.plusDays(21)).stream()
                .filter(d -> d.free() > 0).map(ApheresisDay::day).findFirst()
                .orElseThrow(() -> new IllegalStateException("no apheresis chair free in three weeks"));
    }
}
