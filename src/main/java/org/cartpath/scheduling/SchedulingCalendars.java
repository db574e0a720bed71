package org.cartpath.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.scheduling.Calendars.CaseMark;
import org.cartpath.scheduling.Calendars.CentreDay;
import org.cartpath.scheduling.Calendars.CentreUtilisation;
import org.cartpath.scheduling.Calendars.CentreWeek;
import org.cartpath.scheduling.Calendars.ManufacturerUtilisation;
import org.cartpath.scheduling.Calendars.ManufacturerWeek;
import org.cartpath.scheduling.Calendars.SlotRow;
import org.cartpath.scheduling.internal.BookingStore;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.scheduling.internal.Today;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Csv;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendars and utilisation (ADR 0015): a centre sees its apheresis days, planned infusions and bed days; a
 * manufacturer sees its slots and which centre booked them, by case reference, never by patient.
 */
@Service
public class SchedulingCalendars {

    static final int MAX_WEEKS = 26;

    private final CapacityStore capacity;
    private final BookingStore bookings;
    private final ApheresisCapacity apheresis;
    private final OrganisationManagement organisations;
    private final Today today;

    SchedulingCalendars(CapacityStore capacity, BookingStore bookings, ApheresisCapacity apheresis,
            OrganisationManagement organisations, Today today) {
        this.capacity = capacity;
        this.bookings = bookings;
        this.apheresis = apheresis;
        this.organisations = organisations;
        this.today = today;
    }

    /** The Monday of the week holding {@code day}, or of this week. */
    public LocalDate weekOf(LocalDate day) {
        return (day == null ? today.date() : day).with(DayOfWeek.MONDAY);
    }

    @Transactional(readOnly = true)
    public CentreWeek centreWeek(Actor actor, LocalDate anyDay) {
        OrganisationId centre = requireCentre(actor);
        LocalDate week = weekOf(anyDay);
        LocalDate end = week.plusDays(6);
        List<SlotBooking> active = bookings.activeTouching(DataVisibility.clinicalScope(actor), week, end);
        List<BookingPlan> plans = bookings.plans(active);
        Map<LocalDate, ApheresisDay> days = apheresis.days(DataVisibility.clinicalScope(actor), centre, week, end).stream()
                .collect(Collectors.toMap(ApheresisDay::day, Function.identity()));
        List<CentreDay> result = new ArrayList<>();
        for (LocalDate d = week; !d.isAfter(end); d = d.plusDays(1)) {
            result.add(new CentreDay(d, days.get(d), marks(active, plans, d, PlanStep.APHERESIS, true),
                    marks(active, plans, d, PlanStep.LYMPHODEPLETION, false),
                    marks(active, plans, d, PlanStep.INFUSION, true), marks(active, plans, d, PlanStep.INPATIENT, false)));
        }
        return new CentreWeek(week, result);
    }

