package org.cartpath.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cartpath.audit.AuditTrail;
import org.cartpath.scheduling.internal.ApheresisStore;
import org.cartpath.scheduling.internal.BankHolidays;
import org.cartpath.scheduling.internal.BookingStore;
import org.cartpath.scheduling.internal.SchedulingProblems;
import org.cartpath.scheduling.internal.SchedulingProblems.BookingInTheWay;
import org.cartpath.scheduling.internal.Today;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Apheresis capacity of each treatment centre (ADR 0015): chairs a day on its opening weekdays, and days
 * that differ (a closure, an extra session). Set by the centre's coordinators and apheresis nurses; lowering it
 * below the bookings already made is refused with the bookings in the way. Bank holidays ({@link BankHolidays}) are
 * closed days of the usual week; a centre that collects on one opens it by an exceptional day.
 */
@Service
public class ApheresisCapacity {

    /** How far ahead capacity checks and suggestions look. */
    static final int HORIZON_DAYS = 366;
    /** How far ahead the next open days are suggested. */
    static final int SUGGESTION_DAYS = 56;

    private final ApheresisStore store;
    private final BookingStore bookings;
    private final AuditTrail audit;
    private final Today today;
    private final BankHolidays bankHolidays;

    ApheresisCapacity(ApheresisStore store, BookingStore bookings, AuditTrail audit, Today today,
            BankHolidays bankHolidays) {
        this.store = store;
        this.bookings = bookings;
        this.audit = audit;
        this.today = today;
        this.bankHolidays = bankHolidays;
    }

    /** The unit of the actor's centre, if it has been set up. */
    @Transactional(readOnly = true)
    public Optional<ApheresisUnit> unit(Actor actor) {
        requireCentreStaff(actor);
        return store.unit(actor.organisationId());
    }

    /**
     * Sets the chairs a day and the opening weekdays of the actor's centre.
     *
     * @param expectedVersion the version being changed (If-Match), or null to set up a new unit
     */
    @Transactional
    public ApheresisUnit configure(Actor actor, Integer chairsPerDay, Set<DayOfWeek> openingDays, Integer expectedVersion) {
        requireManager(actor);
        if (chairsPerDay == null) {
            throw ProblemException.invalid("chairsPerDay", "is required");
        }
        if (chairsPerDay < 0 || chairsPerDay > 50) {
            throw ProblemException.invalid("chairsPerDay", "must be from 0 to 50");
        }
        if (openingDays == null || openingDays.isEmpty()) {
            throw ProblemException.invalid("openingDays", "choose at least one weekday");
        }
        OrganisationId centre = actor.organisationId();
        DataScope scope = DataVisibility.clinicalScope(actor);
        store.lockCentre(centre);
        Optional<ApheresisUnit> before = store.unit(centre);
        if (before.isPresent() && expectedVersion == null) {
            Versions.fromIfMatch(null); // 428: a change to an existing unit says which version it changes
        }
        if (before.isEmpty() && expectedVersion != null) {
            throw ProblemException.conflict("stale-version", "The apheresis unit has not been set up yet; set it up without If-Match");
        }
        if (before.isPresent() && before.get().version() != expectedVersion) {
            throw stale(before.get());
        }
        LocalDate from = today.date();
        Map<LocalDate, ApheresisStore.Exception> exceptions = store.exceptions(scope, centre, from, from.plusDays(HORIZON_DAYS));
        Map<LocalDate, ApheresisStore.Counter> counters = store.lockCounters(scope, centre, from, from.plusDays(HORIZON_DAYS));
        List<BookingInTheWay> inTheWay = new ArrayList<>();
        Map<LocalDate, Integer> newChairs = new LinkedHashMap<>();
        for (ApheresisStore.Counter counter : counters.values()) {
            ApheresisStore.Exception exception = exceptions.get(counter.day());
            int chairs = exception != null ? exception.chairs()
                    : usualChairs(chairsPerDay, openingDays, counter.day());
            if (counter.booked() > chairs) {
                inTheWay.addAll(inTheWay(scope, centre, counter.day()));
            }
            newChairs.put(counter.day(), chairs);
        }
        if (!inTheWay.isEmpty()) {
            throw SchedulingProblems.capacityBelowBookings("These chairs and opening days", inTheWay);
        }
        if (!store.saveUnit(centre, chairsPerDay, openingDays, expectedVersion, actor.displayName(), today.now())) {
            throw ProblemException.conflict("stale-version", "The apheresis unit changed meanwhile; reload it");
        }
        newChairs.forEach((day, chairs) -> store.setChairs(centre, day, chairs));
        ApheresisUnit after = store.unit(centre).orElseThrow();
        audit.record(actor, before.isEmpty() ? "APHERESIS_UNIT_SET_UP" : "APHERESIS_UNIT_CHANGED", "ApheresisUnit",
                centre.toString(), before.map(ApheresisCapacity::auditView).orElse(null), auditView(after), null);
        return after;
    }

