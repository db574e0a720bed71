package org.cartpath.treatment.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cartpath.journey.CaseAction;
import org.cartpath.journey.CasePageContributor;
import org.cartpath.journey.CasePanel;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NavigationContributor;
import org.cartpath.shared.NavigationItem;
import org.cartpath.shared.Role;
import org.cartpath.treatment.Lymphodepletion;
import org.cartpath.treatment.LymphodepletionStatus;
import org.cartpath.treatment.PathsToInfusion;
import org.cartpath.treatment.internal.TreatmentAccess;
import org.springframework.stereotype.Component;

/**
 * The case page's "Path to infusion" (ADR 0017) for the treating centre's staff, and the actions of the
 * moment: the pharmacist plans and verifies lymphodepletion, the nurse records the doses, ticks the checklist and
 * records the infusion, the consultant overrides. The "Pharmacy" page in the header for pharmacists.
 */
@Component
class TreatmentCasePanel implements CasePageContributor, NavigationContributor {

    private static final Set<Stage> SHOWN = EnumSet.of(Stage.COLLECTED, Stage.IN_MANUFACTURING, Stage.RELEASED,
            Stage.RECEIVED, Stage.LYMPHODEPLETION, Stage.INFUSED, Stage.MONITORING, Stage.FOLLOW_UP, Stage.COMPLETED,
            Stage.WITHDRAWN, Stage.DECEASED);
    private static final Set<Stage> BEFORE_INFUSION = EnumSet.of(Stage.RECEIVED, Stage.LYMPHODEPLETION);

    private final PathsToInfusion paths;
    private final Lymphodepletion lymphodepletion;

    TreatmentCasePanel(PathsToInfusion paths, Lymphodepletion lymphodepletion) {
        this.paths = paths;
        this.lymphodepletion = lymphodepletion;
    }

    @Override
    public List<NavigationItem> navigation() {
        return List.of(new NavigationItem("Pharmacy", "/pharmacy", 45, Set.of(Role.PHARMACIST)));
    }

    @Override
    public List<CaseAction> actions(Actor actor, CaseView view) {
        Stage stage = view.therapyCase().stage();
        if (!TreatmentAccess.isCentre(actor, view)) {
            return List.of();
        }
        String base = "/cases/" + view.therapyCase().id();
        List<CaseAction> actions = new ArrayList<>();
        Optional<LymphodepletionStatus> ld = Optional.empty();
        if (TreatmentAccess.READERS.stream().anyMatch(actor::hasRole) && (stage == Stage.RELEASED
                || BEFORE_INFUSION.contains(stage))) {
            ld = lymphodepletion.status(actor, view.therapyCase().id());
        }
        boolean verified = ld.map(s -> s.plan().verified()).orElse(false);
        if (actor.hasRole(Role.PHARMACIST) && (stage == Stage.RELEASED || BEFORE_INFUSION.contains(stage))) {
            actions.add(new CaseAction(verified ? "Lymphodepletion" : "Plan lymphodepletion", base + "/lymphodepletion",
                    !verified));
        } else if (actor.hasRole(Role.WARD_NURSE) && BEFORE_INFUSION.contains(stage) && verified) {
            actions.add(new CaseAction("Record lymphodepletion doses", base + "/lymphodepletion",
                    !ld.get().complete()));
        }
        if (actor.hasAnyRole(Role.WARD_NURSE, Role.CONSULTANT) && BEFORE_INFUSION.contains(stage)) {
            actions.add(new CaseAction("Pre-infusion checklist", base + "/pre-infusion-checklist", false));
        }
        if (actor.hasAnyRole(Role.WARD_NURSE, Role.CONSULTANT) && stage == Stage.LYMPHODEPLETION) {
            actions.add(new CaseAction("Record the infusion", base + "/infusion", ld.map(LymphodepletionStatus::complete)
                    .orElse(false)));
        }
        return actions;
    }

    @Override
    public List<CasePanel> panels(Actor actor, CaseView view) {
        if (!TreatmentAccess.isCentre(actor, view) || TreatmentAccess.READERS.stream().noneMatch(actor::hasRole)
                || !SHOWN.contains(view.therapyCase().stage())) {
            return List.of();
        }
        return List.of(new CasePanel("Path to infusion", "treatment/path-panel", "pathPanel",
                Map.of("path", paths.of(actor, view.therapyCase().id())), 45));
    }
}
