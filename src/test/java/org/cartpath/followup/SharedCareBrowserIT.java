package org.cartpath.followup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Role;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Shared care in Chromium, each person in their own browser: the referring hospital's clinician sends the day-100
 * visit of their patient from the case page; the centre's data manager finds it to review on the follow-up worklist,
 * accepts it, and sees the visit recorded and the day-100 registry time point complete.
 */
@CartpathIntegrationTest
class SharedCareBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    PatientManagement patients;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, UserAccount user) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(user.username());
        page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }

    @Test
    void theReferrerSendsTheDay100VisitAndTheDataManagerAcceptsItAndSeesTheTimepointComplete() {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24"));
        ZoneId london = ZoneId.of("Europe/London");
        Instant infusedAt = plans.today().minusDays(100).atTime(11, 0).atZone(london).toInstant();
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), infusedAt);
        String casePage = "/cases/" + w.therapyCase().id().value();
        String nhsNumber = patients.get(w.actor(w.referrer()), w.patientId(), "test").demographics().nhsNumber()
                .value();
        UserAccount dataManager = identities.user(w.centre(), Role.DATA_MANAGER);

        try (Browser.Tab leeds = Browser.newPage()) {
            Page page = leeds.page();
            signIn(page, w.referrer());
            page.navigate(url(casePage));
            page.getByTestId("send-visit-link").click();
            page.getByLabel("Patient's NHS number").fill(nhsNumber);
            page.getByLabel("Clinic visit").selectOption("DAY_90");
            page.getByLabel("Registry time point this visit provides").selectOption("DAY_100");
            page.getByLabel("Attended", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Date of the visit").fill(plans.today().toString());
            page.getByTestId("send-submission").click();
            assertThat(page.getByTestId("success")).containsText("Sent to the treating centre");
            assertThat(page.getByTestId("submission-status")).hasText("Waiting for the centre's review");
        }

        try (Browser.Tab centre = Browser.newPage()) {
            Page page = centre.page();
            signIn(page, dataManager);
            page.navigate(url("/follow-up"));
            Locator line = page.locator("tr[data-case='" + w.therapyCase().reference() + "'][data-key^='SUBMISSION:']");
            assertThat(line).containsText("To review");
            line.getByTestId("open-submission").click();
            assertThat(page.getByTestId("submission-latest")).containsText("Day 100 (completed when accepted)");
            page.getByTestId("accept-submission").click();
            assertThat(page.getByTestId("success")).containsText("Day 100 registry form is complete");
            assertThat(page.getByTestId("submission-status")).hasText("Accepted");

            page.navigate(url(casePage));
            assertThat(page.locator("tr[data-timepoint='DAY_100']")).containsText("Completed");
            assertThat(page.locator("tr[data-visit='DAY_90']")).containsText("Completed");
        }
    }
}
