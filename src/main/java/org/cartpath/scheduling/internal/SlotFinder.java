package org.cartpath.scheduling.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.scheduling.BookingPlan;
import org.cartpath.scheduling.FittingSlot;
import org.cartpath.scheduling.ManufacturingSlot;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;
import org.cartpath.scheduling.planning.Planner;
import org.cartpath.scheduling.planning.SiteCalendar;
import org.springframework.stereotype.Component;

/** Plans a case on a slot, and finds the free slots its cells can reach in time. */
@Component
public class SlotFinder {

    /** Slots are looked for up to 8 weeks after the cells could arrive unless the caller asks otherwise. */
    public static final int DEFAULT_HORIZON_DAYS = 56;

    private final CapacityStore capacity;
    private final Today today;

    SlotFinder(CapacityStore capacity, Today today) {
        this.capacity = capacity;
        this.today = today;
    }

    public BookingPlan plan(CasePlanning.Basis basis, LocalDate apheresis, ManufacturingSlot slot) {
        return plan(basis, apheresis, slot, calendar(slot.siteId(), apheresis == null ? slot.windowStart() : apheresis));
    }

    private static BookingPlan plan(CasePlanning.Basis basis, LocalDate apheresis, ManufacturingSlot slot, SiteCalendar calendar) {
        return Planner.plan(apheresis, slot.windowStart(), slot.windowEnd(), basis.leadTimes(), basis.lymphodepletion(),
                calendar);
    }

    /**
     * Free slots of the case's product that cells collected on {@code apheresis} reach in time, earliest infusion
     * first; for a re-manufacture ({@code apheresis} null) every free slot from today.
     */
    public List<FittingSlot> fitting(CasePlanning.Basis basis, LocalDate apheresis, UUID forCase, int horizonDays, int limit) {
        LocalDate from = apheresis == null ? today.date() : apheresis.plusDays(basis.leadTimes().shippingToSite().days());
        List<ManufacturingSlot> candidates = capacity.freeSlots(basis.product().name(), from, from.plusDays(horizonDays),
                forCase, today.now());
        Map<UUID, SiteCalendar> calendars = new HashMap<>();
        List<FittingSlot> fitting = new ArrayList<>();
        for (ManufacturingSlot slot : candidates) {
            if (slot.windowEnd().isBefore(today.date())) {
                continue;
            }
            SiteCalendar calendar = calendars.computeIfAbsent(slot.siteId(),
                    site -> calendar(site, apheresis == null ? today.date() : apheresis));
            BookingPlan plan = plan(basis, apheresis, slot, calendar);
            if (plan.fits()) {
                fitting.add(new FittingSlot(slot.id(), slot.siteCode(), slot.siteName(), slot.productCode(),
                        slot.windowStart(), slot.windowEnd(), day(plan, PlanStep.SHIPMENT_TO_SITE),
                        day(plan, PlanStep.RELEASE), day(plan, PlanStep.INFUSION)));
            }
        }
        fitting.sort(Comparator.comparing(FittingSlot::plannedInfusion).thenComparing(FittingSlot::windowStart)
                .thenComparing(FittingSlot::siteCode));
        return fitting.stream().limit(limit).toList();
    }

    /** The last apheresis day, from {@code earliest} on, whose cells reach the slot in time; null if none. */
    public LocalDate latestApheresis(CasePlanning.Basis basis, ManufacturingSlot slot, LocalDate earliest) {
        return Planner.latestApheresisFor(slot.windowEnd(), earliest, basis.leadTimes().shippingToSite(),
                calendar(slot.siteId(), earliest));
    }

    /** Free slots of a product whose window has not ended, earliest first (for the waitlist's expected dates). */
    public List<ManufacturingSlot> upcomingFree(String product, LocalDate from, int horizonDays) {
        return capacity.freeSlots(product, from, from.plusDays(horizonDays), null, today.now());
    }

    public SiteCalendar calendar(UUID siteId, LocalDate from) {
        return capacity.calendar(siteId, from.minusDays(7));
    }

    private static LocalDate day(BookingPlan plan, PlanStep step) {
        return plan.step(step).map(PlannedStep::plannedOn).orElse(null);
    }
}