    /** A day that differs from the usual week: {@code chairs} 0 closes it. The reason is required. */
    @Transactional
    public ApheresisDay setException(Actor actor, LocalDate day, Integer chairs, String reason) {
        requireManager(actor);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (day == null) {
            problems.add(new ProblemException.FieldProblem("date", "is required"));
        }
        if (chairs == null) {
            problems.add(new ProblemException.FieldProblem("chairs", "is required"));
        } else if (chairs < 0 || chairs > 50) {
            problems.add(new ProblemException.FieldProblem("chairs", "must be from 0 to 50"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new ProblemException.FieldProblem("reason", "is required"));
        } else if (reason.trim().length() > 500) {
            problems.add(new ProblemException.FieldProblem("reason", "must be at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        OrganisationId centre = actor.organisationId();
        DataScope scope = DataVisibility.clinicalScope(actor);
        if (day.isBefore(today.date())) {
            throw ProblemException.unprocessable("apheresis-date-in-past", "The day " + day + " is in the past");
        }
        if (store.unit(centre).isEmpty()) {
            throw ProblemException.unprocessable("apheresis-unit-not-set-up",
                    "Set up the unit's chairs and opening days before its exceptional days");
        }
        store.lockCentre(centre);
        ApheresisStore.Counter counter = store.lockCounters(scope, centre, day, day).get(day);
        if (counter != null && counter.booked() > chairs) {
            throw SchedulingProblems.capacityBelowBookings(chairs + " chairs on " + day, inTheWay(scope, centre, day));
        }
        ApheresisDay before = day(scope, centre, day);
        store.saveException(centre, day, chairs, reason.trim(), actor.displayName(), today.now());
        if (counter != null) {
            store.setChairs(centre, day, chairs);
        }
        ApheresisDay after = day(scope, centre, day);
        audit.record(actor, "APHERESIS_DAY_CHANGED", "ApheresisUnit", centre.toString(),
                Map.of("day", day.toString(), "chairs", before.chairs()),
                Map.of("day", day.toString(), "chairs", after.chairs()), reason.trim());
        return after;
    }

    /** The days of the actor's centre, at most 92, with their chairs and bookings. */
    @Transactional(readOnly = true)
    public List<ApheresisDay> days(Actor actor, LocalDate from, LocalDate to) {
        requireCentreStaff(actor);
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from) || to.isAfter(from.plusDays(92))) {
            throw ProblemException.invalid("to", "must be on or after 'from' and at most 92 days later");
        }
        return days(DataVisibility.clinicalScope(actor), actor.organisationId(), from, to);
    }

    /** The days of a centre from {@code from} to {@code to}, with their chairs and bookings. */
    @Transactional(readOnly = true)
    public List<ApheresisDay> days(DataScope scope, OrganisationId centre, LocalDate from, LocalDate to) {
        Optional<ApheresisUnit> unit = store.unit(centre);
        Map<LocalDate, ApheresisStore.Exception> exceptions = store.exceptions(scope, centre, from, to);
        Map<LocalDate, ApheresisStore.Counter> counters = store.counters(scope, centre, from, to);
        List<ApheresisDay> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(day(unit, exceptions.get(d), counters.get(d), d));
        }
        return days;
    }

    @Transactional(readOnly = true)
    public ApheresisDay day(DataScope scope, OrganisationId centre, LocalDate day) {
        return days(scope, centre, day, day).get(0);
    }

    /** Why a centre does not collect on a day, or null if it does. */
    String whyClosed(DataScope scope, OrganisationId centre, LocalDate day) {
        Optional<ApheresisUnit> unit = store.unit(centre);
        if (unit.isEmpty()) {
            return "the centre has not set up its apheresis chairs";
        }
        ApheresisDay d = day(scope, centre, day);
        if (d.open()) {
            return null;
        }
        if (d.exceptionReason() != null) {
            return d.exceptionReason();
        }
        return "the unit collects on " + String.join(", ", unit.get().openingDays().stream().sorted()
                .map(w -> w.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)).toList()) + " only";
    }

