package org.cartpath.followup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.treatment.InfusedCases;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consultant records a B-ALL response in Chromium (docs/clinical/response-assessment.md): from the case's
 * follow-up panel, a missing count refused in the form's own words, then the MRD-negative complete remission shown
 * as the latest and the best response.
 */
@CartpathIntegrationTest
class ResponseAssessmentBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    InfusedCases infusions;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private LocalDate dayZero(Product p) {
        return jdbc.sql("select day_zero from followup_plan where case_id = ?")
                .param(p.caseId().value()).query(LocalDate.class).single();
    }

    /** The case's consultant, signed in on the sign-in page, on the case page. */
    private Page consultantOnTheCasePage(Browser.Tab tab, Product p) {
        Page page = tab.page();
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(p.world().consultant().username());
        page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate(url("/cases/" + p.caseId()));
        return page;
    }

    @Test
    void theConsultantRecordsTheMarrowOnThePageAndTheCasePageShowsTheBestResponse() {
        Product p = infusions.infused(port);
        LocalDate dayZero = dayZero(p);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = consultantOnTheCasePage(tab, p);
            assertThat(page.getByTestId("follow-up-best-response")).containsText("None recorded");
            page.getByTestId("record-response-link").click();

            page.getByLabel("Date of the assessment").fill(dayZero.toString());
            page.getByLabel("Marrow blasts (%)").fill("0");
            page.locator("#circulatingBlasts-no").check();
            page.locator("#extramedullaryDisease-no").check();
            page.getByLabel("Platelets (/µL)").fill("120000");
            page.getByLabel("Flow MRD (%)").fill("0.005");
            page.getByTestId("record-response").click();

            assertThat(page.locator(".nhsuk-error-summary")).containsText("Neutrophils (ANC, cells/µL) is required");
            assertThat(page.locator("#ancPerMicrolitre-error")).containsText("Neutrophils (ANC, cells/µL) is required");
            assertThat(page.getByLabel("Marrow blasts (%)")).hasValue("0");
            assertThat(page.locator("#circulatingBlasts-no")).isChecked();
            assertThat(page.locator("#circulatingBlasts")).containsText("Circulating blasts");

            page.getByLabel("Neutrophils (ANC, cells/µL)").fill("1500");
            page.getByTestId("record-response").click();

            assertThat(page).hasURL(url("/cases/" + p.caseId()));
            assertThat(page.getByTestId("follow-up-latest-response")).containsText("MRD-negative complete remission");
            assertThat(page.getByTestId("follow-up-best-response")).containsText("MRD-negative complete remission");
        }
    }

    @Test
    void theConsultantRecordsALuganoPetResponseOnThePageItsDeauvilleScoreRefusedUntilChosen() {
        Product p = infusions.infused(port);
        LocalDate dayZero = dayZero(p);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = consultantOnTheCasePage(tab, p);
            page.getByTestId("record-response-LUGANO_2014_PET").or(page.getByTestId("record-response-link")
                    .and(page.locator("[href*='LUGANO_2014_PET']"))).click();

            page.getByLabel("Date of the assessment").fill(dayZero.toString());
            page.locator("#uptakeComparedWithBaseline-REDUCED").check();
            page.locator("#newLesions-no").check();
            page.getByTestId("record-response").click();
            assertThat(page.locator("#deauvilleScore-error")).containsText("Deauville score is required");
            assertThat(page.locator("#uptakeComparedWithBaseline-REDUCED")).isChecked();

            page.locator("#deauvilleScore-4").check();
            page.getByTestId("record-response").click();

            assertThat(page).hasURL(url("/cases/" + p.caseId()));
            assertThat(page.getByTestId("follow-up-latest-response")).containsText("Partial metabolic response");
        }
    }
}
