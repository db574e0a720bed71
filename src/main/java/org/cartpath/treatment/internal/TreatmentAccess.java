package org.cartpath.treatment.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what in treatment. Only the treating centre sees a case's lymphodepletion, checklist and
 * infusion: every other organisation, the referring hospital and the manufacturer included, gets 404, as for a
 * case that does not exist. Within the centre, clinical staff read; the step names the roles that act (403).
 */
@Component("treatmentCaseAccess")
public class TreatmentAccess {

    /** Centre staff who read treatment records. */
    public static final Set<Role> READERS = EnumSet.of(Role.COORDINATOR, Role.CONSULTANT, Role.APHERESIS_NURSE,
            Role.CELL_THERAPY_LAB, Role.PHARMACIST, Role.WARD_NURSE, Role.QA);

    private final CaseJourney journey;
    private final JdbcClient jdbc;

    TreatmentAccess(CaseJourney journey, JdbcClient jdbc) {
        this.journey = journey;
        this.jdbc = jdbc;
    }

    public CaseView read(Actor actor, CaseId caseId) {
        return journey.get(actor, caseId).requireCentreStaff(actor, READERS, "see treatment records");
    }

    /** The case, for the treating centre's own staff holding one of {@code roles} (403 otherwise, 404 outside it). */
    public CaseView act(Actor actor, CaseId caseId, Role... roles) {
        return journey.get(actor, caseId).requireCentreStaff(actor, Arrays.asList(roles), "do this");
    }

    public static boolean isCentre(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor);
    }

    public static boolean may(Actor actor, CaseView view, Role... roles) {
        return isCentre(actor, view) && actor.hasAnyRole(roles);
    }

    /** 409 {@code not-treatment-stage} naming the current stage, unless the case is at one of {@code stages}. */
    public static void requireStage(CaseView view, Set<Stage> stages, String what) {
        Stage stage = view.therapyCase().stage();
        if (!stages.contains(stage)) {
            throw new ProblemException("not-treatment-stage", 409, "Conflict with the current state", "Case "
                    + view.therapyCase().reference() + " is at stage '" + stage.label() + "'; " + what,
                    java.util.List.of(), Map.of("currentStage", stage.name()));
        }
    }

    /** Serialises treatment writes on one case across threads and instances until the transaction ends. */
    public void lock(CaseId caseId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 7))").param("treatment:" + caseId)
                .query(Integer.class).single();
    }

    /** Serialises new versions of one centre's pharmacy settings or checklists. */
    public void lockCentre(String what, Object centreId) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 7))").param(what + ":" + centreId)
                .query(Integer.class).single();
    }
}
