package org.cartpath.referral;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import org.cartpath.journey.Stage;
import org.cartpath.referral.ReferralFixtures.Centre;
import org.cartpath.referral.ReferralFixtures.Panel;
import org.cartpath.referral.ReferralFixtures.Patient;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium: the consultant confirms eligibility from the case page, the coordinator submits the case, a
 * panel member votes, and the chair votes and signs the approval.
 */
@CartpathIntegrationTest
class EligibilityPanelBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ReferralFixtures fixtures;

    @Autowired
    NationalPanel nationalPanel;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theConsultantConfirmsEligibilityAPanelMemberVotesAndTheChairApproves() {
        Centre centre = fixtures.centre();
        Panel panel = fixtures.panel();
        Patient patient = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        PanelMeeting meeting = nationalPanel.schedule(panel.chairActor(), null, null);
        String casePath = "/cases/" + patient.therapyCase().id();
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, centre.consultant().username());
            page.navigate(url(casePath));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Assess eligibility")).click();
            assertThat(page.getByTestId("criteria").first()).containsText("Age 25 years or under");
            assertThat(page.getByTestId("criteria").first()).containsText("NICE TA975");
            page.getByLabel("Confirm: eligible, the case proceeds to the national panel").check();
            page.getByLabel("Your password, to sign").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and record")).click();
            assertThat(page.getByTestId("success")).containsText("The case proceeds to the national panel");
            assertThat(page.getByTestId("case-stage")).hasText("Eligibility assessed");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, centre.coordinator().username());
            page.navigate(url(casePath));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Submit to the national panel")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the case")).click();
            assertThat(page.locator(".nhsuk-error-summary")).containsText("Choose the meeting");
            page.locator("input[name=meetingId][value='" + meeting.id() + "']").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the case")).click();
            assertThat(page.getByTestId("success")).containsText("is on the panel's agenda");
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
        nationalPanel.recordAttendance(panel.chairActor(), meeting.id(), List.of(
                new NationalPanel.Attendee(panel.chair().id(), true), new NationalPanel.Attendee(panel.second().id(), true)));
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, panel.second().username());
            assertThat(page.getByTestId("awaiting-vote")).containsText(patient.therapyCase().reference());
            page.getByTestId("awaiting-vote").getByRole(AriaRole.LINK).first().click();
            assertThat(page.getByTestId("panel-patient").first()).containsText("OQ");
            page.getByLabel("Approve").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record my vote")).click();
            assertThat(page.getByTestId("success")).containsText("Your vote is recorded");
            assertThat(page.locator("body")).not().containsText(ReferralFixtures.FAMILY_NAME);
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, panel.chair().username());
            page.navigate(url("/panel-meetings/" + meeting.id() + "/cases/" + patient.therapyCase().id()));
            page.getByTestId("vote-form").getByLabel("Approve").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record my vote")).click();
            page.getByTestId("decision-form").getByLabel("Approve").check();
            page.getByLabel("Your password, to sign").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and record the decision")).click();
            assertThat(page.getByTestId("success")).containsText("Decision recorded and signed: Approve");
            assertThat(page.getByTestId("decision-signature")).containsText("Panel member — approved");
            assertThat(page.getByTestId("item-status")).hasText("Decided");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }
}
