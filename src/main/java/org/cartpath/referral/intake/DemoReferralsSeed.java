package org.cartpath.referral.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.UserManagement;
import org.cartpath.journey.CaseJourney;
import org.cartpath.patient.Address;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.Sex;
import org.cartpath.shared.DemoDataReady;
import org.cartpath.referral.EligibilityAssessments;
import org.cartpath.referral.EligibilityDecision;
import org.cartpath.referral.NationalPanel;
import org.cartpath.referral.NewReferral;
import org.cartpath.referral.PanelDecisionRequest;
import org.cartpath.referral.PanelMeeting;
import org.cartpath.referral.PanelOutcome;
import org.cartpath.referral.ReferralTriage;
import org.cartpath.referral.Referrals;
import org.cartpath.referral.ReferralView;
import org.cartpath.referral.TriageDecision;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo referrals, so that a demo installation shows work at once: three invented children referred to Great
 * Ormond Street — one waiting for triage, one accepted and waiting for the consultant's eligibility assessment,
 * and one approved by the national panel, ready to book. They go through the same services, rules, signatures
 * and audit as real referrals, made by the demo users. Seeded once, when there is no referral yet. The NHS
 * numbers are from the 999 range the NHS keeps for testing.
 */
@Component
class DemoReferralsSeed {

    private static final Logger log = LoggerFactory.getLogger(DemoReferralsSeed.class);
    private static final String DEMO_PASSWORD = "cartpath-demo";

    private final Referrals referrals;
    private final ReferralTriage triage;
    private final EligibilityAssessments eligibility;
    private final NationalPanel panel;
    private final PatientManagement patients;
    private final UserManagement users;
    private final OrganisationManagement organisations;
    private final CaseJourney journey;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    DemoReferralsSeed(Referrals referrals, ReferralTriage triage, EligibilityAssessments eligibility,
            NationalPanel panel, PatientManagement patients, UserManagement users, OrganisationManagement organisations,
            CaseJourney journey, TransactionTemplate transaction, JdbcClient jdbc) {
        this.referrals = referrals;
        this.triage = triage;
        this.eligibility = eligibility;
        this.panel = panel;
        this.patients = patients;
        this.users = users;
        this.organisations = organisations;
        this.journey = journey;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** After the demo capacity (10), before the demo treatment case (30). */
    @EventListener
    @Order(20)
    void seed(DemoDataReady ready) {
        Map<String, OrganisationId> demo = ready.organisations();
        if (!demo.keySet().containsAll(List.of("gosh", "leeds", "bristol", "panel"))
                || jdbc.sql("select count(*) from referral").query(Long.class).single() > 0) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> seed(demo));
            log.info("Seeded three demo referrals to Great Ormond Street (awaiting triage, awaiting eligibility, "
                    + "approved by the panel)");
        } catch (RuntimeException e) {
            // demo data must never stop cartpath from starting
            log.warn("Could not seed the demo referrals: {}", e.getMessage());
        }
    }

    private void seed(Map<String, OrganisationId> demo) {
        Actor leedsReferrer = actor("referrer", demo.get("leeds"));
        Actor coordinator = actor("coordinator", demo.get("gosh"));
        Actor consultant = actor("consultant", demo.get("gosh"));
        Actor panelMember = actor("panel.member", demo.get("panel"));
        OrganisationId gosh = demo.get("gosh");
        LocalDate today = journey.today();

        // awaiting triage: referred by Leeds today
        refer(leedsReferrer, gosh, "9990010013", "Leo", "FRASER", Sex.MALE, today.minusYears(6).minusDays(50),
                "Refractory B-ALL after two induction attempts; CD19 positive. Referred for tisagenlecleucel.");

        // accepted, waiting for the consultant's eligibility assessment
        ReferralView amira = refer(leedsReferrer, gosh, "9990010021", "Amira", "OKONKWO", Sex.FEMALE,
                today.minusYears(9).minusDays(120), "Second relapse of B-ALL at 9 years; CD19 positive.");
        status(leedsReferrer, amira, today);
        triage.triage(coordinator, amira.referral().id(), new TriageDecision(TriageDecision.Outcome.ACCEPT, null, null));

        // approved by the national panel, ready to book a manufacturing slot
        ReferralView sofia = refer(leedsReferrer, gosh, "9990010048", "Sofia", "DUARTE", Sex.FEMALE,
                today.minusYears(14).minusDays(30), "Second relapse of B-ALL; CD19 positive; fit for CAR-T therapy.");
        status(leedsReferrer, sofia, today);
        triage.triage(coordinator, sofia.referral().id(), new TriageDecision(TriageDecision.Outcome.ACCEPT, null, null));
        eligibility.record(consultant, sofia.referral().caseId(), EligibilityAssessments.Choice.OF_THE_CASE,
                EligibilityDecision.CONFIRMED, null, DEMO_PASSWORD, null);
        UserId member = UserId.of(panelMember.id());
        PanelMeeting meeting = panel.schedule(panelMember, null, member);
        panel.submit(coordinator, meeting.id(), sofia.referral().caseId());
        panel.recordAttendance(panelMember, meeting.id(), List.of(new NationalPanel.Attendee(member, true)));
        panel.vote(panelMember, meeting.id(), sofia.referral().caseId(), PanelOutcome.APPROVE, null);
        panel.decide(panelMember, meeting.id(), sofia.referral().caseId(), new PanelDecisionRequest(PanelOutcome.APPROVE,
                null, null, null, null, DEMO_PASSWORD));
    }

    private ReferralView refer(Actor referrer, OrganisationId centre, String nhsNumber, String given, String family,
            Sex sex, LocalDate born, String summary) {
        return referrals.refer(referrer, new NewReferral(null, new PatientDetails(nhsNumber, null, given, family, born,
                sex, new Address("1 Demo Street", null, "Leeds", "LS1 1AA")), "B_ALL", null, born.plusYears(3),
                centre.toString(), "KYMRIAH", "B_ALL", "UK", "URGENT", summary, List.of()));
    }

    private void status(Actor referrer, ReferralView referral, LocalDate today) {
        patients.record(referrer, new PatientId(referral.referral().patientId()),
                new DiseaseStatus(today.minusDays(5), false, 2, false, today.minusDays(20), null));
    }

    private Actor actor(String username, OrganisationId organisationId) {
        Organisation organisation = organisations.directory().stream().filter(o -> o.id().equals(organisationId))
                .findFirst().orElseThrow();
        UserAccount user = users.list(Actor.system("demo referrals"), organisationId).stream()
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                organisation.id(), organisation.name(), organisation.kind(), organisation.operator(), user.roles());
    }
}
