package org.cartpath.referral;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cartpath.journey.CaseJourney;
import org.cartpath.patient.PatientTestData;
import org.cartpath.testing.Browser;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Referral to approval in Chromium (ADR 0014) with the demo users: the referrer at Leeds refers a child to Great
 * Ormond Street, the coordinator accepts, the consultant confirms eligibility under TA975, the case goes to
 * the national panel, whose member (chairing) approves with a signature; the referrer then sees the case
 * approved on their page and it stands approved in the coordinator's worklist.
 */
@CartpathIntegrationTest
class ReferralToApprovalBrowserIT {

    private static final String DEMO_PASSWORD = "cartpath-demo";

    @LocalServerPort
    int port;

    @Autowired
    CaseJourney journey;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aReferralIsAcceptedFoundEligibleAndApprovedByThePanel() {
        String nhs = PatientTestData.nhsNumber();
        String familyName = "Endtoend" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String referralPath;
        String reference;
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "referrer");
            page.navigate(url("/referrals/new"));
            page.getByLabel("NHS number").fill(nhs);
            page.getByLabel("Given name").fill("Maya");
            page.getByLabel("Family name").fill(familyName);
            page.locator("[id='patient.dateOfBirth-day']").fill("14");
            page.locator("[id='patient.dateOfBirth-month']").fill("6");
            page.locator("[id='patient.dateOfBirth-year']").fill(String.valueOf(journey.today().getYear() - 9));
            page.getByLabel("Female").check();
            page.getByLabel("Diagnosis (optional)").selectOption("B_ALL");
            page.locator("[id='diagnosedOn-day']").fill("1");
            page.locator("[id='diagnosedOn-month']").fill("2");
            page.locator("[id='diagnosedOn-year']").fill(String.valueOf(journey.today().getYear() - 3));
            page.locator("#indication").selectOption("B_ALL");
            // the product list reloads with the products licensed for B-ALL before one is chosen
            assertThat(page.locator("#productCode option[value='YESCARTA']")).hasCount(0);
            page.getByLabel("Proposed product").selectOption("KYMRIAH");
            page.getByLabel("Clinical summary").fill("Relapsed B-ALL, second relapse; CD19 positive.");
            page.getByLabel("Treatment centre").selectOption(new SelectOption().setLabel(
                    "Great Ormond Street Hospital for Children (London)"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send referral")).click();
            page.waitForLoadState(LoadState.DOMCONTENTLOADED);
            assertThat(page.getByTestId("referral-case-stage")).hasText("Referred");
            reference = page.locator("h1 .nhsuk-caption-l").textContent().replace("Referral ", "").strip();
            referralPath = page.url().replace(url(""), "");
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }

        // the referrer's record system adds the disease status the eligibility criteria need
        Http coordinatorApi = Http.signedIn(port, "coordinator", DEMO_PASSWORD);
        JsonNode found = Http.json(coordinatorApi.get("/api/v1/worklist?q=" + familyName)).get("items").get(0);
        String caseId = found.get("therapyCase").get("id").asText();
        String patientId = found.get("therapyCase").get("patientId").asText();
        HttpResponse<String> status = Http.token(port, "cpt_demoleeds_demo0leeds0patient0record0token0j1k2")
                .postJson("/api/v1/patients/" + patientId + "/disease-statuses", Map.of(
                        "assessedOn", journey.today().minusDays(3).toString(), "refractory", false, "relapseNumber", 2,
                        "relapseAfterTransplant", false));
        assertThat(status.statusCode()).as(status.body()).isEqualTo(201);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "coordinator");
            page.navigate(url("/cases/" + caseId));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Triage the referral")).click();
            page.getByLabel("Accept the referral").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
            assertThat(page.getByTestId("case-stage")).hasText("Triaged");
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "consultant");
            page.navigate(url("/cases/" + caseId));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Assess eligibility")).click();
            assertThat(page.getByTestId("criteria").first()).containsText("NICE TA975");
            page.getByLabel("Confirm: eligible, the case proceeds to the national panel").check();
            page.getByLabel("Your password, to sign").fill(DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and record")).click();
            assertThat(page.getByTestId("case-stage")).hasText("Eligibility assessed");
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }

        // the panel member schedules a meeting of their own (a date nobody else uses) and chairs it
        Http panelApi = Http.signedIn(port, "panel.member", DEMO_PASSWORD);
        String memberId = Http.json(panelApi.get("/api/v1/me")).get("id").asText();
        String meetsOn = journey.today().plusDays(ThreadLocalRandom.current().nextInt(60, 3000)).toString();
        HttpResponse<String> meeting = panelApi.postJson("/api/v1/panel-meetings", Map.of("meetsOn", meetsOn,
                "chairId", memberId));
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(201);
        String meetingId = Http.json(meeting).get("id").asText();

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "coordinator");
            page.navigate(url("/cases/" + caseId));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Submit to the national panel")).click();
            page.locator("input[name=meetingId][value='" + meetingId + "']").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the case")).click();
            assertThat(page.getByTestId("success")).containsText("is on the panel's agenda");
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
        assertThat(panelApi.postJson("/api/v1/panel-meetings/" + meetingId + "/attendance", Map.of("members",
                List.of(Map.of("userId", memberId, "voting", true)))).statusCode()).isEqualTo(201);

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "panel.member");
            page.navigate(url("/panel-meetings/" + meetingId + "/cases/" + caseId));
            assertThat(page.locator("body")).not().containsText(familyName);
            page.getByTestId("vote-form").getByLabel("Approve").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record my vote")).click();
            page.getByTestId("decision-form").getByLabel("Approve").check();
            page.getByLabel("Your password, to sign").fill(DEMO_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and record the decision")).click();
            assertThat(page.getByTestId("success")).containsText("Decision recorded and signed: Approve");
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }

        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "referrer");
            page.navigate(url(referralPath));
            assertThat(page.getByTestId("referral-case-stage")).hasText("Panel approved");
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
        try (Browser.Tab tab = Browser.newPage()) {
            Page page = tab.page();
            signIn(page, "coordinator");
            page.navigate(url("/worklist"));
            page.getByLabel("Case reference, patient name, NHS number or COI").fill(reference);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.getByTestId("worklist")).containsText(reference);
            assertThat(page.getByTestId("worklist")).containsText("Panel approved");
            assertThat(tab.consoleErrors()).as("no script or CSP errors").isEmpty();
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/"));
    }
}
