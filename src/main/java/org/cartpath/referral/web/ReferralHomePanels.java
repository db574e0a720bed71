package org.cartpath.referral.web;

import java.util.List;
import java.util.Map;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.referral.Referrals;
import org.cartpath.referral.ReferralStatus;
import org.cartpath.referral.ReferralSummary;
import org.cartpath.shared.Actor;
import org.cartpath.shared.HomePanel;
import org.cartpath.shared.HomePanelContributor;
import org.cartpath.shared.Page;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/** The referrer's home panel: questions from centres waiting for an answer, then the latest referrals and their stage. */
@Component
class ReferralHomePanels implements HomePanelContributor {

    private static final int RECENT = 5;

    private final Referrals referrals;
    private final PatientManagement patients;

    ReferralHomePanels(Referrals referrals, PatientManagement patients) {
        this.referrals = referrals;
        this.patients = patients;
    }

    @Override
    public List<HomePanel> homePanels(Actor actor) {
        if (!actor.hasRole(Role.REFERRER) || actor.organisationKind() == null
                || !actor.organisationKind().seesPatientIdentity()) {
            return List.of();
        }
        List<ReferralPageController.Line> waiting = lines(actor, referrals.list(actor,
                ReferralStatus.MORE_INFORMATION_REQUESTED, new Page.Request(0, 20)).items().stream()
                .filter(s -> s.referral().referringOrganisation().equals(actor.organisationId())).toList());
        Page<ReferralSummary> recent = referrals.list(actor, null, new Page.Request(0, RECENT));
        return List.of(new HomePanel(Role.REFERRER, "Your referrals", "referral/referral-fragments", "homePanel",
                Map.of("waiting", waiting, "recent", lines(actor, recent.items()), "total", recent.total())));
    }

    private List<ReferralPageController.Line> lines(Actor actor, List<ReferralSummary> summaries) {
        return summaries.stream().map(s -> new ReferralPageController.Line(s,
                patients.get(actor, new PatientId(s.referral().patientId()), "home page").summary())).toList();
    }
}
