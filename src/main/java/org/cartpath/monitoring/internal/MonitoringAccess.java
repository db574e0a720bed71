package org.cartpath.monitoring.internal;

import java.util.EnumSet;
import java.util.Set;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a case's monitoring. Only the treating centre: any other organisation, even one that
 * is a party to the case (the referring hospital, the manufacturer, the courier), gets 404 as if there were
 * no case. Within the centre, the role decides (403): ward nurses and consultants record assessments,
 * consultants override tocilizumab rules, consultants and coordinators acknowledge alerts.
 */
@Component
public class MonitoringAccess {

    /** Centre staff who see monitoring. */
    public static final Set<Role> READERS = EnumSet.of(Role.WARD_NURSE, Role.CONSULTANT, Role.COORDINATOR,
            Role.PHARMACIST);
    public static final Set<Role> ASSESSORS = EnumSet.of(Role.WARD_NURSE, Role.CONSULTANT);
    public static final Set<Role> ALERT_RECIPIENTS = EnumSet.of(Role.CONSULTANT, Role.COORDINATOR);
    public static final Set<Role> STARTERS = EnumSet.of(Role.WARD_NURSE, Role.CONSULTANT, Role.COORDINATOR);
    public static final Set<Role> STOCK_KEEPERS = EnumSet.of(Role.PHARMACIST, Role.CONSULTANT, Role.COORDINATOR);

    /** The stages at which assessments are taken: from infusion to the end of follow-up. */
    public static final Set<Stage> ASSESSED_STAGES = EnumSet.of(Stage.INFUSED, Stage.MONITORING, Stage.FOLLOW_UP);

    private final CaseJourney journey;

    MonitoringAccess(CaseJourney journey) {
        this.journey = journey;
    }

    /** The case, if the actor is centre staff who see monitoring; 404 for other organisations, 403 for other roles. */
    public CaseView read(Actor actor, CaseId id) {
        return require(actor, id, READERS, "see toxicity monitoring");
    }

    public CaseView require(Actor actor, CaseId id, Set<Role> roles, String what) {
        return journey.get(actor, id).requireCentreStaff(actor, roles, what);
    }

    public boolean may(Actor actor, CaseView view, Set<Role> roles) {
        return view.isTreatingCentre(actor, roles);
    }

    public static boolean isCentre(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor);
    }

    /** 409 {@code not-monitoring-stage} unless the case is between infusion and the end of follow-up. */
    public static void requireAssessedStage(CaseView view) {
        Stage stage = view.therapyCase().stage();
        if (!ASSESSED_STAGES.contains(stage)) {
            throw new ProblemException("not-monitoring-stage", 409, "Conflict with the current state",
                    "Case " + view.therapyCase().reference() + " is at stage '" + stage.label()
                            + "'; toxicity is recorded from infusion to the end of follow-up",
                    java.util.List.of(), java.util.Map.of("currentStage", stage.name()));
        }
    }
}
