package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.cartpath.journey.CaseId;
import org.cartpath.scheduling.internal.CasePlanning;
import org.cartpath.scheduling.internal.SchedulingProblems;
import org.cartpath.scheduling.internal.SlotFinder;
import org.cartpath.scheduling.internal.Today;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The checks that booking ({@link SlotBookings}), the availability it offers ({@link SlotAvailability}) and moving a
 * booking ({@link BookingChanges}) share: the apheresis day, the slot, a chair of the day, and the slots offered
 * instead when a choice does not fit. Not an API: package-private, and it joins the caller's transaction.
 */
@Component
class BookingChecks {

    static final int MAX_DAYS_AHEAD = 366;
    static final int SUGGESTIONS = 10;

    private final ApheresisCapacity apheresis;
    private final Waitlist waitlist;
    private final SlotFinder finder;
    private final Today today;

    BookingChecks(ApheresisCapacity apheresis, Waitlist waitlist, SlotFinder finder, Today today) {
        this.apheresis = apheresis;
        this.waitlist = waitlist;
        this.finder = finder;
        this.today = today;
    }

    /** The slots offered instead of a choice that does not fit, found only when a refusal needs them. */
    Supplier<List<FittingSlot>> fitting(CasePlanning.Basis basis, LocalDate day, CaseId caseId) {
        return () -> finder.fitting(basis, day, caseId.value(), SlotFinder.DEFAULT_HORIZON_DAYS, SUGGESTIONS);
    }

    /** 422 unless the centre collects on the day: not in the past, not closed, within a year. */
    void checkApheresisDay(DataScope scope, OrganisationId centre, LocalDate day) {
        LocalDate now = today.date();
        if (day.isBefore(now)) {
            throw SchedulingProblems.apheresisDateInPast(day, now, apheresis.nextOpenDays(scope, centre, now));
        }
        if (day.isAfter(now.plusDays(MAX_DAYS_AHEAD))) {
            throw ProblemException.invalid("apheresisDate", "must be within a year");
        }
        String closed = apheresis.whyClosed(scope, centre, day);
        if (closed != null) {
            throw SchedulingProblems.apheresisDayClosed(day, closed, apheresis.nextOpenDays(scope, centre, day));
        }
    }

    void checkSlot(ManufacturingSlot slot, CasePlanning.Basis basis, CaseId caseId,
            Supplier<List<FittingSlot>> fitting) {
        if (!slot.productCode().equals(basis.product().name())) {
            throw SchedulingProblems.slotProductMismatch(slot.productCode(), basis.product().name(), fitting.get());
        }
        if (slot.withdrawn()) {
            throw SchedulingProblems.slotUnavailable("the manufacturer withdrew it", fitting.get());
        }
        if (slot.windowEnd().isBefore(today.date())) {
            throw SchedulingProblems.slotUnavailable("its last day, " + slot.windowEnd() + ", has passed", fitting.get());
        }
        if (slot.bookingId() != null) {
            throw SchedulingProblems.slotTaken(fitting.get());
        }
        waitlist.openOfferOfSlot(slot.id()).filter(o -> !o.caseId().equals(caseId)).ifPresent(o -> {
            throw SchedulingProblems.slotOffered(o.expiresAt().atZone(today.zone()).toLocalDate().toString(), fitting.get());
        });
    }

    void takeChair(DataScope scope, OrganisationId centre, LocalDate day) {
        if (!apheresis.takeChair(scope, centre, day)) {
            throw SchedulingProblems.apheresisDayFull(day, apheresis.day(scope, centre, day).chairs(),
                    apheresis.nextOpenDays(scope, centre, day.plusDays(1)));
        }
    }
}
