/**
 * Scheduling (ADR 0015): manufacturing capacity per manufacturer, site, product and week; apheresis chairs per
 * treatment centre and day; bookings of a slot and an apheresis day with the plan of every later step; the
 * waitlist of each product with a transparent priority score; calendars and utilisation.
 *
 * <p>Its API is {@link org.cartpath.scheduling.ManufacturingCapacity}, {@link org.cartpath.scheduling.ApheresisCapacity},
 * {@link org.cartpath.scheduling.SlotAvailability} (which slots fit), {@link org.cartpath.scheduling.SlotBookings}
 * (booking, and the bookings of a case), {@link org.cartpath.scheduling.BookingChanges} (rescheduling and
 * cancelling), {@link org.cartpath.scheduling.Waitlist} and
 * {@link org.cartpath.scheduling.SchedulingCalendars}, with the events {@link org.cartpath.scheduling.SlotBooked},
 * {@link org.cartpath.scheduling.BookingRescheduled} and {@link org.cartpath.scheduling.BookingCancelled}. It moves a
 * case to SLOT_BOOKED through the journey and makes the manufacturer a party of the case.
 *
 * <p>It is not custody: it plans shipments and collections but records none; later modules record the actual
 * dates against the plan. It holds no patient data: manufacturers see bookings by case reference.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "catalogue", "journey"})
package org.cartpath.scheduling;
