package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.referral.ReferralFixtures.Centre;
import org.cartpath.referral.ReferralFixtures.Patient;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The eligibility page: the table the consultant sees, the signed confirmation, errors that write nothing, scope. */
@CartpathIntegrationTest
class EligibilityPagesIT {

    private static final Pattern DIGEST = Pattern.compile("name=\"evaluationDigest\" value=\"([0-9a-f]{64})\"");

    @LocalServerPort
    int port;

    @Autowired
    ReferralFixtures fixtures;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    Centre centre;
    Http consultant;

    @BeforeEach
    void aCentre() {
        centre = fixtures.centre();
        consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void theConsultantSeesTheCriteriaWithTheirDataAndSourcesThenSignsAndTheCaseMovesOn() {
        Patient patient = fixtures.childInSecondRelapse(centre, Stage.TRIAGED);
        assertThat(consultant.get("/").body()).contains("data-testid=\"eligibility-home\"")
                .contains(patient.therapyCase().reference());
        HttpResponse<String> casePage = consultant.get("/cases/" + patient.therapyCase().id());
        assertThat(casePage.body()).contains("Assess eligibility").contains("/cases/" + patient.therapyCase().id() + "/eligibility");

        HttpResponse<String> page = consultant.get(path(patient));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Age 25 years or under").contains("age 9 on " + journey.today())
                .contains("NICE TA975 §1.1: people 25 years and under").contains("nhsuk-tag nhsuk-tag--green")
                .contains("KYMRIAH-UK-2026-11").contains("Confirm: eligible, the case proceeds to the national panel");

        HttpResponse<String> signed = consultant.postForm(path(patient), decision(page, "CONFIRMED", ""));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
        HttpResponse<String> after = consultant.get(path(patient));
        assertThat(after.body()).contains("Eligibility assessment 1 recorded and signed. The case proceeds to the national panel.")
                .contains(centre.consultant().displayName() + ", Consultant — approved");
        assertThat(stage(patient)).isEqualTo(Stage.ELIGIBILITY_ASSESSED);
        assertThat(consultant.get("/cases/" + patient.therapyCase().id()).body()).contains("data-testid=\"eligibility-panel\"")
                .contains("Re-assess eligibility");
    }

    @Test
    void anOverrideWithoutAReasonOrAWrongPasswordShowsTheErrorAndWritesNothing() {
        Patient patient = fixtures.childInFirstRelapse(centre, Stage.TRIAGED);
        HttpResponse<String> page = consultant.get(path(patient));
        assertThat(page.body()).contains("nhsuk-tag nhsuk-tag--red").contains("Override: the case proceeds to the national panel");

        HttpResponse<String> noReason = consultant.postForm(path(patient), decision(page, "OVERRIDDEN", ""));
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(noReason.body()).contains("There is a problem").contains("Reason is required to override the result");
        Map<String, String> wrong = decision(page, "OVERRIDDEN", "Panel asked to consider it");
        wrong.put("password", "wrong-password");
        HttpResponse<String> refused = consultant.postForm(path(patient), wrong);
        assertThat(refused.body()).contains("The signature was not applied: the password was not correct.")
                .contains("Panel asked to consider it").doesNotContain("wrong-password");
        HttpResponse<String> noDecision = consultant.postForm(path(patient), decision(page, "", ""));
        assertThat(noDecision.body()).contains("Decision is required");
        assertThat(count(patient)).isZero();
        assertThat(stage(patient)).isEqualTo(Stage.TRIAGED);
    }

    @Test
    void missingDataIsShownAsUnknownInGrey() {
        Patient patient = fixtures.childWithoutStatus(centre, Stage.TRIAGED);
        assertThat(consultant.get(path(patient)).body()).contains("nhsuk-tag nhsuk-tag--grey").contains("no disease status recorded");
    }

    @Test
    void othersSeeTheRecordedAssessmentsButNoFormAndOtherCentresNothing() {
        Patient patient = fixtures.eligibleChild(centre);
        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> page = coordinator.get(path(patient));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Assessment <span>1</span>").doesNotContain("data-testid=\"decision-form\"");
        Centre other = fixtures.centre();
        Http otherConsultant = Http.signedIn(port, other.consultant().username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> hidden = otherConsultant.get(path(patient));
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain(ReferralFixtures.FAMILY_NAME).doesNotContain("KYMRIAH-UK");
        assertThat(otherConsultant.postForm(path(patient), Map.of("decision", "CONFIRMED", "password",
                IdentityFixtures.PASSWORD)).statusCode()).isEqualTo(404);
        assertThat(count(patient)).isEqualTo(1);
    }

    private static String path(Patient patient) {
        return "/cases/" + patient.therapyCase().id() + "/eligibility";
    }

    private static Map<String, String> decision(HttpResponse<String> page, String decision, String reason) {
        Matcher digest = DIGEST.matcher(page.body());
        assertThat(digest.find()).as("the page carries the digest of what it shows").isTrue();
        Map<String, String> form = new HashMap<>();
        form.put("productCode", "KYMRIAH");
        form.put("indication", "B_ALL");
        form.put("jurisdiction", "UK");
        form.put("evaluationDigest", digest.group(1));
        form.put("decision", decision);
        form.put("reason", reason);
        form.put("password", IdentityFixtures.PASSWORD);
        return form;
    }

    private long count(Patient patient) {
        return jdbc.sql("select count(*) from eligibility_assessment where case_id = ?")
                .param(patient.therapyCase().id().value()).query(Long.class).single();
    }

    private Stage stage(Patient patient) {
        return journey.get(centre.coordinatorActor(), patient.therapyCase().id()).therapyCase().stage();
    }
}
