package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.referral.ReferralFixtures.Centre;
import org.cartpath.referral.ReferralFixtures.Panel;
import org.cartpath.referral.ReferralFixtures.Patient;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The panel's pages: the coordinator submits, the chair records attendance, a member votes, the chair signs;
 * the member's home page; and no page a panel member opens shows the patient's name, birth date or address.
 */
@CartpathIntegrationTest
class PanelPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    ReferralFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    NationalPanel nationalPanel;

    Centre centre;
    Panel panel;
    Http chair;
    Http coordinator;
    PanelMeeting meeting;

    @BeforeEach
    void aMeeting() {
        centre = fixtures.centre();
        panel = fixtures.panel();
        chair = Http.signedIn(port, panel.chair().username(), IdentityFixtures.PASSWORD);
        coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> scheduled = chair.postForm("/panel-meetings", Map.of("chairId", panel.chair().id().toString()));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(302);
        String id = scheduled.headers().firstValue("Location").orElseThrow().replaceAll(".*/panel-meetings/", "");
        meeting = nationalPanel.meeting(panel.chairActor(), UUID.fromString(id)).meeting();
    }

    @Test
    void fromSubmissionToASignedApprovalThroughThePages() {
        Patient patient = fixtures.eligibleChild(centre);
        String casePage = "/cases/" + patient.therapyCase().id();
        assertThat(coordinator.get(casePage).body()).contains("Submit to the national panel");
        HttpResponse<String> form = coordinator.get(casePage + "/panel");
        assertThat(form.body()).contains(meeting.id().toString());
        HttpResponse<String> submitted = coordinator.postForm(casePage + "/panel", Map.of("meetingId", meeting.id().toString()));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(coordinator.get(casePage).body()).contains("data-testid=\"panel-history\"").contains("Awaiting decision")
                .doesNotContain(">Submit to the national panel<");

        String meetingPage = "/panel-meetings/" + meeting.id();
        assertThat(chair.get(meetingPage).body()).contains("data-testid=\"attendance-form\"")
                .contains(patient.therapyCase().reference());
        HttpResponse<String> present = chair.postForm(meetingPage + "/attendance",
                Map.of("present", panel.chair().id().toString()));
        assertThat(present.statusCode()).as(present.body()).isEqualTo(302);

        String review = meetingPage + "/cases/" + patient.therapyCase().id();
        assertThat(chair.get(review).body()).contains("data-testid=\"vote-form\"").contains("data-testid=\"decision-form\"")
                .contains("Age 25 years or under");
        assertThat(chair.postForm(review + "/vote", Map.of("vote", "APPROVE")).statusCode()).isEqualTo(302);

        HttpResponse<String> wrong = chair.postForm(review + "/decision", Map.of("outcome", "APPROVE", "password", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("The signature was not applied");
        assertThat(stage(patient)).isEqualTo(Stage.ELIGIBILITY_ASSESSED);

        HttpResponse<String> signed = chair.postForm(review + "/decision",
                Map.of("outcome", "APPROVE", "treatingCentreId", "", "allocationBasis", "", "password", IdentityFixtures.PASSWORD));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
        assertThat(chair.get(review).body()).contains("data-testid=\"decision\"")
                .contains(panel.chair().displayName() + ", Panel member — approved");
        assertThat(stage(patient)).isEqualTo(Stage.PANEL_APPROVED);
        assertThat(coordinator.get(casePage).body()).contains("Panel approved").contains("treating centre " + centre.centre().name());
    }

    @Test
    void aDissentShowsWhoStandsInTheWayOfApproval() {
        Patient patient = fixtures.eligibleChild(centre);
        nationalPanel.submit(centre.coordinatorActor(), meeting.id(), patient.therapyCase().id());
        nationalPanel.recordAttendance(panel.chairActor(), meeting.id(), List.of(
                new NationalPanel.Attendee(panel.chair().id(), true), new NationalPanel.Attendee(panel.second().id(), true)));
        Http second = Http.signedIn(port, panel.second().username(), IdentityFixtures.PASSWORD);
        String review = "/panel-meetings/" + meeting.id() + "/cases/" + patient.therapyCase().id();
        assertThat(second.postForm(review + "/vote", Map.of("vote", "DECLINE", "comment", "Too fragile")).statusCode())
                .isEqualTo(302);
        assertThat(second.postForm(review + "/vote", Map.of("vote", "APPROVE")).body()).contains("has already voted");
        HttpResponse<String> refused = chair.postForm(review + "/decision",
                Map.of("outcome", "APPROVE", "password", IdentityFixtures.PASSWORD));
        assertThat(refused.body()).contains(panel.second().displayName() + " voted decline")
                .contains(panel.chair().displayName());
        assertThat(stage(patient)).isEqualTo(Stage.ELIGIBILITY_ASSESSED);
    }

    @Test
    void aPanelMembersHomeShowsTheNextMeetingAndWhatAwaitsTheirVote() {
        Patient patient = fixtures.eligibleChild(centre);
        nationalPanel.submit(centre.coordinatorActor(), meeting.id(), patient.therapyCase().id());
        nationalPanel.recordAttendance(panel.chairActor(), meeting.id(), List.of(new NationalPanel.Attendee(panel.chair().id(), true)));
        HttpResponse<String> home = chair.get("/");
        assertThat(home.body()).contains("data-testid=\"panel-home\"").contains(patient.therapyCase().reference())
                .contains("Awaiting your vote").contains("NHS number ending " + patient.nhsNumber().substring(7));
        assertThat(home.body()).contains("Panel meetings");
    }

    @Test
    void noPageAPanelMemberOpensShowsThePatientsIdentity() {
        Patient patient = fixtures.eligibleChild(centre);
        nationalPanel.submit(centre.coordinatorActor(), meeting.id(), patient.therapyCase().id());
        String meetingPage = "/panel-meetings/" + meeting.id();
        List<String> pages = List.of("/", "/panel-meetings", meetingPage, meetingPage + "/cases/" + patient.therapyCase().id(),
                "/cases/" + patient.therapyCase().id(), "/cases/" + patient.therapyCase().id() + "/eligibility");
        for (String page : pages) {
            HttpResponse<String> response = chair.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).doesNotContain(ReferralFixtures.FAMILY_NAME)
                    .doesNotContain(ReferralFixtures.GIVEN_NAME).doesNotContain(ReferralFixtures.ADDRESS_LINE)
                    .doesNotContain(ReferralFixtures.POSTCODE).doesNotContain(patient.nhsNumber())
                    .doesNotContain(patient.nhsNumber().substring(0, 3) + " " + patient.nhsNumber().substring(3, 6))
                    .doesNotContain(DateTimeFormatter.ofPattern("d MMM yyyy").format(patient.born()))
                    .doesNotContain(patient.born().toString());
        }
        assertThat(chair.get(meetingPage + "/cases/" + patient.therapyCase().id()).body()).contains("<strong>OQ</strong>");
        assertThat(chair.get("/patients/" + patient.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void aCentreSeesOnlyItsOwnCasesAtTheMeetingAndNeitherVotesNorDecides() {
        Patient patient = fixtures.eligibleChild(centre);
        nationalPanel.submit(centre.coordinatorActor(), meeting.id(), patient.therapyCase().id());
        Centre other = fixtures.centre();
        Http otherCoordinator = Http.signedIn(port, other.coordinator().username(), IdentityFixtures.PASSWORD);
        String meetingPage = "/panel-meetings/" + meeting.id();
        assertThat(otherCoordinator.get(meetingPage).body()).doesNotContain(patient.therapyCase().reference());
        assertThat(otherCoordinator.get(meetingPage + "/cases/" + patient.therapyCase().id()).statusCode()).isEqualTo(404);
        HttpResponse<String> own = coordinator.get(meetingPage + "/cases/" + patient.therapyCase().id());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("data-testid=\"vote-form\"").doesNotContain("data-testid=\"decision-form\"");
        Http referrer = Http.signedIn(port, centre.referrer().username(), IdentityFixtures.PASSWORD);
        assertThat(referrer.get(meetingPage).statusCode()).isEqualTo(404);
    }

    private Stage stage(Patient patient) {
        return journey.get(centre.coordinatorActor(), patient.therapyCase().id()).therapyCase().stage();
    }
}
