package org.cartpath.monitoring;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import org.cartpath.journey.TherapyCase;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A night shift in Chromium: the ward nurse records a child's observations and sees CRS grade 2 and
 * ICANS grade 0 with their reasons; the consultant sees the alert and acknowledges it.
 */
@CartpathIntegrationTest
class MonitoringBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures fixtures;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }

    @Test
    void theNurseRecordsAnAssessmentAndSeesTheGradesAndTheConsultantAcknowledgesTheAlert() {
        MonitoringFixtures.Centre centre = fixtures.centre();
        TherapyCase child = fixtures.monitored(centre, Instant.now().minus(Duration.ofDays(4)), 7, "20");

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, centre.nurse().username());
            assertThat(page.getByTestId("panel-WARD_NURSE")).containsText(child.reference());
            page.navigate(url("/cases/" + child.id()));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record an assessment")).click();
            assertThat(page.getByTestId("icans-tool")).containsText("CAPD");

            page.getByLabel("Temperature (°C)").fill("39.2");
            page.getByLabel("Hypotension: blood pressure needing fluids").check();
            page.getByLabel("Oxygen device").selectOption("NASAL_CANNULA");
            page.getByLabel("Oxygen flow (litres a minute)").fill("2");
            for (int item = 1; item <= 8; item++) {
                page.locator("label[for=capd" + item + "-" + (item <= 4 ? "ALWAYS" : "NEVER") + "]").click();
            }
            page.locator("label[for=consciousness-AWAKENS_SPONTANEOUSLY]").click();
            page.locator("label[for=seizure-NONE]").click();
            page.locator("label[for=cerebralEdema-NONE]").click();
            page.getByTestId("save-assessment").click();

            assertThat(page.getByTestId("success")).containsText("saved and graded");
            assertThat(page.getByTestId("crs-grade")).containsText("CRS grade 2");
            assertThat(page.getByTestId("crs-explanation")).containsText("hypotension not needing vasopressors");
            assertThat(page.getByTestId("crs-explanation")).containsText("nasal cannula at 2 L/min");
            assertThat(page.getByTestId("icans-grade")).containsText("ICANS grade 0");
            assertThat(page.getByTestId("icans-explanation")).containsText("No ICANS");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, centre.consultant().username());
            assertThat(page.getByTestId("panel-CONSULTANT")).containsText(child.reference());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alerts").setExact(true)).click();
            Locator crs = page.locator("tr[data-case='" + child.reference() + "'][data-alert-kind='CRS_GRADE']");
            assertThat(crs).containsText("CRS grade 2");
            crs.getByLabel("Note (optional)").fill("Tocilizumab 240 mg prescribed");
            crs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();

            assertThat(page.getByTestId("success")).containsText("acknowledged");
            assertThat(page.locator("tr[data-case='" + child.reference() + "'][data-alert-kind='CRS_GRADE']")).hasCount(0);
            page.navigate(url("/cases/" + child.id()));
            Locator caseAlert = page.getByTestId("case-alerts").locator("li[data-alert-kind='CRS_GRADE']");
            assertThat(caseAlert).containsText("Acknowledged by " + centre.consultant().displayName());
            assertThat(page.getByTestId("panel-tocilizumab")).containsText("240 mg");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }
    }
}
