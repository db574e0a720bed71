package org.cartpath.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.scheduling.internal.BookingStore;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.scheduling.internal.PublicationContent;
import org.cartpath.scheduling.internal.PublicationContent.Window;
import org.cartpath.scheduling.internal.SchedulingProblems;
import org.cartpath.scheduling.internal.SchedulingProblems.BookingInTheWay;
import org.cartpath.scheduling.internal.Today;
import org.cartpath.shared.Actor;
import org.cartpath.shared.CanonicalJson;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Manufacturing capacity (ADR 0015): each site's slots per product and week, published by the
 * manufacturer's operators (in cartpath or over the API) or mirrored by a centre's coordinator from the
 * manufacturer's portal, marked as mirrored with who entered it.
 *
 * <p>Publishing is idempotent: the same week with the same content changes nothing; other content replaces the
 * week, keeping every booked slot and withdrawing free ones. Lowering a week below its bookings is refused with
 * the bookings in the way. Publications of one site are serialised by a lock on the site's row.
 */
@Service
public class ManufacturingCapacity {

    private final CapacityStore store;
    private final BookingStore bookings;
    private final OrganisationManagement organisations;
    private final Waitlist waitlist;
    private final AuditTrail audit;
    private final CanonicalJson json;
    private final Today today;

    ManufacturingCapacity(CapacityStore store, BookingStore bookings, OrganisationManagement organisations,
            Waitlist waitlist, AuditTrail audit, JsonMapper mapper, Today today) {
        this.store = store;
        this.bookings = bookings;
        this.organisations = organisations;
        this.waitlist = waitlist;
        this.audit = audit;
        this.json = new CanonicalJson(mapper);
        this.today = today;
    }

    @Transactional
    public PublicationResult publish(Actor actor, CapacityPublication command) {
        OrganisationId manufacturer = manufacturerFor(actor, command.manufacturerId());
        boolean mirrored = actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE;
        Map<String, Object> content = PublicationContent.validate(command, today.date());
        String source = mirrored ? "MIRRORED" : "PUBLISHED";
        if (mirrored) {
            content.put("mirroredFrom", command.mirroredFrom() == null ? null : command.mirroredFrom().trim());
        }
        String product = (String) content.get("productCode");
        LocalDate week = command.weekStart();
        CapacityStore.Site site = store.lockSite(manufacturer, (String) content.get("siteCode"),
                (String) content.get("siteName"), today.now());
        Optional<CapacityStore.CurrentPublication> current = store.currentPublication(site.id(), product, week);
        if (mirrored && current.filter(c -> c.source().equals("PUBLISHED")).isPresent()) {
            throw ProblemException.conflict("capacity-published-by-manufacturer", "The manufacturer itself published "
                    + "this week (" + current.get().enteredByName() + "); a mirrored copy cannot replace it");
        }
        String text = json.write(content);
        String digest = json.digest(content);
        List<ManufacturingSlot> existing = store.lockSlotsOfWeek(site.id(), product, week);
        if (current.isPresent() && current.get().digest().equals(digest) && current.get().source().equals(source)) {
            return result(current.get().id(), current.get().version(), PublicationResult.Outcome.UNCHANGED, source,
                    site.code(), product, week, existing, 0);
        }
        Map<Window, Integer> wanted = PublicationContent.windows(content, week);
        Map<Window, List<ManufacturingSlot>> have = existing.stream()
                .collect(Collectors.groupingBy(s -> new Window(s.windowStart(), s.windowEnd()), LinkedHashMap::new,
                        Collectors.toList()));
        List<UUID> bookedInTheWay = new ArrayList<>();
        Set<Window> all = new HashSet<>(wanted.keySet());
        all.addAll(have.keySet());
        for (Window window : all) {
            List<ManufacturingSlot> booked = have.getOrDefault(window, List.of()).stream()
                    .filter(s -> s.bookingId() != null).toList();
            if (booked.size() > wanted.getOrDefault(window, 0)) {
                booked.forEach(s -> bookedInTheWay.add(s.id()));
            }
        }
        if (!bookedInTheWay.isEmpty()) {
            Map<UUID, ManufacturingSlot> byId = existing.stream().collect(Collectors.toMap(ManufacturingSlot::id, s -> s));
            List<BookingInTheWay> inTheWay = bookings.activeOfSlots(bookedInTheWay).stream()
                    .map(b -> new BookingInTheWay(b.id().toString(), b.caseReference(), b.apheresisDate(),
                            byId.get(b.slotId()).windowStart(), byId.get(b.slotId()).windowEnd()))
                    .toList();
            throw SchedulingProblems.capacityBelowBookings("This publication of " + site.code() + " " + product
                    + " for the week of " + week, inTheWay);
        }
        UUID publicationId = UUID.randomUUID();
        int version = current.map(c -> c.version() + 1).orElse(1);
        store.insertPublication(publicationId, site.id(), product, week, version, source, text, digest, actor.id(),
                actor.displayName(), actor.organisationId(), today.now());
        int withdrawn = apply(actor, site, manufacturer, product, week, wanted, have, publicationId);
        store.replaceClosedDays(site.id(), product, week, PublicationContent.closedDays(command));
        List<ManufacturingSlot> after = store.lockSlotsOfWeek(site.id(), product, week);
        PublicationResult result = result(publicationId, version, current.isPresent() ? PublicationResult.Outcome.REPLACED
                : PublicationResult.Outcome.CREATED, source, site.code(), product, week, after, withdrawn);
        Map<String, Object> auditView = new LinkedHashMap<>(content);
        auditView.put("source", source);
        auditView.put("version", version);
        auditView.put("manufacturerId", manufacturer.toString());
        audit.record(actor, "CAPACITY_PUBLISHED", "ManufacturingCapacity", publicationId.toString(), null, auditView, null);
        return result;
    }

