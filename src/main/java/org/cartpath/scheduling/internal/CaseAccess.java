package org.cartpath.scheduling.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.TherapyCase;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** Who at a case's treating centre may do what, and the scheduling tasks on the case's worklist. */
@Component("schedulingCaseAccess")
public class CaseAccess {

    /** Titles of the tasks scheduling opens, so that it can close its own. */
    public static final String COLLECT = "Collect the cells: apheresis on ";
    public static final String REBOOK = "Rebook a manufacturing slot or add the case to the waitlist";
    public static final String RESOLVE = "Resolve the plan conflict: ";
    public static final String OFFER = "Slot offered: ";

    private final CaseJourney journey;

    CaseAccess(CaseJourney journey) {
        this.journey = journey;
    }

    /** 403 unless the actor works at the case's treating centre in one of the roles. */
    public static void requireCentre(Actor actor, TherapyCase therapyCase, Role... roles) {
        if (!isCentre(actor, therapyCase, roles)) {
            throw ProblemException.forbidden("Only the treating centre's " + Arrays.stream(roles)
                    .map(r -> r.label().toLowerCase(java.util.Locale.ROOT) + "s").collect(Collectors.joining(" and "))
                    + " do this");
        }
    }

    public static boolean isCentre(Actor actor, TherapyCase therapyCase, Role... roles) {
        return therapyCase.treatedBy(actor) && actor.hasAnyRole(roles);
    }

    /** Closes the case's open tasks whose title starts with any of the prefixes: their work is done. */
    public void closeTasks(Actor actor, CaseId caseId, String... prefixes) {
        closeTasks(actor, caseId, CaseTask.Closure.DONE, prefixes);
    }

    /** Closes the case's open tasks whose title starts with any of the prefixes, as done, replaced or cancelled. */
    public void closeTasks(Actor actor, CaseId caseId, CaseTask.Closure closure, String... prefixes) {
        for (CaseTask task : journey.tasks(actor, caseId)) {
            if (task.isOpen() && Arrays.stream(prefixes).anyMatch(p -> task.title().startsWith(p))) {
                journey.closeTask(actor, caseId, task.id(), closure);
            }
        }
    }
}
