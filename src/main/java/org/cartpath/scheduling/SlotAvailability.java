package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.internal.CaseAccess;
import org.cartpath.scheduling.internal.CasePlanning;
import org.cartpath.scheduling.internal.SlotFinder;
import org.cartpath.scheduling.internal.Today;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which manufacturing slots fit a case (ADR 0015): for an apheresis day, the free slots the cells could reach with the
 * day's chairs, and the case's booking calendar of days with their chairs and fitting slots. Read-only; the booking
 * itself is {@link SlotBookings}'.
 */
@Service
public class SlotAvailability {

    /** How many days the booking calendar shows. */
    public static final int CALENDAR_DAYS = 42;

    private final ApheresisCapacity apheresis;
    private final CaseJourney journey;
    private final CasePlanning planning;
    private final SlotFinder finder;
    private final BookingChecks checks;
    private final Today today;

    SlotAvailability(ApheresisCapacity apheresis, CaseJourney journey, CasePlanning planning, SlotFinder finder,
            BookingChecks checks, Today today) {
        this.apheresis = apheresis;
        this.journey = journey;
        this.planning = planning;
        this.finder = finder;
        this.checks = checks;
        this.today = today;
    }

    /** The free slots that fit a case and an apheresis day, with the day's chairs (the treating centre's staff). */
    @Transactional(readOnly = true)
    public Availability availability(Actor actor, CaseId caseId, LocalDate apheresisDate, Integer horizonWeeks) {
        TherapyCase c = journey.get(actor, caseId).therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR, Role.CONSULTANT, Role.APHERESIS_NURSE);
        if (apheresisDate == null) {
            throw ProblemException.invalid("apheresisDate", "is required");
        }
        int weeks = horizonWeeks == null ? SlotFinder.DEFAULT_HORIZON_DAYS / 7 : horizonWeeks;
        if (weeks < 1 || weeks > 26) {
            throw ProblemException.invalid("weeks", "must be from 1 to 26");
        }
        CasePlanning.Basis basis = planning.basis(c);
        checks.checkApheresisDay(DataVisibility.clinicalScope(actor), c.treatingCentre(), apheresisDate);
        List<FittingSlot> slots = finder.fitting(basis, apheresisDate, c.id().value(), weeks * 7, 50);
        return new Availability(c.id(), c.reference(), c.productCode(), apheresis.day(DataVisibility.clinicalScope(actor), c.treatingCentre(), apheresisDate),
                slots, basis.labelVersionId(), basis.usesDefaults());
    }

    /**
     * The case's booking calendar from tomorrow: each day's free chairs beside the slots the cells could reach from it
     * (the treating centre's staff, as {@link #availability}). Closed days say why (a weekday the unit does not
     * collect, a bank holiday, an exceptional day).
     */
    @Transactional(readOnly = true)
    public List<BookingDay> calendar(Actor actor, CaseId caseId) {
        TherapyCase c = journey.get(actor, caseId).therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR, Role.CONSULTANT, Role.APHERESIS_NURSE);
        CasePlanning.Basis basis = planning.basis(c);
        LocalDate from = today.date().plusDays(1);
        List<BookingDay> days = new ArrayList<>();
        for (ApheresisDay day : apheresis.days(DataVisibility.clinicalScope(actor), c.treatingCentre(), from, from.plusDays(CALENDAR_DAYS - 1))) {
            List<FittingSlot> slots = day.free() > 0
                    ? finder.fitting(basis, day.day(), c.id().value(), SlotFinder.DEFAULT_HORIZON_DAYS, 50) : List.of();
            days.add(new BookingDay(day.day(), day, slots.size(), slots.stream().map(FittingSlot::plannedInfusion)
                    .filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null)));
        }
        return days;
    }
}
