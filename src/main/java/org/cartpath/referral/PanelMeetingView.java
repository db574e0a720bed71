package org.cartpath.referral;

import java.util.List;

/**
 * A meeting as the actor may see it: panel members see the whole agenda, a treatment centre only the cases
 * it submitted. {@code chair} and {@code member} say what the actor may do.
 */
public record PanelMeetingView(
        PanelMeeting meeting,
        List<PanelMember> members,
        List<PanelAttendee> attendance,
        List<PanelAgendaItem> agenda,
        boolean chair,
        boolean member) {
}
