package org.cartpath.reporting.exports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** The data manager checks a SACT month, sees its gaps, exports it with them, watches it finish and downloads it. */
@CartpathIntegrationTest
class ExportsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    IdentityFixtures identities;

    @Test
    void theDataManagerRunsAnExportWithItsGapsSeesItFinishAndDownloadsTheFile() throws Exception {
        MonitoringFixtures.Centre centre = fixtures.centre();
        fixtures.monitored(centre, Instant.parse("2025-01-15T10:00:00Z"), 9, "28");
        UserAccount dataManager = identities.user(centre.centre(), Role.DATA_MANAGER);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate("http://localhost:" + port + "/sign-in");
            page.getByLabel("Username").fill(dataManager.username());
            page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Exports").setExact(true)).first().click();

            page.getByLabel("Month").fill("2025-01");
            page.getByTestId("check-completeness").click();
            assertThat(page.getByTestId("gaps")).containsText("no lymphodepletion administration");
            assertThat(page.getByTestId("gaps").getByRole(AriaRole.LINK).first()).hasAttribute("href",
                    java.util.regex.Pattern.compile("/cases/.+/lymphodepletion"));

            page.getByLabel("What is the export for?").fill("January SACT submission");
            page.getByTestId("start-export").click();
            assertThat(page.locator(".nhsuk-error-summary")).containsText("Required fields are missing");

            page.getByLabel("Export with the gaps listed in the manifest").check();
            page.getByTestId("start-export").click();
            assertThat(page.getByTestId("history")).containsText("January SACT submission (with gaps)");
            // running rows poll their progress; the run finishes in the background
            assertThat(page.getByTestId("export-status").first()).containsText("Complete");
            assertThat(page.getByTestId("export-status").first()).containsText("SHA-256");

            Download download = page.waitForDownload(() -> page.getByTestId("download-file").first().click());
            String file = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(file).startsWith("NHS Number,Local Patient Identifier,").contains(",TISAGENLECLEUCEL,");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }
    }
}
