package org.cartpath.followup;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who sees and changes a case's follow-up plan (ADR 0019). The treating centre sees it and changes its track; the
 * referring hospital, which shares the patient's care after discharge, sees its own patients' plans. Any other
 * organisation, even a party (the manufacturer, the courier), gets 404 as if there were no case; within those two,
 * the role decides (403).
 */
@Component
public class FollowUpAccess {

    /** Who sees follow-up plans: the centre's clinical staff and data managers, and the referring clinician. */
    public static final Set<Role> READERS = EnumSet.of(Role.DATA_MANAGER, Role.CONSULTANT, Role.COORDINATOR,
            Role.WARD_NURSE, Role.REFERRER);
    /** Who changes a case's registry track and completes its registry time points, at the treating centre. */
    public static final Set<Role> REGISTRY_KEEPERS = EnumSet.of(Role.DATA_MANAGER, Role.CONSULTANT, Role.COORDINATOR);

    /**
     * Who records clinic visit outcomes and the patient's outcome events (relapse, vital status, death, second
     * malignancy), at the treating centre: the staff who keep the follow-up (docs/clinical/follow-up.md).
     */
    public static final Set<Role> FOLLOW_UP_KEEPERS = REGISTRY_KEEPERS;

    /** Who records a disease response assessment, at the treating centre (docs/clinical/response-assessment.md). */
    public static final Set<Role> RESPONSE_RECORDERS = EnumSet.of(Role.CONSULTANT);

    private final CaseJourney journey;

    FollowUpAccess(CaseJourney journey) {
        this.journey = journey;
    }

    /** The case if the actor may see its plan: 404 outside the treating centre and the referring hospital, else 403. */
    public CaseView read(Actor actor, CaseId id) {
        CaseView view = journey.get(actor, id);
        if (!isCentreOrReferrer(actor, view)) {
            throw new NotFoundException("case", id);
        }
        requireRole(actor, READERS, "see the follow-up plan");
        return view;
    }

    /** The case if the actor is treating-centre staff who keep its registry follow-up; 404 or 403 otherwise. */
    public CaseView keepRegistry(Actor actor, CaseId id, String what) {
        return journey.get(actor, id).requireCentreStaff(actor, REGISTRY_KEEPERS, what);
    }

    /** The case if the actor is treating-centre staff who keep its follow-up (visits, outcome events); 404 or 403. */
    public CaseView keepFollowUp(Actor actor, CaseId id, String what) {
        CaseView view = journey.get(actor, id);
        if (!view.isTreatingCentre(actor)) {
            throw new NotFoundException("case", id);
        }
        requireRole(actor, FOLLOW_UP_KEEPERS, what);
        return view;
    }

    public boolean mayKeepFollowUp(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor) && FOLLOW_UP_KEEPERS.stream().anyMatch(actor::hasRole);
    }

    /** Whether the actor's role keeps follow-up at a treatment centre (the worklist's links; each write checks again). */
    public static boolean keepsFollowUp(Actor actor) {
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                && FOLLOW_UP_KEEPERS.stream().anyMatch(actor::hasRole);
    }

    /** The case if the actor is a consultant of its treating centre; 404 for another organisation, else 403. */
    public CaseView recordResponse(Actor actor, CaseId id) {
        return journey.get(actor, id).requireCentreStaff(actor, RESPONSE_RECORDERS, "record a response assessment");
    }

    public boolean mayRecordResponse(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor, RESPONSE_RECORDERS);
    }

    public boolean maySee(Actor actor, CaseView view) {
        return isCentreOrReferrer(actor, view) && READERS.stream().anyMatch(actor::hasRole);
    }

    public boolean mayKeepRegistry(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor, REGISTRY_KEEPERS);
    }

    /** Whether the actor may use the follow-up worklist (its answer is scoped to the actor's organisation). */
    public static boolean mayUseWorklist(Actor actor) {
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                || actor.organisationKind() == OrganisationKind.REFERRING_HOSPITAL;
    }

    /** 403 unless the actor is staff of a treatment centre or a referring hospital in one of the reader roles. */
    public static void requireWorklist(Actor actor) {
        if (!mayUseWorklist(actor)) {
            throw ProblemException.forbidden("The follow-up worklist is for treatment centres and referring hospitals");
        }
        requireRole(actor, READERS, "see the follow-up worklist");
    }

    private static boolean isCentreOrReferrer(Actor actor, CaseView view) {
        return view.identityVisible() && actor.organisationId() != null
                && (actor.organisationId().equals(view.therapyCase().treatingCentre())
                        || actor.organisationId().equals(view.therapyCase().referringOrganisation()));
    }

    private static void requireRole(Actor actor, Set<Role> roles, String what) {
        if (roles.stream().noneMatch(actor::hasRole)) {
            throw ProblemException.forbidden("Only " + roles.stream().map(Role::label).collect(Collectors.joining(", "))
                    + " may " + what);
        }
    }
}
