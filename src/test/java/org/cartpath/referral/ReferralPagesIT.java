package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The referral pages: the form and its errors, the referrer's list and page, triage and the question loop, the worklist search. */
@CartpathIntegrationTest
class ReferralPagesIT {

    private static final String BOUNDARY = "referral-form-boundary";

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Organisation hospital;
    Organisation centre;
    Http asReferrer;
    Http asCoordinator;

    @BeforeEach
    void aHospitalAndACentre() {
        hospital = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        asReferrer = Http.signedIn(port, fixtures.user(hospital, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        asCoordinator = Http.signedIn(port, fixtures.user(centre, Role.COORDINATOR).username(), IdentityFixtures.PASSWORD);
    }

    static Map<String, String> form(String nhs, String familyName, String centreId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("patient.nhsNumber", nhs);
        form.put("patient.givenName", "Amira");
        form.put("patient.familyName", familyName);
        form.put("patient.dateOfBirth-day", "2");
        form.put("patient.dateOfBirth-month", "3");
        form.put("patient.dateOfBirth-year", "2017");
        form.put("patient.sex", "FEMALE");
        form.put("patient.address.town", "Leeds");
        form.put("diagnosisCode", "B_ALL");
        form.put("diagnosedOn-day", "4");
        form.put("diagnosedOn-month", "5");
        form.put("diagnosedOn-year", "2023");
        form.put("indication", "B_ALL");
        form.put("productCode", "KYMRIAH");
        form.put("jurisdiction", "UK");
        form.put("centreId", centreId);
        form.put("urgency", "URGENT");
        form.put("clinicalSummary", "Relapsed B-ALL, second relapse.\nCD19 positive.");
        return form;
    }

    private HttpResponse<String> submit(Map<String, String> form, Map<String, Object[]> files) {
        return asReferrer.send("POST", "/referrals", "multipart/form-data; boundary=" + BOUNDARY,
                ReferralTestData.multipart(BOUNDARY, form, files), Map.of());
    }

    @Test
    void theFormSuggestsCentresOfTheReferrersRegionFirst() {
        String page = asReferrer.get("/referrals/new").body();
        assertThat(page).contains("In your region", centre.name(), "Great Ormond Street Hospital for Children",
                "Kymriah (tisagenlecleucel, Novartis)");
        assertThat(page.indexOf(centre.name())).isLessThan(page.indexOf("Great Ormond Street Hospital for Children"));
        assertThat(page).doesNotContain(hospital.name() + "</option>");
        assertThat(asCoordinator.get("/referrals/new").statusCode()).isEqualTo(403);
    }

    @Test
    void theFormOffersOnlyTheProductsLicensedForTheChosenIndicationAndRefusesAnotherInTheProductsLabel() {
        String lbcl = asReferrer.get("/referrals/new/products?indication=LBCL&jurisdiction=UK").body();
        assertThat(lbcl).contains("data-testid=\"product-field\"", "value=\"YESCARTA\"", "value=\"BREYANZI\"",
                "The products licensed for the chosen indication")
                .doesNotContain("value=\"KYMRIAH\"", "value=\"TECARTUS\"", "value=\"ABECMA\"");
        String bAll = asReferrer.get("/referrals/new/products?indication=B_ALL&jurisdiction=UK").body();
        assertThat(bAll).contains("value=\"KYMRIAH\"", "value=\"TECARTUS\"")
                .doesNotContain("value=\"YESCARTA\"", "value=\"ABECMA\"");
        assertThat(asCoordinator.get("/referrals/new/products?indication=LBCL").statusCode()).isEqualTo(403);

        Map<String, String> unlicensed = form(PatientTestData.nhsNumber(), "Unlicensed", centre.id().toString());
        unlicensed.remove("diagnosisCode");
        unlicensed.remove("diagnosedOn-day");
        unlicensed.remove("diagnosedOn-month");
        unlicensed.remove("diagnosedOn-year");
        unlicensed.put("indication", "LBCL");
        HttpResponse<String> refused = submit(unlicensed, Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem", "id=\"productCode-error\"",
                        "Kymriah is not licensed for Large B-cell lymphoma in the UK: choose ")
                .as("the form now offers only the products licensed for LBCL").contains("value=\"YESCARTA\"")
                .doesNotContain("value=\"KYMRIAH\"");
        assertThat(jdbc.sql("select count(*) from referral where referring_organisation_id = ?")
                .param(hospital.id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void anUrgentReferralStandsOutOnTheWorklistTheReferralListAndTheCoordinatorsHome() {
        assertThat(submit(form(PatientTestData.nhsNumber(), "Urgentcase", centre.id().toString()), Map.of())
                .statusCode()).isEqualTo(302);
        Map<String, String> routine = form(PatientTestData.nhsNumber(), "Routinecase", centre.id().toString());
        routine.put("urgency", "ROUTINE");
        assertThat(submit(routine, Map.of()).statusCode()).isEqualTo(302);
        String urgentRef = reference("URGENT");
        String routineRef = reference("ROUTINE");

        String worklist = asCoordinator.get("/worklist").body();
        assertThat(rowOf(worklist, urgentRef)).contains("data-testid=\"case-flag\">Urgent<");
        assertThat(rowOf(worklist, routineRef)).doesNotContain("case-flag");
        String home = asCoordinator.get("/").body();
        assertThat(home).contains("data-testid=\"case-flag\">Urgent<");
        assertThat(home.indexOf("data-testid=\"case-flag\"")).isLessThan(home.indexOf(urgentRef));
        for (Http reader : new Http[] {asReferrer, asCoordinator}) {
            String list = reader.get("/referrals").body();
            assertThat(rowOf(list, urgentRef)).contains("data-testid=\"referral-urgency\">Urgent<");
            assertThat(rowOf(list, routineRef)).doesNotContain("referral-urgency");
        }
    }

    private String reference(String urgency) {
        return jdbc.sql("select c.reference from referral r join therapy_case c on c.id = r.case_id "
                + "where r.centre_id = ? and r.urgency = ?").params(centre.id().value(), urgency).query(String.class)
                .single();
    }

    /** The table row of a page that names the case. */
    private static String rowOf(String page, String reference) {
        int at = page.indexOf(">" + reference + "<");
        assertThat(at).as(reference + " is listed").isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    @Test
    void aReferralWithALetterIsSentAndShownToTheReferrer() {
        String nhs = PatientTestData.nhsNumber();
        HttpResponse<String> sent = submit(form(nhs, "Formfilled", centre.id().toString()),
                Map.of("files", new Object[] {"letter.pdf", "application/pdf", ReferralTestData.pdf("letter")}));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/referrals/[0-9a-f-]{36}$");
        String page = asReferrer.get(location.substring(location.indexOf("/referrals"))).body();
        assertThat(page).contains("has been sent to " + centre.name(), "FORMFILLED, Amira", "letter.pdf",
                "Relapsed B-ALL, second relapse.", "Referred by");
        assertThat(page).contains("data-testid=\"referral-case-stage\">Referred<");
        String list = asReferrer.get("/referrals").body();
        assertThat(list).contains("FORMFILLED, Amira", centre.name(), "Waiting for triage");
        assertThat(asReferrer.get("/").body()).contains("data-testid=\"referrer-home\"", "FORMFILLED, Amira");
    }

    @Test
    void aFormWithErrorsShowsThemAllAndSavesNothing() {
        Map<String, String> empty = new HashMap<>();
        HttpResponse<String> refused = submit(empty, Map.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem", "Treatment centre is required", "Proposed product is required",
                "Clinical summary is required", "Urgency is required");

        String nhs = PatientTestData.nhsNumber();
        Map<String, String> badDate = form(nhs, "Misdated", centre.id().toString());
        badDate.put("patient.dateOfBirth-month", "13");
        assertThat(submit(badDate, Map.of()).body()).contains("Date of birth must be a real date");

        Map<String, String> badPatient = form(nhs, "", centre.id().toString());
        assertThat(submit(badPatient, Map.of()).body()).contains("Family name");

        Map<String, String> toHospital = form(nhs, "Misdirected", hospital.id().toString());
        assertThat(submit(toHospital, Map.of()).body()).contains("must be an active treatment centre")
                .contains("value=\"Misdirected\"");

        HttpResponse<String> textFile = submit(form(nhs, "Texted", centre.id().toString()),
                Map.of("files", new Object[] {"notes.pdf", "application/pdf", "just text".getBytes()}));
        assertThat(textFile.body()).contains("is not a PDF, PNG or JPEG file");
        HttpResponse<String> tooBig = submit(form(nhs, "Oversized", centre.id().toString()),
                Map.of("files", new Object[] {"huge.pdf", "application/pdf",
                        ReferralTestData.pdfOfSize(10 * 1024 * 1024 + 1)}));
        assertThat(tooBig.body()).contains("a file may be at most 10.0 MB");

        assertThat(jdbc.sql("select count(*) from referral where referring_organisation_id = ?")
                .param(hospital.id().value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhs).query(Long.class).single())
                .isZero();
    }

    @Test
    void theCoordinatorTriagesFromTheCasePageAndTheReferrerAnswersTheQuestion() {
        String nhs = PatientTestData.nhsNumber();
        String location = submit(form(nhs, "Looped", centre.id().toString()), Map.of()).headers()
                .firstValue("Location").orElseThrow();
        String referral = location.substring(location.lastIndexOf('/') + 1);
        JsonNode api = Http.json(asCoordinator.get("/api/v1/referrals/" + referral));
        String caseId = api.get("caseId").asText();

        String casePage = asCoordinator.get("/cases/" + caseId).body();
        assertThat(casePage).contains("Triage the referral", "/referrals/" + referral + "/triage",
                "data-testid=\"case-referral\"");
        assertThat(asReferrer.get("/cases/" + caseId).body()).doesNotContain("/referrals/" + referral + "/triage");
        assertThat(asReferrer.get("/referrals/" + referral + "/triage").statusCode()).isEqualTo(403);

        String triage = "/referrals/" + referral + "/triage";
        assertThat(asCoordinator.get(triage).body()).contains("LOOPED, Amira", "Your decision");
        assertThat(asCoordinator.postForm(triage, Map.of()).body()).contains("There is a problem", "Choose whether to accept");
        assertThat(asCoordinator.postForm(triage, Map.of("decision", "REQUEST_INFORMATION")).body())
                .contains("Question is required: say what the centre needs to know");
        HttpResponse<String> asked = asCoordinator.postForm(triage, Map.of("decision", "REQUEST_INFORMATION",
                "question", "Please send the latest MRD."));
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElse("")).endsWith("/cases/" + caseId);

        assertThat(asReferrer.get("/").body()).contains("Questions waiting for your answer", "LOOPED, Amira");
        String referrerPage = asReferrer.get("/referrals/" + referral).body();
        assertThat(referrerPage).contains("The centre asked a question", "Please send the latest MRD.",
                "data-testid=\"unread\"");
        assertThat(asReferrer.get("/referrals/" + referral).body()).doesNotContain("data-testid=\"unread\"");

        assertThat(asReferrer.send("POST", "/referrals/" + referral + "/answer", "multipart/form-data; boundary=" + BOUNDARY,
                ReferralTestData.multipart(BOUNDARY, Map.of("answer", " "), Map.of()), Map.of()).body())
                .contains("Your answer is required");
        HttpResponse<String> answered = asReferrer.send("POST", "/referrals/" + referral + "/answer",
                "multipart/form-data; boundary=" + BOUNDARY, ReferralTestData.multipart(BOUNDARY,
                        Map.of("answer", "MRD 0.4%, report attached."), Map.of("files", new Object[] {"mrd.png", "image/png",
                                ReferralTestData.png()})), Map.of());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
        assertThat(asReferrer.get("/").body()).doesNotContain("Questions waiting for your answer");

        assertThat(asCoordinator.get(triage).body()).contains("MRD 0.4%, report attached.", "mrd.png", "data-testid=\"unread\"");
        HttpResponse<String> accepted = asCoordinator.postForm(triage, Map.of("decision", "ACCEPT"));
        assertThat(accepted.statusCode()).isEqualTo(302);
        String afterwards = asCoordinator.get("/cases/" + caseId).body();
        // the coordinator sees the consultant's next task; the assessment itself is the consultant's action
        assertThat(afterwards).contains("data-testid=\"case-stage\">Triaged<", "Assess eligibility")
                .doesNotContain("/referrals/" + referral + "/triage");
        assertThat(asCoordinator.get(triage).body()).contains("data-testid=\"triage-closed\"");
        assertThat(asReferrer.get("/referrals/" + referral).body()).contains("data-testid=\"referral-case-stage\">Triaged<",
                "Referral accepted by " + centre.name());
    }

    @Test
    void aFileAddedOnTheReferralPageIsCheckedLikeAnyOther() {
        String location = submit(form(PatientTestData.nhsNumber(), "Filed", centre.id().toString()), Map.of()).headers()
                .firstValue("Location").orElseThrow();
        asReferrer.get(location.substring(location.indexOf("/referrals"))); // shows, and so ends, the "sent" message
        String path = location.substring(location.indexOf("/referrals")) + "/attachments";
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        assertThat(asReferrer.send("POST", path, type, ReferralTestData.multipart(BOUNDARY, Map.of(), Map.of()), Map.of())
                .body()).contains("There is a problem", "File is required: choose a file");
        assertThat(asReferrer.send("POST", path, type, ReferralTestData.multipart(BOUNDARY, Map.of(), Map.of("file",
                new Object[] {"notes.png", "image/png", "not an image".getBytes()})), Map.of()).body())
                .contains("is not a PDF, PNG or JPEG file");
        HttpResponse<String> added = asReferrer.send("POST", path, type, ReferralTestData.multipart(BOUNDARY, Map.of(),
                Map.of("file", new Object[] {"scan.jpg", "image/jpeg", ReferralTestData.jpeg()})), Map.of());
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(asReferrer.get(location.substring(location.indexOf("/referrals"))).body())
                .contains("The file has been added to the referral.", "scan.jpg");
        assertThat(asCoordinator.send("POST", path, type, ReferralTestData.multipart(BOUNDARY, Map.of(), Map.of("file",
                new Object[] {"centre.jpg", "image/jpeg", ReferralTestData.jpeg()})), Map.of()).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from referral_attachment a join referral r on r.id = a.referral_id "
                + "where r.referring_organisation_id = ?").param(hospital.id().value()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theWorklistFindsCasesByPatientNameAndNhsNumber() {
        String nhs = PatientTestData.nhsNumber();
        String familyName = "Worklistfind" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        submit(form(nhs, familyName, centre.id().toString()), Map.of());
        String reference = Http.json(asReferrer.get("/api/v1/referrals")).get("items").get(0).get("caseReference").asText();
        assertThat(asCoordinator.get("/worklist?q=" + familyName.toLowerCase()).body()).contains(reference);
        assertThat(asCoordinator.get("/worklist?q=" + nhs).body()).contains(reference);
        assertThat(asCoordinator.get("/worklist?q=" + nhs.substring(0, 3) + "+" + nhs.substring(3, 6) + "+" + nhs.substring(6))
                .body()).contains(reference);
        assertThat(asCoordinator.get("/worklist?q=" + reference).body()).contains(reference);
        assertThat(asCoordinator.get("/worklist?q=Nobodyhere").body()).doesNotContain(reference)
                .contains("data-testid=\"worklist-empty\"");
        JsonNode api = Http.json(asCoordinator.get("/api/v1/worklist?q=" + familyName));
        assertThat(api.get("total").asInt()).isEqualTo(1);
        assertThat(Http.json(asCoordinator.get("/api/v1/worklist?reference=" + reference)).get("total").asInt()).isEqualTo(1);
        // another centre's coordinator finds nothing: the patient is not theirs to see
        Organisation other = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        Http stranger = Http.signedIn(port, fixtures.user(other, Role.COORDINATOR).username(), IdentityFixtures.PASSWORD);
        assertThat(Http.json(stranger.get("/api/v1/worklist?q=" + familyName)).get("total").asInt()).isZero();
    }
}
