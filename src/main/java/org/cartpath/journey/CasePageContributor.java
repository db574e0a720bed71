package org.cartpath.journey;

import java.util.List;
import org.cartpath.shared.Actor;

/**
 * Implemented by stage modules to put their part of a case on the case page: the actions the actor may
 * take now and the panels showing the module's data (referral, eligibility, plan, custody…). The journey
 * module knows none of them; it only shows what they contribute.
 */
public interface CasePageContributor {

    default List<CaseAction> actions(Actor actor, CaseView view) {
        return List.of();
    }

    default List<CasePanel> panels(Actor actor, CaseView view) {
        return List.of();
    }
}
