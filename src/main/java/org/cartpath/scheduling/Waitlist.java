package org.cartpath.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.journey.CaseEnded;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.scheduling.internal.BookingStore;
import org.cartpath.scheduling.internal.CapacityStore;
import org.cartpath.scheduling.internal.CaseAccess;
import org.cartpath.scheduling.internal.CasePlanning;
import org.cartpath.scheduling.internal.PriorityPolicy;
import org.cartpath.scheduling.internal.SchedulingProblems;
import org.cartpath.scheduling.internal.SlotFinder;
import org.cartpath.scheduling.internal.Today;
import org.cartpath.scheduling.internal.WaitlistRanking;
import org.cartpath.scheduling.internal.WaitlistStore;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist of each product (ADR 0015). A case without a slot joins its product's waitlist; its priority
 * score is the sum of configured components (days waiting, clinical urgency and disease kinetics, both set by the
 * consultant with a reason), shown with its breakdown. An allocation committee — the centre's coordinators or
 * consultants, with a recorded reason — can place a case above the scored order. A freed slot is offered to the
 * top case (a task for its coordinator), held for it for a while, and never booked automatically.
 */
@Service
public class Waitlist {

    private final WaitlistStore store;
    private final CapacityStore capacity;
    private final BookingStore bookings;
    private final CaseJourney journey;
    private final CasePlanning planning;
    private final SlotFinder finder;
    private final PriorityPolicy policy;
    private final WaitlistRanking ranking;
    private final AuditTrail audit;
    private final Today today;

    Waitlist(WaitlistStore store, CapacityStore capacity, BookingStore bookings, CaseJourney journey,
            CasePlanning planning, SlotFinder finder, PriorityPolicy policy, WaitlistRanking ranking, AuditTrail audit,
            Today today) {
        this.store = store;
        this.capacity = capacity;
        this.bookings = bookings;
        this.journey = journey;
        this.planning = planning;
        this.finder = finder;
        this.policy = policy;
        this.ranking = ranking;
        this.audit = audit;
        this.today = today;
    }

