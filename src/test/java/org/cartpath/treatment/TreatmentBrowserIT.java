package org.cartpath.treatment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo path in Chromium (ADR 0017), from a released product to an infusion, ending on the monitoring board. What other
 * modules own (receipt at the centre, QA acceptance, the measurements, the tocilizumab count, the two-person bedside
 * scan) is done by {@link TreatmentFixtures}; everything treatment owns is done on its pages by the right people: the
 * pharmacist plans lymphodepletion and signs the verification, the ward nurse records each day's doses, sees what the
 * infusion still waits for, ticks the checklist and signs the infusion, and lands on the monitoring board at day 0.
 *
 * <p>The course is planned six days back, as {@link TreatmentStoryIT} does over the API, so that every dose is due and
 * today lies in the infusion window without moving the clock (moving it by days would end the signed-in sessions).
 */
@CartpathIntegrationTest
class TreatmentBrowserIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

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

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** One of the case page's "What you can do next" buttons. */
    private static Locator action(Page page, String name) {
        return page.getByTestId("case-actions").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void thePharmacistPlansAndVerifiesTheNurseGivesTheCourseAndRecordsTheInfusionAndSeesTheBoard() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.accepted(p);
        fixtures.measured(p, "24", "120", "35");
        fixtures.tocilizumab(p, 1);
        String reference = p.world().therapyCase().reference();
        String casePage = url("/cases/" + p.caseId());

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, p.world().pharmacist());
            page.navigate(casePage);
            action(page, "Plan lymphodepletion").click();
            assertThat(page.locator("h1")).containsText("Lymphodepletion");
            assertThat(page.getByTestId("no-plan")).isVisible();
            page.getByLabel("First day of lymphodepletion (or day 0 for regimens dated from the infusion)")
                    .fill(LocalDate.now(LONDON).minusDays(6).toString());
            // the infusion planned for the window's first day, not for the day the booking planned weeks ahead
            page.getByLabel("Planned infusion day (optional)").fill(LocalDate.now(LONDON).minusDays(1).toString());
            page.getByTestId("calculate-plan").click();

            assertThat(page.getByTestId("success")).containsText("The plan has been calculated");
            assertThat(page.getByTestId("plan-unverified")).isVisible();
            assertThat(page.getByTestId("ld-plan")).containsText("0.894 m² by");
            // a child: the bedside Schwartz eGFR (docs/clinical/renal-function.md)
            assertThat(page.getByTestId("ld-renal")).containsText("125.1 mL/min/1.73 m² (bedside Schwartz 2009");
            Locator doses = page.getByTestId("ld-doses").locator("tbody tr");
            assertThat(doses).hasCount(6);
            Locator mg = doses.locator("td:nth-child(5)");
            assertThat(mg.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^27 mg$")))).hasCount(4);
            assertThat(mg.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^447 mg$")))).hasCount(2);
            assertThat(doses.locator("td:nth-child(1)")).hasText(new String[] {"-5", "-5", "-4", "-4", "-3", "-2"});
            assertThat(page.getByTestId("ld-doses").getByRole(AriaRole.BUTTON)).hasCount(0);

            page.getByLabel("Your password (to sign)").fill(IdentityFixtures.PASSWORD);
            page.getByTestId("verify-plan").click();
            assertThat(page.getByTestId("success")).containsText("verified and signed");
            assertThat(page.getByTestId("plan-verified")).isVisible();
            assertThat(page.getByTestId("ld-plan")).containsText("Signed by " + p.world().pharmacist().displayName());
            assertThat(page.getByTestId("verify-form")).hasCount(0);
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }
        assertThat(fixtures.stage(p)).isEqualTo(Stage.RECEIVED);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, p.world().nurse());
            page.navigate(casePage);
            action(page, "Record lymphodepletion doses").click();
            Locator recordButtons = page.locator("[data-testid^='record-']");
            assertThat(recordButtons).hasCount(6);
            List<String> keys = recordButtons.all().stream()
                    .map(button -> button.getAttribute("data-testid").substring("record-".length())).toList();
            for (String key : keys) {
                // each past day's form offers 10:00 on its day; the nurse records it as given
                assertThat(page.locator("#givenAt-" + key)).hasValue(key.substring(0, 10) + "T10:00");
                page.getByTestId("record-" + key).click();
                assertThat(page.getByTestId("dose-" + key)).containsText("Given");
                assertThat(page.getByTestId("dose-" + key)).containsText(p.world().nurse().displayName());
            }
            assertThat(page.getByTestId("ld-complete")).isVisible();
            assertThat(page.getByTestId("ld-flags")).hasCount(0);
            assertThat(fixtures.stage(p)).isEqualTo(Stage.LYMPHODEPLETION);

            page.navigate(casePage);
            action(page, "Record the infusion").click();
            Locator notReady = page.getByTestId("infusion-not-ready");
            assertThat(notReady).containsText("Not ready for infusion");
            assertThat(notReady.locator("li")).hasText(new String[] {
                "Pre-infusion checklist items not ticked: No active uncontrolled infection; Consent to treatment current;"
                        + " Observations within limits",
                "No completed two-person bedside check of the product"});

            page.navigate(casePage);
            action(page, "Pre-infusion checklist").click();
            assertThat(page.getByTestId("checklist-open")).hasText("3 item(s) open");
            for (String item : List.of("NO_UNCONTROLLED_INFECTION", "CONSENT_CURRENT", "OBSERVATIONS_WITHIN_LIMITS")) {
                page.getByTestId("tick-" + item).click();
                assertThat(page.locator("tr[data-item='" + item + "']"))
                        .containsText("Ticked by " + p.world().nurse().displayName());
            }
            assertThat(page.getByTestId("checklist-complete")).isVisible();

            page.navigate(url("/cases/" + p.caseId() + "/infusion"));
            assertThat(page.getByTestId("infusion-not-ready").locator("li"))
                    .hasText("No completed two-person bedside check of the product");

            fixtures.bedside(p);
            page.reload();
            assertThat(page.getByTestId("infusion-ready")).isVisible();
            assertThat(page.getByTestId("infusion-not-ready")).hasCount(0);
            LocalDateTime now = LocalDateTime.now(LONDON).truncatedTo(ChronoUnit.MINUTES);
            page.getByLabel("Infusion started").fill(now.minusMinutes(1).format(LOCAL));
            page.getByLabel("Infusion ended").fill(now.format(LOCAL));
            page.getByLabel("Reactions (if any)").fill("Mild rigors, settled");
            page.getByLabel("Your password (to sign)").fill(IdentityFixtures.PASSWORD);
            page.getByTestId("record-infusion").click();

            assertThat(page).hasURL(url("/monitoring"));
            assertThat(page.locator("h1")).hasText("Monitoring board");
            assertThat(page.getByTestId("success")).containsText("The infusion of " + reference + " has been recorded");
            Locator row = page.locator("tr[data-case='" + reference + "']");
            assertThat(row).hasCount(1);
            assertThat(row.locator("td").nth(1)).hasText("0");

            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference)).click();
            assertThat(page).hasURL(casePage);
            assertThat(page.getByTestId("case-stage")).hasText("Monitoring");
            assertThat(page.getByTestId("day-number").locator("strong")).hasText("Day 0");
            assertThat(action(page, "Record the infusion")).hasCount(0);

            page.navigate(url("/cases/" + p.caseId() + "/infusion"));
            assertThat(page.getByTestId("infusion-record")).containsText("Mild rigors, settled");
            assertThat(page.getByTestId("infusion-record")).containsText(p.world().nurse().displayName() + " and "
                    + p.world().secondNurse().displayName());
            link(page, "Go to the monitoring board").click();
            assertThat(page).hasURL(url("/monitoring"));
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }
        assertThat(fixtures.stage(p)).isEqualTo(Stage.MONITORING);
    }
}
