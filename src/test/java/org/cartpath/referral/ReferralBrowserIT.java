package org.cartpath.referral;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import org.cartpath.patient.PatientTestData;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Referral in Chromium (ADR 0013): the demo referrer at Leeds refers a child with relapsed B-ALL to Great Ormond Street,
 * and the demo coordinator there finds the referral in the worklist and accepts it.
 */
@CartpathIntegrationTest
class ReferralBrowserIT {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theDemoReferrerRefersToGreatOrmondStreetAndTheCoordinatorAcceptsIt() {
        String nhs = PatientTestData.nhsNumber();
        String familyName = "Browserref" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String reference;
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "referrer");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Referrals").setExact(true)).first().click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Make a referral")).click();
            assertThat(page.locator("h1")).hasText("Make a referral");

            page.getByLabel("NHS number").fill(nhs);
            page.getByLabel("Given name").fill("Amira");
            page.getByLabel("Family name").fill(familyName);
            page.locator("[id='patient.dateOfBirth-day']").fill("2");
            page.locator("[id='patient.dateOfBirth-month']").fill("3");
            page.locator("[id='patient.dateOfBirth-year']").fill("2017");
            page.getByLabel("Female").check();
            page.getByLabel("Diagnosis (optional)").selectOption("B_ALL");
            page.locator("[id='diagnosedOn-day']").fill("4");
            page.locator("[id='diagnosedOn-month']").fill("5");
            page.locator("[id='diagnosedOn-year']").fill("2023");
            page.locator("#indication").selectOption("B_ALL");
            // the product list refreshes to the products licensed for B-ALL (Yescarta is not)
            assertThat(page.locator("#productCode option[value='YESCARTA']")).hasCount(0);
            assertThat(page.locator("#productCode option[value='TECARTUS']")).hasCount(1);
            page.getByLabel("Proposed product").selectOption("KYMRIAH");
            page.getByLabel("Urgent").check();
            page.getByLabel("Clinical summary").fill("Second relapse of B-ALL at 9 years; CD19 positive. Referred for tisagenlecleucel.");
            page.getByLabel("Letters and reports (optional)").setInputFiles(new FilePayload("referral-letter.pdf",
                    "application/pdf", ReferralTestData.pdf("Referral letter")));
            // first without a centre: the error summary says so and keeps what was typed
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send referral")).click();
            assertThat(page.locator(".nhsuk-error-summary li")).hasText(new String[] {
                    "Treatment centre is required: choose the treatment centre",
                    "Choose the files again: nothing was saved, so they were not kept"});
            assertThat(page.getByLabel("Family name")).hasValue(familyName);
            assertThat(page.locator("#indication")).hasValue("B_ALL");
            assertThat(page.getByLabel("Urgent")).isChecked();

            // Leeds is in North East and Yorkshire: Great North Children's is suggested first, Great Ormond Street further down
            assertThat(page.locator("optgroup[label='In your region'] option")).containsText(new String[] {
                    "Great North Children's Hospital (North East and Yorkshire)"});
            page.getByLabel("Treatment centre").selectOption(new SelectOption().setLabel(
                    "Great Ormond Street Hospital for Children (London)"));
            page.getByLabel("Letters and reports (optional)").setInputFiles(new FilePayload("referral-letter.pdf",
                    "application/pdf", ReferralTestData.pdf("Referral letter")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send referral")).click();

            page.waitForLoadState(LoadState.DOMCONTENTLOADED);
            assertThat(page.locator(".nhsuk-error-summary").allTextContents()).isEmpty();
            assertThat(page.getByTestId("success")).containsText("has been sent to Great Ormond Street Hospital for Children");
            assertThat(page.getByTestId("referral-case-stage")).hasText("Referred");
            assertThat(page.getByTestId("referral-attachments")).containsText("referral-letter.pdf");
            reference = page.locator("h1 .nhsuk-caption-l").textContent().replace("Referral ", "").strip();
            assertThat(reference).startsWith("CP-");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "coordinator");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Worklist").setExact(true)).first().click();
            page.getByLabel("Case reference, patient name, NHS number or COI").fill(familyName);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.getByTestId("worklist")).containsText("Triage the referral");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();

            assertThat(page.getByTestId("case-stage")).hasText("Referred");
            assertThat(page.getByTestId("case-referral")).containsText("referral-letter.pdf");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Triage the referral")).click();
            assertThat(page.locator("h1")).containsText(familyName.toUpperCase() + ", Amira");
            page.getByLabel("Accept the referral").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();

            assertThat(page.getByTestId("success")).containsText("The referral has been accepted");
            assertThat(page.getByTestId("case-stage")).hasText("Triaged");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Worklist").setExact(true)).first().click();
            page.getByLabel("Case reference, patient name, NHS number or COI").fill(nhs);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.getByTestId("worklist")).containsText(reference);
            assertThat(page.getByTestId("worklist")).containsText("Triaged");
            assertThat(page.getByTestId("worklist")).containsText("Assess eligibility");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("cartpath-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }
}
