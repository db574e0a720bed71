package org.cartpath.referral;

import java.util.List;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.UserManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Who may do what at the panel. A panel's members are the enabled users of its organisation (of kind
 * NATIONAL_PANEL) with the panel member role; the chair is the member designated for a meeting. Treatment
 * centres' coordinators and consultants see the meetings (to submit cases) and their own cases on the
 * agenda. Anyone else: the meeting does not exist (404).
 */
@Component
class PanelAccess {

    private final UserManagement users;

    PanelAccess(UserManagement users) {
        this.users = users;
    }

    static boolean isMemberOf(Actor actor, OrganisationId panel) {
        return actor.isPerson() && actor.hasRole(Role.PANEL_MEMBER) && panel.equals(actor.organisationId())
                && actor.organisationKind() == OrganisationKind.NATIONAL_PANEL;
    }

    static boolean isPanelMember(Actor actor) {
        return actor.organisationId() != null && isMemberOf(actor, actor.organisationId());
    }

    static boolean isCentreStaff(Actor actor) {
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                && actor.hasAnyRole(Role.COORDINATOR, Role.CONSULTANT);
    }

    static boolean isChair(Actor actor, PanelMeeting meeting) {
        return isMemberOf(actor, meeting.panelOrganisationId()) && meeting.chairId().toString().equals(actor.id());
    }

    /** The meeting, if the actor may see it; 404 otherwise. */
    static PanelMeeting visible(Actor actor, PanelMeeting meeting) {
        if (isMemberOf(actor, meeting.panelOrganisationId()) || isCentreStaff(actor)) {
            return meeting;
        }
        throw new NotFoundException("panel meeting", meeting.id());
    }

    /** Whether the actor sees this item of a visible meeting's agenda: the panel all, a centre its own. */
    static boolean seesItem(Actor actor, PanelMeeting meeting, PanelAgendaItem item) {
        return isMemberOf(actor, meeting.panelOrganisationId())
                || item.submittingOrganisationId().equals(actor.organisationId());
    }

    static void requireChair(Actor actor, PanelMeeting meeting, String what) {
        if (!isChair(actor, meeting)) {
            throw new ProblemException("not-the-chair", 403, "Not allowed",
                    "Only the chair of this meeting (" + meeting.chairName() + ") " + what);
        }
    }

    static void requireMember(Actor actor, PanelMeeting meeting) {
        if (!isMemberOf(actor, meeting.panelOrganisationId())) {
            throw new ProblemException("not-a-panel-member", 403, "Not allowed",
                    "Only members of " + meeting.panelName() + " vote on its cases");
        }
    }

    /** The panel's members, by name. Read as cartpath itself: panel members are not administrators of users. */
    List<PanelMember> members(OrganisationId panel) {
        return users.list(Actor.system("national panel membership"), panel).stream()
                .filter(UserAccount::enabled)
                .filter(u -> u.roles().contains(Role.PANEL_MEMBER))
                .map(u -> new PanelMember(u.id(), u.displayName()))
                .toList();
    }

    PanelMember member(OrganisationId panel, UserId id, String field) {
        return members(panel).stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "is not a member of this panel"));
    }
}
