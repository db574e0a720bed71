package org.cartpath.followup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.cartpath.journey.Stage;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.testing.PdfText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinator in Chromium sets the centre's 24-hour contact from the follow-up page, opens an infused child's case
 * and prints the patient alert card from its link: the PDF the browser gets names the product and the contact.
 */
@CartpathIntegrationTest
class AlertCardBrowserIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    MutableClock clock;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theCoordinatorSetsTheContactAndPrintsTheAlertCardThatNamesTheProductAndTheContact() {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("22"));
        Instant infusedAt = LocalDate.now(clock.withZone(LONDON)).minusDays(12).atTime(10, 0).atZone(LONDON).toInstant();
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), infusedAt);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill(w.coordinator().username());
            page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(url("/"));

            page.navigate(url("/cases/" + w.therapyCase().id()));
            assertThat(page.getByTestId("alert-card-no-contact")).containsText("No 24-hour contact");
            page.getByTestId("alert-card-no-contact").getByRole(AriaRole.LINK).click();
            assertThat(page).hasURL(url("/follow-up/centre-contact"));
            page.getByLabel("Who answers").fill("CAR-T team on call (24 hours)");
            page.getByLabel("Telephone number").fill("call us");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the contact")).click();
            assertThat(page.locator(".nhsuk-error-summary")).containsText("enter a telephone number");
            page.getByLabel("Telephone number").fill("020 7946 0789");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the contact")).click();
            assertThat(page.getByTestId("success")).containsText("24-hour contact is saved");

            page.navigate(url("/cases/" + w.therapyCase().id()));
            assertThat(page.getByTestId("alert-card-contact")).containsText("020 7946 0789");
            String href = page.getByTestId("print-alert-card").getAttribute("href");
            APIResponse card = page.request().get(url(href));
            org.assertj.core.api.Assertions.assertThat(card.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(card.headers().get("content-type")).startsWith("application/pdf");
            String text = PdfText.of(card.body());
            org.assertj.core.api.Assertions.assertThat(text).contains("Kymriah", "020 7946 0789",
                    "CAR-T team on call (24 hours)");
        }
    }
}
