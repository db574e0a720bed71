package org.cartpath.followup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.cartpath.identity.UserAccount;
import org.cartpath.shared.Role;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.TestDatabase;
import org.cartpath.testing.TestDatabaseInitializer;
import org.cartpath.treatment.InfusedCases;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data manager's follow-up in Chromium: a child infused through the ward's pages' API, whose day 0 is then moved
 * 90 days back (as if the infusion had been recorded then), appears on the data manager's follow-up worklist with
 * its day-100 registry form in its window, and the case page shows the schedule.
 */
@CartpathIntegrationTest
class FollowUpBrowserIT {

    @Value("${" + TestDatabaseInitializer.DATABASE_PROPERTY + "}")
    String database;

    @LocalServerPort
    int port;

    @Autowired
    InfusedCases infusions;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theDataManagerSeesTheDay100TimepointOfAnInfusedCaseOnTheFollowUpWorklist() {
        Product p = infusions.infused(port);
        UserAccount dataManager = identities.user(p.world().centre(), Role.DATA_MANAGER);
        // day 0 ninety days ago: the day-100 window (day 85 to day 115) is open today
        owner().sql("update followup_registry_timepoint set due_date = due_date - 90, window_start = window_start - 90,"
                + " window_end = window_end - 90 where case_id = ?").param(p.caseId().value()).update();
        String reference = p.world().therapyCase().reference();

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            page.navigate(url("/sign-in"));
            page.getByLabel("Username").fill(dataManager.username());
            page.getByLabel("Password").fill(IdentityFixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(url("/"));
            assertThat(page.getByTestId("panel-DATA_MANAGER")).containsText(reference);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Follow-up").setExact(true)).first()
                    .click();
            assertThat(page).hasURL(url("/follow-up"));
            Locator day100 = page.locator("tr[data-case='" + reference + "'][data-key='REGISTRY:DAY_100']");
            assertThat(day100).containsText("Registry form: Day 100");
            assertThat(day100).containsText("In window");
            assertThat(day100).containsText("Data manager");

            day100.getByRole(AriaRole.LINK).click();
            assertThat(page.getByTestId("follow-up-track")).containsText("CIBMTR, 15-year follow-up");
            assertThat(page.locator("tr[data-timepoint='DAY_100']")).containsText("In window");
        }
    }

    /** The database's owner, for set-up the application cannot do (not watched by AuditWatch). */
    private JdbcClient owner() {
        return JdbcClient.create(TestDatabase.superuser(database));
    }
}
