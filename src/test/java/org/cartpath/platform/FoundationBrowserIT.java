package org.cartpath.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a person sees in Chromium: signing in, a wrong password, and an administrator adding a colleague. */
@CartpathIntegrationTest
class FoundationBrowserIT {

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void theDemoCoordinatorSignsInAndSeesTheirHomePage() {
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "coordinator", "cartpath-demo");
            assertThat(page).hasURL(url("/"));
            assertThat(page.locator("h1")).containsText("Welcome, Sam Okafor");
            assertThat(page.getByTestId("current-organisation")).hasText("Great Ormond Street Hospital for Children");
            assertThat(page.getByTestId("panel-COORDINATOR")).containsText("Worklist");
            assertThat(page.locator("body")).hasClass(java.util.regex.Pattern.compile("nhsuk-frontend-supported"));
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
        }
    }

    @Test
    void aWrongPasswordShowsTheErrorAndDoesNotSignIn() {
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "coordinator", "not-my-password");
            assertThat(page.getByTestId("sign-in-error")).containsText("The username or password is not correct");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to cartpath")))
                    .isVisible();
            page.navigate(url("/"));
            assertThat(page).hasURL(url("/sign-in"));
        }
    }

    @Test
    void anAdministratorAddsAUserWhoThenSignsInAndChoosesAPassword() {
        String username = "new.nurse." + System.nanoTime() % 1_000_000;
        String temporaryPassword;
        try (Browser.Tab admin = Browser.newPage()) {
            Page page = admin.page();
            signIn(page, "admin", "cartpath-demo");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true)).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a user")).click();
            page.getByLabel("Username").fill(username);
            page.getByLabel("Full name").fill("Nurse Ada Obi");
            page.getByLabel("Ward nurse").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
            assertThat(page.locator("h1")).containsText("Nurse Ada Obi has been added");
            assertThat(page.getByTestId("new-username")).hasText(username);
            temporaryPassword = page.getByTestId("temporary-password").textContent().trim();
            assertThat(admin.consoleErrors()).isEmpty();
        }
        try (Browser.Tab nurse = Browser.newPage()) {
            Page page = nurse.page();
            signIn(page, username, temporaryPassword);
            assertThat(page).hasURL(url("/account/password"));
            page.getByLabel("Current password").fill(temporaryPassword);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("ward-seven-night-shift");
            page.getByLabel("New password again").fill("ward-seven-night-shift");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
            assertThat(page.getByTestId("success")).containsText("Your password has been changed");
            page.navigate(url("/"));
            assertThat(page.locator("h1")).containsText("Welcome, Nurse Ada Obi");
            assertThat(page.getByTestId("panel-WARD_NURSE")).isVisible();
        }
    }
}
