package org.cartpath.referral;

import java.util.List;

/**
 * What a panel member sees of a case on the agenda (ADR 0014): the pseudonymised patient, the case's
 * product and centres, the latest stored eligibility assessment (criteria, data used, sources and the
 * clinical snapshot values), the members present, the votes and the decision. No name, date of birth,
 * address or full NHS number.
 */
public record PanelCaseReview(
        PanelMeeting meeting,
        PanelAgendaItem item,
        String productCode,
        String indication,
        String jurisdiction,
        String labelVersionId,
        String referringOrganisationName,
        String treatingCentreName,
        EligibilityAssessment assessment,
        List<PanelAttendee> attendance,
        List<PanelVote> votes,
        PanelDecision decision) {
}