    /** Up to five open days with a free chair from {@code from} on (within 8 weeks). */
    List<LocalDate> nextOpenDays(DataScope scope, OrganisationId centre, LocalDate from) {
        LocalDate start = from.isBefore(today.date()) ? today.date() : from;
        return days(scope, centre, start, start.plusDays(SUGGESTION_DAYS)).stream().filter(d -> d.free() > 0)
                .map(ApheresisDay::day).limit(5).toList();
    }

    boolean takeChair(DataScope scope, OrganisationId centre, LocalDate day) {
        return store.takeChair(centre, day, day(scope, centre, day).chairs());
    }

    void releaseChair(OrganisationId centre, LocalDate day) {
        store.releaseChair(centre, day);
    }

    private List<BookingInTheWay> inTheWay(DataScope scope, OrganisationId centre, LocalDate day) {
        return bookings.activeOnDays(scope, centre, day, day).stream()
                .map(b -> new BookingInTheWay(b.id().toString(), b.caseReference(), b.apheresisDate(), null, null)).toList();
    }

    private ApheresisDay day(Optional<ApheresisUnit> unit, ApheresisStore.Exception exception,
            ApheresisStore.Counter counter, LocalDate d) {
        int booked = counter == null ? 0 : counter.booked();
        if (exception != null) {
            return new ApheresisDay(d, exception.chairs(), booked, exception.reason());
        }
        int chairs = unit.map(u -> usualChairs(u.chairsPerDay(), u.openingDays(), d)).orElse(0);
        Optional<String> holiday = unit.isPresent() && unit.get().openingDays().contains(d.getDayOfWeek())
                ? bankHolidays.on(d) : Optional.empty();
        return new ApheresisDay(d, chairs, booked, holiday.orElse(null));
    }

    /** The chairs of a day of the usual week: none on a closed weekday or a bank holiday. */
    private int usualChairs(int chairsPerDay, Set<DayOfWeek> openingDays, LocalDate day) {
        return openingDays.contains(day.getDayOfWeek()) && bankHolidays.on(day).isEmpty() ? chairsPerDay : 0;
    }

    static void requireCentreStaff(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.forbidden("Apheresis capacity belongs to treatment centres");
        }
    }

    private static void requireManager(Actor actor) {
        requireCentreStaff(actor);
        if (!actor.hasAnyRole(Role.COORDINATOR, Role.APHERESIS_NURSE)) {
            throw ProblemException.forbidden("Only the centre's coordinators and apheresis nurses set apheresis capacity");
        }
    }

    private static ProblemException stale(ApheresisUnit current) {
        return ProblemException.conflict("stale-version", "The apheresis unit was changed by someone else (now version "
                + current.version() + "); reload it and make your change again");
    }

    private static Map<String, Object> auditView(ApheresisUnit unit) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("chairsPerDay", unit.chairsPerDay());
        view.put("openingDays", unit.openingDays().stream().sorted().map(Enum::name).toList());
        view.put("version", unit.version());
        return view;
    }
}