    @Transactional(readOnly = true)
    public List<CentreUtilisation> centreUtilisation(Actor actor, LocalDate fromDay, int weeks) {
        OrganisationId centre = requireCentre(actor);
        checkWeeks(weeks);
        LocalDate first = weekOf(fromDay);
        LocalDate last = first.plusWeeks(weeks).minusDays(1);
        List<ApheresisDay> days = apheresis.days(DataVisibility.clinicalScope(actor), centre, first, last);
        List<SlotBooking> active = bookings.activeTouching(DataVisibility.clinicalScope(actor), first, last);
        List<BookingPlan> plans = bookings.plans(active);
        List<CentreUtilisation> result = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate start = first.plusWeeks(w);
            LocalDate end = start.plusDays(6);
            List<ApheresisDay> inWeek = days.stream().filter(d -> !d.day().isBefore(start) && !d.day().isAfter(end)).toList();
            int infusions = 0;
            int bedDays = 0;
            for (BookingPlan plan : plans) {
                infusions += plan.step(PlanStep.INFUSION).filter(s -> within(s.plannedOn(), start, end)).isPresent() ? 1 : 0;
                bedDays += plan.step(PlanStep.INPATIENT).map(s -> overlap(s.windowStart(), s.windowEnd(), start, end)).orElse(0);
            }
            result.add(new CentreUtilisation(start, inWeek.stream().mapToInt(ApheresisDay::chairs).sum(),
                    inWeek.stream().mapToInt(ApheresisDay::booked).sum(),
                    (int) active.stream().filter(b -> b.apheresisDate() != null && within(b.apheresisDate(), start, end)).count(),
                    infusions, bedDays));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public ManufacturerWeek manufacturerWeek(Actor actor, LocalDate anyDay) {
        OrganisationId manufacturer = requireManufacturer(actor);
        LocalDate week = weekOf(anyDay);
        List<ManufacturingSlot> slots = capacity.slotsOfManufacturer(DataVisibility.clinicalScope(actor), week, week.plusDays(6));
        Map<UUID, ManufacturerBooking> booked = manufacturerBookings(manufacturer, slots);
        Set<UUID> offered = capacity.offered(slots.stream().map(ManufacturingSlot::id).toList(), today.now());
        record Key(LocalDate start, LocalDate end, String site, String siteName, String product) {
        }
        Map<Key, List<ManufacturingSlot>> grouped = slots.stream().collect(Collectors.groupingBy(
                s -> new Key(s.windowStart(), s.windowEnd(), s.siteCode(), s.siteName(), s.productCode()),
                LinkedHashMap::new, Collectors.toList()));
        List<SlotRow> rows = new ArrayList<>();
        grouped.forEach((key, group) -> rows.add(new SlotRow(key.start(), key.end(), key.site(), key.siteName(),
                key.product(), group.size(), (int) group.stream().filter(s -> s.bookingId() == null && !offered.contains(s.id())).count(),
                (int) group.stream().filter(s -> offered.contains(s.id())).count(),
                group.stream().filter(s -> s.bookingId() != null).map(s -> booked.get(s.bookingId()))
                        .filter(java.util.Objects::nonNull).sorted(Comparator.comparing(ManufacturerBooking::caseReference))
                        .toList())));
        return new ManufacturerWeek(week, rows);
    }

    @Transactional(readOnly = true)
    public List<ManufacturerUtilisation> manufacturerUtilisation(Actor actor, LocalDate fromDay, int weeks) {
        OrganisationId manufacturer = requireManufacturer(actor);
        checkWeeks(weeks);
        LocalDate first = weekOf(fromDay);
        List<ManufacturingSlot> slots = capacity.slotsOfManufacturer(DataVisibility.clinicalScope(actor), first, first.plusWeeks(weeks).minusDays(1));
        Set<UUID> offered = capacity.offered(slots.stream().map(ManufacturingSlot::id).toList(), today.now());
        List<ManufacturerUtilisation> result = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            LocalDate start = first.plusWeeks(w);
            List<ManufacturingSlot> inWeek = slots.stream().filter(s -> s.weekStart().equals(start)).toList();
            int booked = (int) inWeek.stream().filter(s -> s.bookingId() != null).count();
            int held = (int) inWeek.stream().filter(s -> s.bookingId() == null && offered.contains(s.id())).count();
            result.add(new ManufacturerUtilisation(start, inWeek.size(), booked, held, inWeek.size() - booked - held));
        }
        return result;
    }

