package org.cartpath.patient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the demo referrer sees in Chromium: registering a patient, a refused form, the patient page, and consent
 * recorded with its signed form.
 */
@CartpathIntegrationTest
class PatientBrowserIT {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theDemoReferrerRegistersAPatientAndSeesTheirPage() {
        String nhs = PatientTestData.nhsNumber();
        String shown = nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6);
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill("referrer");
            page.getByLabel("Password").fill("cartpath-demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(url("/"));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Patients").setExact(true)).click();
            assertThat(page).hasURL(url("/patients"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a patient")).click();
            // first with the check digit mistyped
            page.getByLabel("NHS number").fill(shown.substring(0, 11) + (char) ('0' + (shown.charAt(11) - '0' + 1) % 10));
            page.getByLabel("Given name").fill("Amira");
            page.getByLabel("Family name").fill("Browser");
            page.getByLabel("Day").fill("2");
            page.getByLabel("Month").fill("3");
            page.getByLabel("Year").fill("2015");
            page.getByLabel("Female").check();
            page.getByLabel("Town or city").fill("Leeds");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();

            assertThat(page.locator(".nhsuk-error-summary")).containsText("NHS number is not valid");
            assertThat(page.getByLabel("Given name")).hasValue("Amira");
            page.getByLabel("NHS number").fill(shown);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register patient")).click();

            assertThat(page.locator("h1")).containsText("BROWSER, Amira");
            assertThat(page.getByTestId("nhs-number")).hasText("NHS number " + shown);
            assertThat(page.getByTestId("success")).containsText("has been registered");
            assertThat(page.getByTestId("demographics")).containsText("2 Mar 2015");
            assertThat(page.getByTestId("latest")).containsText("Not recorded");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record weight and height")).click();
            LocalDate day = LocalDate.now().minusDays(1);
            page.getByLabel("Day").fill(String.valueOf(day.getDayOfMonth()));
            page.getByLabel("Month").fill(String.valueOf(day.getMonthValue()));
            page.getByLabel("Year").fill(String.valueOf(day.getYear()));
            page.getByLabel("Weight in kg").fill("31.5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
            assertThat(page.getByTestId("latest")).containsText("31.5 kg");
            assertThat(page.getByTestId("history-measurements")).containsText("Weight 31.5 kg");

            // consent with the signed form, uploaded from the browser
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record consent")).click();
            page.getByLabel("CAR-T treatment").check();
            page.getByLabel("Given").check();
            page.getByLabel("Day").fill(String.valueOf(day.getDayOfMonth()));
            page.getByLabel("Month").fill(String.valueOf(day.getMonthValue()));
            page.getByLabel("Year").fill(String.valueOf(day.getYear()));
            page.getByLabel("Signed consent form (optional)").setInputFiles(new FilePayload("consent.pdf",
                    "application/pdf", "%PDF-1.4\n% signed by both parents\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1)));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record")).click();
            assertThat(page.getByTestId("success")).containsText("Consent recorded with the signed form.");
            assertThat(page.getByTestId("history-consents")).containsText("CAR-T treatment: given");
            assertThat(page.getByTestId("signed-form")).containsText("Signed form: consent.pdf");
            assertThat(page.getByTestId("latest")).containsText("Consent to CAR-T treatment");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
            // let the routed font requests finish, so that closing the context cannot race their handler
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
    }
}
