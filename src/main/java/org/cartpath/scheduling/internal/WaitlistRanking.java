package org.cartpath.scheduling.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseJourney;
import org.cartpath.scheduling.BookingPlan;
import org.cartpath.scheduling.ManufacturingSlot;
import org.cartpath.scheduling.PlanStep;
import org.cartpath.scheduling.PlannedStep;
import org.cartpath.scheduling.PriorityScore;
import org.cartpath.scheduling.RankedEntry;
import org.cartpath.scheduling.SlotOffer;
import org.cartpath.scheduling.WaitlistEntry;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * The order of a product's waitlist: the allocation committee's places first, then score (highest first), then
 * who joined first; with each case's expected slot — the first free slot its cells could reach if the free slots
 * went down the list in order.
 */
@Component
public class WaitlistRanking {

    /** How far ahead expected dates look for published slots. */
    static final int EXPECTATION_HORIZON_DAYS = 182;

    private final WaitlistStore store;
    private final CapacityStore capacity;
    private final CaseJourney journey;
    private final CasePlanning planning;
    private final SlotFinder finder;
    private final PriorityPolicy policy;
    private final OrganisationManagement organisations;
    private final Today today;

    WaitlistRanking(WaitlistStore store, CapacityStore capacity, CaseJourney journey, CasePlanning planning,
            SlotFinder finder, PriorityPolicy policy, OrganisationManagement organisations, Today today) {
        this.store = store;
        this.capacity = capacity;
        this.journey = journey;
        this.planning = planning;
        this.finder = finder;
        this.policy = policy;
        this.organisations = organisations;
        this.today = today;
    }

    /** The waiting entries of a product in order, with scores and expected dates; ended cases are left out. */
    public List<RankedEntry> rank(String product) {
        LocalDate day = today.date();
        Map<OrganisationId, String> names = organisations.directory().stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
        record Scored(WaitlistEntry entry, long days, PriorityScore score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (WaitlistEntry e : store.waiting(product)) {
            if (caseEnded(e)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(e.joinedAt().atZone(today.zone()).toLocalDate(), day);
            scored.add(new Scored(e, days, policy.score(days, e.urgency(), e.kinetics())));
        }
        scored.sort(Comparator.<Scored, Integer>comparing(s -> s.entry().committeeRank() == null ? 1 : 0)
                .thenComparing(s -> s.entry().committeeRank() == null ? 0 : s.entry().committeeRank())
                .thenComparing(s -> s.entry().committeeRank() == null ? java.time.Instant.EPOCH : s.entry().committeeSetAt())
                .thenComparing(s -> -s.score().total())
                .thenComparing(s -> s.entry().joinedAt())
                .thenComparing(s -> s.entry().caseReference()));
        List<ManufacturingSlot> free = new ArrayList<>(finder.upcomingFree(product, day.plusDays(1), EXPECTATION_HORIZON_DAYS));
        List<RankedEntry> ranked = new ArrayList<>();
        int position = 0;
        for (Scored s : scored) {
            SlotOffer offer = store.openOffersOfCase(s.entry().caseId()).stream()
                    .filter(o -> o.openAt(today.now())).findFirst().orElse(null);
            Expectation expected = offer != null ? expectation(s.entry(), capacity.slot(offer.slotId()).orElse(null))
                    : takeExpected(s.entry(), free);
            ranked.add(new RankedEntry(++position, s.entry(), names.getOrDefault(s.entry().centreId(), "Unknown centre"),
                    product, s.days(), s.score(), s.entry().committeeRank() != null, offer,
                    expected == null ? null : expected.slotDay(), expected == null ? null : expected.infusion()));
        }
        return ranked;
    }

    /**
     * Whether the case of an entry has ended (withdrawn, deceased, declined) since it joined: the journey announces
     * no endings, so the waitlist asks, as cartpath acting for the treating centre, and leaves such cases out.
     */
    private boolean caseEnded(WaitlistEntry e) {
        Actor forCentre = new Actor("system:waitlist", Actor.ActorType.INTERNAL, "system", "cartpath (waitlist)",
                e.centreId(), null, OrganisationKind.TREATMENT_CENTRE, false, java.util.Set.of());
        return journey.get(forCentre, e.caseId()).therapyCase().stage().isEnding();
    }

    private record Expectation(LocalDate slotDay, LocalDate infusion) {
    }

    /** The first free slot this case's cells could reach from an apheresis tomorrow; it is then taken off the list. */
    private Expectation takeExpected(WaitlistEntry entry, List<ManufacturingSlot> free) {
        CasePlanning.Basis basis = basis(entry);
        if (basis == null) {
            return null;
        }
        for (int i = 0; i < free.size(); i++) {
            Expectation expected = expectation(basis, free.get(i));
            if (expected != null) {
                free.remove(i);
                return expected;
            }
        }
        return null;
    }

    private Expectation expectation(WaitlistEntry entry, ManufacturingSlot slot) {
        CasePlanning.Basis basis = basis(entry);
        return basis == null || slot == null ? null : expectation(basis, slot);
    }

    private Expectation expectation(CasePlanning.Basis basis, ManufacturingSlot slot) {
        LocalDate apheresis = today.date().plusDays(1);
        BookingPlan plan = finder.plan(basis, apheresis, slot);
        if (!plan.fits()) {
            return null;
        }
        return new Expectation(slot.windowStart(), plan.step(PlanStep.INFUSION).map(PlannedStep::plannedOn).orElse(null));
    }

    /** What an entry's case is planned with, or null if it cannot be planned. */
    public CasePlanning.Basis basis(WaitlistEntry e) {
        try {
            return planning.basis(e.caseReference(), e.productCode(), e.indication(), e.jurisdiction(), e.labelVersionId());
        } catch (ProblemException unplannable) {
            return null;
        }
    }
}
