package org.cartpath.custody;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.Map;
import org.cartpath.custody.CustodyFixtures.World;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.shared.Role;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At the bedside in Chromium: the ward nurse starts the bedside check on her own session, scans the patient's wristband
 * and the product bag and signs; a second ward nurse, standing beside her, witnesses on the same page: she scans both
 * again (the scanner's Enter moves to the next field), gives her own username and password and signs.
 */
@CartpathIntegrationTest
class SameDeviceWitnessBrowserIT {

    private static final LocatorAssertions.ContainsTextOptions AFTER_SUBMIT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    @LocalServerPort
    int port;

    @Autowired
    CustodyFixtures fixtures;

    @Autowired
    LabelPrinting printing;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theNurseStartsTheBedsideCheckAndASecondNurseWitnessesOnTheSamePageWithHerOwnPassword() {
        World world = fixtures.world();
        CustodyScenario scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED), printing);
        ReturnedProduct product = ReturnedProduct.delivered(scenario, fixtures, "DS-SAME-DEVICE");
        receiptChecked(scenario, product);
        UserAccount secondWardNurse = identities.user(world.centre(), Role.WARD_NURSE);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill(world.wardNurse().username());
            page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            page.navigate(url("/cases/" + scenario.therapyCase.id()));
            page.getByTestId("start-check").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("bedside check")).click();
            assertThat(page.locator("h1")).containsText("Bedside check");
            assertThat(page.getByTestId("scan-input")).isFocused();
            page.keyboard().type(scenario.wristband());
            page.keyboard().press("Enter");
            assertThat(page.getByTestId("scan-match")).containsText("MATCH", AFTER_SUBMIT);
            // the page reloads after each scan: a scanner types into the field only once it has the focus again
            assertThat(page.getByTestId("scan-input")).isFocused();
            page.keyboard().type(scenario.coi());
            page.keyboard().press("Enter");
            assertThat(page.getByTestId("checklist")).containsText("✓ The COI on the product bag", AFTER_SUBMIT);
            page.getByLabel("Your password (electronic signature)").fill(IdentityFixtures.PASSWORD);
            page.getByTestId("sign").click();
            assertThat(page.locator("body")).containsText("Waiting for a second person", AFTER_SUBMIT);
            assertThat(page.getByTestId("witness-roles")).containsText("May be witnessed by: consultant, ward nurse");

            // the second nurse, at the same bedside, on this page
            assertThat(page.getByTestId("witness-here")).containsText("Or: witness here on this device");
            page.getByTestId("witness-scan-0").click();
            page.keyboard().type(scenario.wristband());
            page.keyboard().press("Enter");
            // a scanner's Enter moves on to the next field; it does not send the half-filled form
            assertThat(page.getByTestId("witness-scan-1")).isFocused();
            page.keyboard().type(scenario.coi());
            page.keyboard().press("Enter");
            assertThat(page.getByLabel("Username of the witness")).isFocused();
            page.getByLabel("Username of the witness").fill(secondWardNurse.username());
            page.getByLabel("Password of the witness (their electronic signature)").fill("not-her-password");
            page.getByTestId("witness-here-sign").click();
            assertThat(page.locator(".nhsuk-error-summary")).containsText("username or password is not correct",
                    AFTER_SUBMIT);
            assertThat(page.getByLabel("Username of the witness")).hasValue(secondWardNurse.username());

            page.getByTestId("witness-scan-0").fill(scenario.wristband());
            page.getByTestId("witness-scan-1").fill(scenario.coi());
            page.getByLabel("Password of the witness (their electronic signature)").fill(IdentityFixtures.PASSWORD);
            page.getByTestId("witness-here-sign").click();
            assertThat(page.getByTestId("success")).containsText(
                    "The bedside check is complete: two people scanned and signed, the witness on this device", AFTER_SUBMIT);
            assertThat(tab.consoleErrors()).as("only the refused witness's 422")
                    .allMatch(error -> error.equals("Failed to load resource: the server responded with a status of 422 ()"));
        }
        Map<String, Object> check = jdbc.sql("""
                select status, second_user_id::text as second, second_on_device_of::text as device
                from custody_verification where item_id = ?::uuid and step = 'BEDSIDE'""")
                .param(product.bagId()).query().singleRow();
        assertThat(check).containsEntry("status", "COMPLETED").containsEntry("second", secondWardNurse.id().toString())
                .containsEntry("device", world.wardNurse().id().toString());
    }

    /** The laboratory's two people check the product in, on their own devices, over the API. */
    private static void receiptChecked(CustodyScenario scenario, ReturnedProduct product) {
        Http lab = scenario.person(scenario.world.lab());
        HttpResponse<String> opened = lab.postJson("/api/v1/cases/" + scenario.therapyCase.id() + "/verifications",
                Map.of("step", "RECEIPT_AT_CENTRE", "itemId", product.bagId()));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String receipt = Http.json(opened).get("id").asText();
        for (Http person : new Http[] {lab, scenario.person(scenario.world.secondLab())}) {
            assertThat(scenario.scan(person, receipt, scenario.coi()).statusCode()).isEqualTo(201);
            assertThat(scenario.sign(person, receipt).statusCode()).isEqualTo(200);
        }
    }
}