    /** Puts a case without a slot on its product's waitlist (the treating centre's coordinators). */
    @Transactional
    public WaitlistEntry join(Actor actor, CaseId caseId) {
        CaseView view = journey.get(actor, caseId);
        TherapyCase c = view.therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR);
        if (c.stage() != Stage.PANEL_APPROVED && c.stage() != Stage.SLOT_BOOKED && c.stage() != Stage.IN_MANUFACTURING) {
            throw SchedulingProblems.caseNotApproved(c.reference(), c.stage().name(), c.stage().label());
        }
        Optional<SlotBooking> active = bookings.activeOfCase(caseId);
        if (active.isPresent() && c.stage() != Stage.IN_MANUFACTURING) {
            throw SchedulingProblems.caseAlreadyBooked(active.get());
        }
        planning.basis(c);
        if (store.waitingOfCase(caseId).isPresent()) {
            throw ProblemException.conflict("already-on-waitlist", "Case " + c.reference() + " is already on the "
                    + c.productCode() + " waitlist");
        }
        WaitlistEntry entry = new WaitlistEntry(UUID.randomUUID(), caseId, c.reference(), c.treatingCentre(),
                c.productCode(), c.indication(), c.jurisdiction(), c.labelVersionId(), today.now(), actor.displayName(),
                Urgency.ROUTINE, DiseaseKinetics.STABLE, null, null, null, null, null, null, null,
                WaitlistEntry.Status.WAITING, null, null, 0);
        try {
            store.insert(entry);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("already-on-waitlist", "Case " + c.reference() + " is already on the waitlist");
        }
        journey.note(actor, caseId, "WAITLIST_JOINED", "Joined the " + c.productCode() + " waitlist");
        audit.record(actor, "WAITLIST_JOINED", "WaitlistEntry", entry.id().toString(), null, auditView(entry), null);
        return entry;
    }

    /** The consultant sets clinical urgency and disease kinetics, with a reason (audited). */
    @Transactional
    public WaitlistEntry setClinicalPriority(Actor actor, UUID entryId, Urgency urgency, DiseaseKinetics kinetics,
            String reason) {
        WaitlistEntry entry = visibleEntry(actor, entryId);
        CaseAccess.requireCentre(actor, journey.get(actor, entry.caseId()).therapyCase(), Role.CONSULTANT);
        List<FieldProblem> problems = new ArrayList<>();
        if (urgency == null) {
            problems.add(new FieldProblem("urgency", "is required"));
        }
        if (kinetics == null) {
            problems.add(new FieldProblem("kinetics", "is required"));
        }
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        WaitlistEntry before = lockWaiting(entryId);
        store.setClinical(entryId, urgency, kinetics, why, actor.displayName(), today.now(), before.version());
        WaitlistEntry after = store.find(entryId).orElseThrow();
        audit.record(actor, "WAITLIST_PRIORITY_SET", "WaitlistEntry", entryId.toString(), auditView(before),
                auditView(after), why);
        return after;
    }

    /**
     * The allocation committee places a case at {@code rank} above the scored order (1 = first), or clears its
     * place with {@code rank} null; always with a reason (audited).
     */
    @Transactional
    public WaitlistEntry overrideOrder(Actor actor, UUID entryId, Integer rank, String reason) {
        WaitlistEntry entry = visibleEntry(actor, entryId);
        CaseAccess.requireCentre(actor, journey.get(actor, entry.caseId()).therapyCase(), Role.COORDINATOR,
                Role.CONSULTANT);
        List<FieldProblem> problems = new ArrayList<>();
        if (rank != null && (rank < 1 || rank > 1000)) {
            problems.add(new FieldProblem("rank", "must be from 1 to 1000, or empty to return to the scored order"));
        }
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        WaitlistEntry before = lockWaiting(entryId);
        store.setCommittee(entryId, rank, why, actor.displayName() + " (" + actor.organisationName() + ")", today.now(),
                before.version());
        WaitlistEntry after = store.find(entryId).orElseThrow();
        audit.record(actor, rank == null ? "WAITLIST_OVERRIDE_CLEARED" : "WAITLIST_ORDER_OVERRIDDEN", "WaitlistEntry",
                entryId.toString(), auditView(before), auditView(after), why);
        return after;
    }

    /** Takes a case off the waitlist, with a reason; a slot offered to it goes to the next case. */
    @Transactional
    public WaitlistEntry leave(Actor actor, UUID entryId, String reason) {
        WaitlistEntry entry = visibleEntry(actor, entryId);
        CaseAccess.requireCentre(actor, journey.get(actor, entry.caseId()).therapyCase(), Role.COORDINATOR);
        List<FieldProblem> problems = new ArrayList<>();
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        WaitlistEntry before = lockWaiting(entryId);
        store.close(entryId, WaitlistEntry.Status.LEFT, why, today.now());
        for (SlotOffer offer : store.openOffersOfCase(entry.caseId())) {
            closeOffer(actor, offer, SlotOffer.Status.WITHDRAWN, "the case left the waitlist");
            offerFreedSlot(offer.slotId());
        }
        journey.note(actor, entry.caseId(), "WAITLIST_LEFT", "Left the " + entry.productCode() + " waitlist");
        WaitlistEntry after = store.find(entryId).orElseThrow();
        audit.record(actor, "WAITLIST_LEFT", "WaitlistEntry", entryId.toString(), auditView(before), auditView(after), why);
        return after;
    }

    /** The coordinator declines a slot offered to the case; it goes to the next case. */
    @Transactional
    public SlotOffer declineOffer(Actor actor, UUID offerId, String reason) {
        SlotOffer offer = store.offer(offerId).orElseThrow(() -> new NotFoundException("slot offer", offerId));
        TherapyCase c = journey.get(actor, offer.caseId()).therapyCase();
        CaseAccess.requireCentre(actor, c, Role.COORDINATOR);
        List<FieldProblem> problems = new ArrayList<>();
        String why = reason(reason, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        SlotOffer locked = store.openOfferOfSlot(offer.slotId()).filter(o -> o.id().equals(offerId))
                .orElseThrow(() -> ProblemException.conflict("offer-not-open", "This offer is "
                        + store.offer(offerId).orElseThrow().status().name().toLowerCase(java.util.Locale.ROOT)));
        closeOffer(actor, locked, SlotOffer.Status.DECLINED, why);
        offerFreedSlot(offer.slotId());
        return store.offer(offerId).orElseThrow();
    }

    // --- reading ------------------------------------------------------------------------------------------

    /**
     * A product's waitlist in order, as the actor may see it: their own centre's cases in full, other centres'
     * cases by position, score and centre only. For treatment centre staff.
     */
    @Transactional(readOnly = true)
    public List<RankedEntry> ranked(Actor actor, ProductCode product) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.forbidden("The waitlists are for treatment centre staff");
        }
        DataScope scope = DataVisibility.clinicalScope(actor);
        return ranking.rank(product.name()).stream().map(r -> scope.includes(r.entry().centreId()) ? r
                : new RankedEntry(r.position(), null, r.centreName(), r.productCode(), r.daysWaiting(), r.score(),
                        r.committeeOverride(), null, r.expectedSlotDate(), r.expectedInfusionDate()))
                .toList();
    }

    /**
     * Where a case stands on its waitlist, for its parties: the treating centre and the referrer see position,
     * score breakdown and expected date. Manufacturers and couriers are never told (404 as for an unknown case).
     */
    @Transactional(readOnly = true)
    public Optional<RankedEntry> positionOfCase(Actor actor, CaseId caseId) {
        CaseView view = journey.get(actor, caseId);
        if (!view.identityVisible()) {
            throw new NotFoundException("waitlist entry of case", caseId);
        }
        return store.waitingOfCase(caseId)
                .flatMap(e -> ranking.rank(e.productCode()).stream().filter(r -> r.entry().id().equals(e.id())).findFirst());
    }

    /** Every waitlist entry of a case (its history), for its parties who see identity. */
    @Transactional(readOnly = true)
    public List<WaitlistEntry> entriesOfCase(Actor actor, CaseId caseId) {
        if (!journey.get(actor, caseId).identityVisible()) {
            return List.of();
        }
        return store.ofCase(caseId);
    }

    @Transactional(readOnly = true)
    public List<SlotOffer> openOffersOfCase(CaseId caseId) {
        return store.openOffersOfCase(caseId).stream().filter(o -> o.openAt(today.now())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<WaitlistEntry> entry(Actor actor, UUID entryId) {
        return Optional.of(visibleEntry(actor, entryId));
    }

    // --- hooks for bookings and capacity (called inside their transactions) ---------------------------------

    /** A case ended: it leaves the waitlist, and the slots offered to it go to the next cases. */
    void caseEnded(CaseEnded ended) {
        Optional<WaitlistEntry> waiting = store.waitingOfCase(ended.caseId());
        String why = "The case ended (" + ended.ending().label() + "): " + ended.reason();
        waiting.ifPresent(entry -> {
            WaitlistEntry before = lockWaiting(entry.id());
            store.close(entry.id(), WaitlistEntry.Status.LEFT, why, today.now());
            journey.note(ended.actor(), ended.caseId(), "WAITLIST_LEFT", "Left the " + entry.productCode()
                    + " waitlist: the case ended");
            audit.record(ended.actor(), "WAITLIST_LEFT", "WaitlistEntry", entry.id().toString(), auditView(before),
                    auditView(store.find(entry.id()).orElseThrow()), why);
        });
        for (SlotOffer offer : store.openOffersOfCase(ended.caseId())) {
            closeOffer(ended.actor(), offer, SlotOffer.Status.WITHDRAWN, "the case ended");
            offerFreedSlot(offer.slotId());
        }
    }

    /** A case booked a slot: its waitlist entry is done, an offer of that slot accepted, other offers withdrawn. */
    void caseBooked(Actor actor, CaseId caseId, UUID slotId) {
        store.waitingOfCase(caseId).ifPresent(e -> {
            store.close(e.id(), WaitlistEntry.Status.BOOKED, "booked a slot", today.now());
            audit.record(actor, "WAITLIST_BOOKED", "WaitlistEntry", e.id().toString(), auditView(e),
                    auditView(store.find(e.id()).orElseThrow()), "booked a slot");
        });
        for (SlotOffer offer : store.openOffersOfCase(caseId)) {
            if (offer.slotId().equals(slotId)) {
                closeOffer(actor, offer, SlotOffer.Status.ACCEPTED, "booked by " + actor.displayName());
            } else {
                closeOffer(actor, offer, SlotOffer.Status.WITHDRAWN, "the case booked another slot");
                offerFreedSlot(offer.slotId());
            }
        }
    }

    /** The offer holding a slot for a case now, if any. */
    Optional<SlotOffer> openOfferOfSlot(UUID slotId) {
        return store.openOfferOfSlot(slotId).filter(o -> o.openAt(today.now()));
    }

    /** A slot no longer exists (capacity lowered): an open offer of it is withdrawn. */
    void slotWithdrawn(Actor actor, UUID slotId) {
        store.openOfferOfSlot(slotId).ifPresent(o -> closeOffer(actor, o, SlotOffer.Status.WITHDRAWN,
                "the manufacturer withdrew the slot"));
    }

    /**
     * Offers a free slot to the first waiting case of its product that has not been offered it and whose cells
     * can still reach it from an apheresis tomorrow. Nothing happens if no case qualifies.
     */
    Optional<SlotOffer> offerFreedSlot(UUID slotId) {
        ManufacturingSlot slot = capacity.slot(slotId).orElseThrow();
        if (!slot.free() || slot.windowEnd().isBefore(today.date())) {
            return Optional.empty();
        }
        Optional<SlotOffer> open = store.openOfferOfSlot(slotId);
        if (open.isPresent()) {
            if (open.get().openAt(today.now())) {
                return Optional.empty();
            }
            closeOffer(Actor.system("waitlist"), open.get(), SlotOffer.Status.EXPIRED, "not taken up in time");
        }
        Set<UUID> alreadyOffered = new HashSet<>(store.casesOfferedSlot(slotId));
        LocalDate earliest = today.date().plusDays(1);
        for (RankedEntry r : ranking.rank(slot.productCode())) {
            WaitlistEntry entry = r.entry();
            if (alreadyOffered.contains(entry.caseId().value()) || r.offer() != null) {
                continue;
            }
            CasePlanning.Basis basis = ranking.basis(entry);
            LocalDate latest = basis == null ? null : finder.latestApheresis(basis, slot, earliest);
            if (latest == null) {
                continue;
            }
            return Optional.of(offer(slot, entry, latest));
        }
        return Optional.empty();
    }

    private SlotOffer offer(ManufacturingSlot slot, WaitlistEntry entry, LocalDate latestApheresis) {
        Actor system = Actor.system("waitlist");
        java.time.Instant now = today.now();
        java.time.Instant expires = now.plus(policy.offerHold());
        LocalDate holdEnds = expires.atZone(today.zone()).toLocalDate();
        CaseTask task = journey.openTask(system, entry.caseId(), CaseAccess.OFFER + slot.productCode() + " at "
                + slot.siteName() + " (" + window(slot) + "); collect by " + latestApheresis + ", held until " + holdEnds,
                Role.COORDINATOR, latestApheresis.isBefore(holdEnds) ? latestApheresis : holdEnds);
        SlotOffer offer = new SlotOffer(UUID.randomUUID(), slot.id(), entry.id(), entry.caseId(), now, expires,
                latestApheresis, SlotOffer.Status.OPEN, null, null);
        store.insertOffer(offer, task.id());
        journey.note(system, entry.caseId(), "SLOT_OFFERED", "A freed " + slot.productCode() + " slot ("
                + window(slot) + ") is offered to this case until " + holdEnds);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("slotId", slot.id().toString());
        view.put("caseId", entry.caseId().toString());
        view.put("expiresAt", expires.toString());
        view.put("latestApheresis", latestApheresis.toString());
        audit.record(system, "SLOT_OFFERED", "SlotOffer", offer.id().toString(), null, view, null);
        return offer;
    }

    /** Expires offers past their hold and offers their slots to the next cases; returns how many expired. */
    @Transactional
    public int expireOffers() {
        List<SlotOffer> expired = store.lockExpired(today.now(), 50);
        for (SlotOffer offer : expired) {
            closeOffer(Actor.system("waitlist"), offer, SlotOffer.Status.EXPIRED, "not taken up in time");
            offerFreedSlot(offer.slotId());
        }
        return expired.size();
    }

    /**
     * Closes an open offer (accepted, declined, withdrawn or expired) with its audit row, {@code SLOT_OFFER_<status>}
     * by {@code actor} (the waitlist's system actor for the expiry sweep); an offer closed already is left as it was.
     */
    private void closeOffer(Actor actor, SlotOffer offer, SlotOffer.Status status, String reason) {
        if (store.closeOffer(offer.id(), status, reason, today.now())) {
            // idempotent: a task a person (or the case's ending) closed already stays as it was
            store.taskOfOffer(offer.id()).ifPresent(taskId ->
                    journey.closeTask(Actor.system("waitlist"), offer.caseId(), taskId));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("slotId", offer.slotId().toString());
            after.put("caseId", offer.caseId().toString());
            after.put("status", status.name());
            audit.record(actor, "SLOT_OFFER_" + status.name(), "SlotOffer", offer.id().toString(),
                    Map.of("status", SlotOffer.Status.OPEN.name()), after, reason);
        }
    }

    private WaitlistEntry visibleEntry(Actor actor, UUID entryId) {
        WaitlistEntry entry = store.find(entryId).orElseThrow(() -> new NotFoundException("waitlist entry", entryId));
        CaseView view = journey.get(actor, entry.caseId());
        if (!view.identityVisible()) {
            throw new NotFoundException("waitlist entry", entryId);
        }
        return entry;
    }

    private WaitlistEntry lockWaiting(UUID entryId) {
        WaitlistEntry entry = store.lock(entryId).orElseThrow(() -> new NotFoundException("waitlist entry", entryId));
        if (!entry.waiting()) {
            throw ProblemException.conflict("waitlist-entry-closed", "Case " + entry.caseReference() + " is no longer "
                    + "waiting (" + entry.status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return entry;
    }

    private static String reason(String reason, List<FieldProblem> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required"));
            return null;
        }
        if (reason.trim().length() > 1000) {
            problems.add(new FieldProblem("reason", "must be at most 1000 characters"));
            return null;
        }
        return reason.trim();
    }

    private static String window(ManufacturingSlot slot) {
        return slot.windowStart().equals(slot.windowEnd()) ? slot.windowStart().toString()
                : slot.windowStart() + " to " + slot.windowEnd();
    }

    private static Map<String, Object> auditView(WaitlistEntry e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", e.caseId().toString());
        view.put("caseReference", e.caseReference());
        view.put("productCode", e.productCode());
        view.put("urgency", e.urgency().name());
        view.put("kinetics", e.kinetics().name());
        view.put("committeeRank", e.committeeRank());
        view.put("status", e.status().name());
        view.put("version", e.version());
        return view;
    }
}