    /** Keeps booked slots, keeps or adds free ones up to the wanted count, withdraws the rest; returns how many were withdrawn. */
    private int apply(Actor actor, CapacityStore.Site site, OrganisationId manufacturer, String product, LocalDate week,
            Map<Window, Integer> wanted, Map<Window, List<ManufacturingSlot>> have, UUID publicationId) {
        int withdrawn = 0;
        Set<Window> all = new java.util.TreeSet<>(Comparator.comparing(Window::start).thenComparing(Window::end));
        all.addAll(wanted.keySet());
        all.addAll(have.keySet());
        for (Window window : all) {
            int want = wanted.getOrDefault(window, 0);
            List<ManufacturingSlot> slots = have.getOrDefault(window, List.of());
            List<ManufacturingSlot> booked = slots.stream().filter(s -> s.bookingId() != null).toList();
            List<ManufacturingSlot> free = slots.stream().filter(s -> s.bookingId() == null)
                    .sorted(Comparator.comparing(ManufacturingSlot::withdrawn).thenComparing(ManufacturingSlot::ordinal))
                    .toList();
            booked.forEach(s -> store.confirmSlot(s.id(), publicationId));
            int keep = want - booked.size();
            for (int i = 0; i < free.size(); i++) {
                ManufacturingSlot slot = free.get(i);
                if (i < keep) {
                    store.confirmSlot(slot.id(), publicationId);
                } else if (!slot.withdrawn()) {
                    store.withdrawSlot(slot.id(), publicationId, today.now());
                    waitlist.slotWithdrawn(actor, slot.id());
                    withdrawn++;
                }
            }
            int ordinal = slots.stream().mapToInt(ManufacturingSlot::ordinal).max().orElse(0);
            for (int i = free.size(); i < keep; i++) {
                store.insertSlot(site.id(), manufacturer, product, week, window.start(), window.end(), ++ordinal, publicationId);
            }
        }
        return withdrawn;
    }

    private static PublicationResult result(UUID id, int version, PublicationResult.Outcome outcome, String source,
            String siteCode, String product, LocalDate week, List<ManufacturingSlot> slots, int withdrawn) {
        int active = (int) slots.stream().filter(s -> !s.withdrawn()).count();
        int booked = (int) slots.stream().filter(s -> s.bookingId() != null).count();
        return new PublicationResult(id, version, outcome, source, siteCode, product, week, active, booked, withdrawn);
    }

    /** The manufacturer a publication is for: the operator's own, or the one a coordinator mirrors. */
    private OrganisationId manufacturerFor(Actor actor, OrganisationId requested) {
        if (actor.organisationKind() == OrganisationKind.MANUFACTURER && actor.hasRole(Role.MANUFACTURER_OPERATOR)) {
            if (requested != null && !requested.equals(actor.organisationId())) {
                throw ProblemException.forbidden("Manufacturer operators publish the capacity of their own organisation only");
            }
            return actor.organisationId();
        }
        if (actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE && actor.hasRole(Role.COORDINATOR)) {
            if (requested == null) {
                throw ProblemException.invalid("manufacturerId", "is required: say whose capacity you are mirroring");
            }
            manufacturer(requested);
            return requested;
        }
        throw ProblemException.forbidden("Manufacturer operators publish capacity; centre coordinators may mirror it");
    }

    /** An active manufacturer, or 404. */
    Organisation manufacturer(OrganisationId id) {
        return organisations.directory().stream()
                .filter(o -> o.id().equals(id) && o.kind() == OrganisationKind.MANUFACTURER).findFirst()
                .orElseThrow(() -> new NotFoundException("manufacturer", id));
    }

    /** Manufacturers, for a coordinator's mirroring form. */
    @Transactional(readOnly = true)
    public List<Organisation> manufacturers() {
        return organisations.directory().stream().filter(o -> o.kind() == OrganisationKind.MANUFACTURER)
                .sorted(Comparator.comparing(Organisation::name)).toList();
    }

    /** The weeks in force of a manufacturer from this week on: an operator's own, or any for a coordinator. */
    @Transactional(readOnly = true)
    public List<CapacityStore.WeekSummary> weeks(Actor actor, OrganisationId manufacturer) {
        OrganisationId target = readable(actor, manufacturer);
        return store.weeks(target, today.date().with(DayOfWeek.MONDAY));
    }

    /** Whose capacity the actor may read: a manufacturer's operators their own; centre staff any manufacturer's. */
    OrganisationId readable(Actor actor, OrganisationId manufacturer) {
        if (actor.organisationKind() == OrganisationKind.MANUFACTURER) {
            if (!actor.hasRole(Role.MANUFACTURER_OPERATOR)) {
                throw ProblemException.forbidden("Manufacturer operators see their capacity");
            }
            if (manufacturer != null && !manufacturer.equals(actor.organisationId())) {
                throw new NotFoundException("manufacturer", manufacturer);
            }
            return actor.organisationId();
        }
        if (actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE) {
            if (manufacturer == null) {
                throw ProblemException.invalid("manufacturerId", "is required");
            }
            manufacturer(manufacturer);
            return manufacturer;
        }
        throw ProblemException.forbidden("Manufacturing capacity is for manufacturers and treatment centres");
    }
}
