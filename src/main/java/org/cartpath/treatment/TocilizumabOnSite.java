package org.cartpath.treatment;

import org.cartpath.journey.CaseView;
import org.cartpath.shared.Actor;

/**
 * What the pre-infusion checklist asks of the module that counts the tocilizumab held on site for a case
 * (monitoring, which comes after treatment in the journey and so implements this rather than being called).
 */
public interface TocilizumabOnSite {

    /**
     * Whether the actor may see the count. Callers inside a transaction ask this first instead of catching the
     * refusal of {@link #count}, which would leave their transaction rollback-only.
     */
    boolean maySee(Actor actor, CaseView view);

    Count count(Actor actor, CaseView view);

    /** The count against what the case's label version asks before infusion. */
    record Count(Status status, String summary, String countedByName) {
    }

    enum Status { NOT_COUNTED, ENOUGH, SHORT, NO_REQUIREMENT_IN_CATALOGUE }
}
