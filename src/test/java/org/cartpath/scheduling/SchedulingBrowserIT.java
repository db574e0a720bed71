package org.cartpath.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium, with the demo organisations: the demo coordinator books a slot for an approved case at Great
 * Ormond Street and sees the plan on the case page; the demo Novartis operator sees the booking in the calendar.
 */
@CartpathIntegrationTest
class SchedulingBrowserIT {

    static final String NOVARTIS_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";

    @LocalServerPort
    int port;

    @Autowired
    OrganisationManagement organisations;

    @Autowired
    SchedulingFixtures fixtures;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Organisation demo(String name) {
        return organisations.directory().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("cartpath-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void theCoordinatorBooksASlotAndSeesThePlanAndTheManufacturerSeesTheBooking() {
        Organisation gosh = demo("Great Ormond Street Hospital for Children");
        Organisation leeds = demo("Leeds Children's Hospital");
        TherapyCase c = fixtures.caseAt(new SchedulingFixtures.Centre(gosh, null, null, leeds, null), "KYMRIAH", "B_ALL",
                Stage.PANEL_APPROVED, "Referred for tisagenlecleucel");
        LocalDate week = fixtures.week(3);
        String site = "BROWSER-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        HttpResponse<String> published = Http.token(port, NOVARTIS_TOKEN).postJson("/api/v1/capacity-publications",
                Map.of("siteCode", site, "siteName", "Browser test site " + site, "productCode", "KYMRIAH",
                        "weekStart", week.toString(), "slotsPerDay", Map.of("WEDNESDAY", 1)));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "coordinator");
            page.navigate(url("/cases/" + c.id()));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book a manufacturing slot")).click();
            page.getByLabel("Apheresis date").fill(week.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the slots that fit")).click();
            assertThat(page.getByTestId("chairs")).containsText("apheresis chairs free");
            page.getByLabel(java.util.regex.Pattern.compile("Browser test site " + site)).check();
            page.getByTestId("book").click();

            assertThat(page).hasURL(url("/cases/" + c.id()));
            assertThat(page.getByTestId("success")).containsText("Slot booked");
            assertThat(page.getByTestId("case-stage")).hasText("Slot booked");
            assertThat(page.getByTestId("booked-slot")).containsText("Browser test site " + site);
            assertThat(page.getByTestId("plan").locator("tr[data-step=INFUSION]")).containsText("Infusion (day 0)");
            assertThat(page.getByTestId("plan").locator("tr[data-step=APHERESIS] [data-testid=planned-on]"))
                    .hasText(week.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy")));
            assertThat(page.getByTestId("plan").locator("tr[data-step=SHIPMENT_TO_SITE]")).containsText("Default");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "manufacturer");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Calendar").setExact(true)).click();
            page.navigate(url("/scheduling/calendar?week=" + week));
            assertThat(page.getByTestId("manufacturer-calendar")).containsText(c.reference());
            assertThat(page.getByTestId("manufacturer-calendar")).containsText("Great Ormond Street Hospital for Children");
            assertThat(page.getByTestId("manufacturer-calendar")).containsText("Browser test site " + site);
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }
    }
}
