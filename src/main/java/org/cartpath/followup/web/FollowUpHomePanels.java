package org.cartpath.followup.web;

import java.util.List;
import java.util.Map;
import org.cartpath.followup.FollowUpWorklist;
import org.cartpath.followup.TimepointStatus;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * The data manager's home panel: the referring hospitals' visits to review (shared care), and the registry forms
 * overdue, in their window or due soon at the centre.
 */
@Component
class FollowUpHomePanels implements HomePanelContributor {

    private final FollowUpWorklist worklist;

    FollowUpHomePanels(FollowUpWorklist worklist) {
        this.worklist = worklist;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE || !actor.hasRole(Role.DATA_MANAGER)) {
            return List.of();
        }
        List<FollowUpWorklist.Item> items = worklist.items(actor,
                new FollowUpWorklist.Filter(null, null, Role.DATA_MANAGER));
        long overdue = items.stream().filter(i -> i.status() == TimepointStatus.OVERDUE).count();
        long toReview = items.stream().filter(i -> i.kind() == FollowUpWorklist.Kind.SUBMISSION).count();
        return List.of(new HomePanel(Role.DATA_MANAGER, "Follow-up", "followup/home", "registry",
                Map.of("count", items.size() - toReview, "overdue", overdue, "toReview", toReview,
                        "items", items.stream().limit(8).toList())));
    }
}
