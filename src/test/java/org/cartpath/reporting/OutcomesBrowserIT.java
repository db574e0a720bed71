package org.cartpath.reporting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import org.cartpath.identity.UserAccount;
import org.cartpath.monitoring.MonitoringFixtures;
import org.cartpath.shared.Role;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The centre's analyst picks a cohort on Outcomes and sees a chart drawn by ECharts with its table beside it. */
@CartpathIntegrationTest
class OutcomesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    IdentityFixtures identities;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static byte[] readAll(com.microsoft.playwright.Download download) {
        try (java.io.InputStream in = download.createReadStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theAnalystFiltersACohortAndSeesAChartWithItsTableAndAnEmptyCohortSaysSo() {
        MonitoringFixtures.Centre centre = fixtures.centre();
        fixtures.monitored(centre, Instant.now().minus(Duration.ofDays(30)), 20, "60");
        UserAccount analyst = identities.user(centre.centre(), Role.ANALYST);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill(analyst.username());
            page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outcomes").setExact(true)).first().click();

            page.getByLabel("Product").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Kymriah"));
            page.getByLabel("Age at infusion").selectOption("UNDER_26");
            page.getByTestId("outcomes-filter").click();

            assertThat(page.getByTestId("outcomes-patients")).hasText("1");
            assertThat(page.getByTestId("chart-crs-grades")).hasAttribute("data-drawn", "true");
            assertThat(page.getByTestId("chart-crs-grades").locator("svg")).hasCount(1);
            assertThat(page.getByTestId("table-crs-grades").locator("tbody tr").first()).containsText("None");
            assertThat(page.getByTestId("table-crs-grades").locator("tbody tr").first()).containsText("1");
            assertThat(page.getByTestId("csv-crs-grades")).hasAttribute("href",
                    "/outcomes/crs-grades.csv?product=KYMRIAH&ageBand=UNDER_26");
            // the survival curve with its 95 % band and the numbers at risk under its axis, downloadable as SVG
            assertThat(page.getByTestId("chart-survival")).hasAttribute("data-drawn", "true");
            assertThat(page.getByTestId("chart-survival")).hasAttribute("data-at-risk-drawn", "1");
            assertThat(page.getByTestId("chart-survival").locator("svg text", new com.microsoft.playwright.Locator
                    .LocatorOptions().setHasText("At risk"))).hasCount(1);
            com.microsoft.playwright.Download svg = page.waitForDownload(() -> page.getByTestId("svg-survival").click());
            assertThat(svg.suggestedFilename()).isEqualTo("outcomes-survival.svg");
            assertThat(new String(readAll(svg), java.nio.charset.StandardCharsets.UTF_8)).startsWith("<svg")
                    .contains("At risk");
            assertThat(page.getByTestId("outcome-toxicity")).containsText("Admitted to intensive care");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();

            page.getByLabel("Infused to").fill("2001-01-01");
            page.getByTestId("outcomes-filter").click();
            assertThat(page.getByTestId("outcomes-empty")).containsText("No patients in this cohort");
            assertThat(page.getByTestId("chart-crs-grades")).hasCount(0);
        }
    }
}
