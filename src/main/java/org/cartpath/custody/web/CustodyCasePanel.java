package org.cartpath.custody.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartpath.custody.chain.ItemKind;
import org.cartpath.custody.chain.ItemStatus;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.HardStopQuery;
import org.cartpath.custody.overview.CaseCustody;
import org.cartpath.custody.overview.CustodyOverview;
import org.cartpath.custody.scan.HardStopOverrides;
import org.cartpath.custody.verification.Verification;
import org.cartpath.custody.verification.Verifications;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * The custody part of the case page: the COI, each item with who holds it and where, the chain of custody as a
 * timeline, shipments with their temperature status, and what the actor may do next. A hard stop shows first.
 */
@Component
class CustodyCasePanel implements CasePageContributor {

    private final CustodyOverview overview;
    private final Verifications verifications;
    private final HardStopQuery hardStops;
    private final HardStopOverrides overrides;

    CustodyCasePanel(CustodyOverview overview, Verifications verifications, HardStopQuery hardStops,
            HardStopOverrides overrides) {
        this.overview = overview;
        this.verifications = verifications;
        this.hardStops = hardStops;
        this.overrides = overrides;
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        CaseCustody custody = overview.of(actor, view.therapyCase().id());
        boolean centre = CaseAccess.isCentre(actor, view);
        Map<String, Object> model = new HashMap<>();
        model.put("custody", custody);
        model.put("centre", centre);
        model.put("caseId", view.therapyCase().id().toString());
        model.put("mayCollect", centre && actor.hasAnyRole(Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB)
                && (view.therapyCase().stage() == Stage.SLOT_BOOKED || view.therapyCase().stage() == Stage.COLLECTED));
        model.put("mayPrint", centre && actor.hasAnyRole(Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB, Role.WARD_NURSE));
        model.put("mayShip", centre && actor.hasAnyRole(Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB));
        model.put("bags", custody.items().stream().filter(s -> s.item().kind() == ItemKind.COLLECTION_BAG).toList());
        model.put("checkable", centre ? checkable(actor, custody) : List.of());
        List<Verification> open = centre ? verifications.ofCase(actor, view.therapyCase().id()).stream()
                .filter(v -> v.status() == Verification.Status.OPEN).toList() : List.of();
        model.put("openChecks", open);
        // who may open each check as its second person from their own session
        model.put("mayWitness", open.stream().filter(v -> Verifications.mayWitness(actor, v)).map(Verification::id)
                .collect(Collectors.toSet()));
        model.put("mayTakePart", open.stream().filter(v -> v.step().roles().stream().anyMatch(actor::hasRole))
                .map(Verification::id).collect(Collectors.toSet()));
        model.put("openStops", centre ? hardStops.openStops(view.therapyCase().id()) : List.of());
        model.put("overrides", centre ? overrides.ofCase(view.therapyCase().id()) : List.of());
        return List.of(new CasePanel("Chain of custody", "custody/case-panel", "custodyPanel", model, 40));
    }

    /** The items held by the centre that a check the actor may make is still due on. */
    private static List<Map<String, String>> checkable(Actor actor, CaseCustody custody) {
        return custody.items().stream()
                .filter(s -> s.custody().status() == ItemStatus.HELD && s.custody().custodian() != null
                        && s.custody().custodian().id().equals(actor.organisationId()))
                .flatMap(s -> Arrays.stream(VerificationStep.values())
                        .filter(step -> step.itemKind() == s.item().kind() && !s.custody().verified().contains(step)
                                && step.roles().stream().anyMatch(actor::hasRole))
                        .map(step -> Map.of("itemId", s.item().id().toString(), "item", s.item().label(),
                                "step", step.name(), "label", step.label())))
                .toList();
    }
}