    /** A manufacturer's bookings (active and ended) whose slots fall in a range of days, by slot date. */
    @Transactional(readOnly = true)
    public Page<ManufacturerBooking> manufacturerBookings(Actor actor, LocalDate from, LocalDate to, Page.Request request) {
        OrganisationId manufacturer = requireManufacturer(actor);
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from) || to.isAfter(from.plusDays(400))) {
            throw ProblemException.invalid("to", "must be on or after 'from' and at most 400 days later");
        }
        List<SlotBooking> page = bookings.ofManufacturer(DataVisibility.clinicalScope(actor), from, to, request.size(), request.offset());
        Map<UUID, ManufacturingSlot> slots = new LinkedHashMap<>();
        page.forEach(b -> capacity.slot(b.slotId()).ifPresent(s -> slots.put(s.id(), s)));
        Map<OrganisationId, String> names = names();
        List<ManufacturerBooking> items = page.stream()
                .map(b -> view(b, slots.get(b.slotId()), bookings.plan(b.id()), names)).toList();
        return new Page<>(items, request.page(), request.size(), bookings.countOfManufacturer(DataVisibility.clinicalScope(actor), from, to));
    }

    /** The same bookings as CSV, one line each, for the manufacturer's own systems. */
    @Transactional(readOnly = true)
    public String manufacturerBookingsCsv(Actor actor, LocalDate from, LocalDate to) {
        StringBuilder csv = new StringBuilder("booking_id,case_reference,chain_of_identity,centre,product,site,slot_start,"
                + "slot_end,apheresis_date,cells_arrive,planned_release,purpose,status,booked_at\r\n");
        int page = 0;
        Page<ManufacturerBooking> batch;
        do {
            batch = manufacturerBookings(actor, from, to, new Page.Request(page++, Page.MAX_SIZE));
            for (ManufacturerBooking b : batch.items()) {
                csv.append(String.join(",", cell(b.bookingId()), cell(b.caseReference()), cell(b.chainOfIdentity()),
                        cell(b.centreName()), cell(b.productCode()), cell(b.siteCode()), cell(b.slotStart()),
                        cell(b.slotEnd()), cell(b.apheresisDate()), cell(b.cellsArrive()), cell(b.plannedRelease()),
                        cell(b.purpose()), cell(b.status()), cell(b.bookedAt()))).append("\r\n");
            }
        } while (batch.hasNext());
        return csv.toString();
    }

    private Map<UUID, ManufacturerBooking> manufacturerBookings(OrganisationId manufacturer, List<ManufacturingSlot> slots) {
        List<UUID> bookedSlots = slots.stream().filter(s -> s.bookingId() != null).map(ManufacturingSlot::id).toList();
        Map<UUID, ManufacturingSlot> byId = slots.stream().collect(Collectors.toMap(ManufacturingSlot::id, Function.identity()));
        Map<OrganisationId, String> names = names();
        Map<UUID, ManufacturerBooking> result = new LinkedHashMap<>();
        for (SlotBooking b : bookings.activeOfSlots(bookedSlots)) {
            if (b.manufacturerId().equals(manufacturer)) {
                result.put(b.id(), view(b, byId.get(b.slotId()), bookings.plan(b.id()), names));
            }
        }
        return result;
    }

    private static ManufacturerBooking view(SlotBooking b, ManufacturingSlot slot, BookingPlan plan,
            Map<OrganisationId, String> names) {
        return new ManufacturerBooking(b.id(), b.caseId(), b.caseReference(), b.chainOfIdentity(),
                names.getOrDefault(b.centreId(), "Unknown centre"), b.productCode(), slot == null ? null : slot.siteCode(),
                slot == null ? null : slot.siteName(), slot == null ? null : slot.windowStart(),
                slot == null ? null : slot.windowEnd(), b.apheresisDate(),
                plan.step(PlanStep.SHIPMENT_TO_SITE).map(PlannedStep::plannedOn).orElse(null),
                plan.step(PlanStep.RELEASE).map(PlannedStep::plannedOn).orElse(null), b.purpose(), b.status(), b.bookedAt());
    }

    private Map<OrganisationId, String> names() {
        return organisations.directory().stream().collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
    }

    private static List<CaseMark> marks(List<SlotBooking> active, List<BookingPlan> plans, LocalDate day, PlanStep step,
            boolean plannedDayOnly) {
        List<CaseMark> marks = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            SlotBooking b = active.get(i);
            BookingPlan plan = plans.get(i);
            plan.step(step).filter(s -> plannedDayOnly ? s.plannedOn().equals(day) : within(day, s.windowStart(), s.windowEnd()))
                    .ifPresent(s -> marks.add(new CaseMark(b.caseId(), b.caseReference(), b.productCode(), !plan.fits())));
        }
        return marks;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static int overlap(LocalDate a1, LocalDate a2, LocalDate b1, LocalDate b2) {
        LocalDate start = a1.isAfter(b1) ? a1 : b1;
        LocalDate end = a2.isBefore(b2) ? a2 : b2;
        return end.isBefore(start) ? 0 : (int) java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
    }

    private static void checkWeeks(int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw ProblemException.invalid("weeks", "must be from 1 to " + MAX_WEEKS);
        }
    }

    static OrganisationId requireCentre(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.forbidden("The centre calendar is for treatment centre staff");
        }
        return actor.organisationId();
    }

    static OrganisationId requireManufacturer(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.MANUFACTURER || !actor.hasRole(Role.MANUFACTURER_OPERATOR)) {
            throw ProblemException.forbidden("The manufacturer calendar is for manufacturer operators");
        }
        return actor.organisationId();
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break; formula characters defused. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d.*")) {
            text = "'" + text;
        }
        return Csv.quoted(text);
    }
}
