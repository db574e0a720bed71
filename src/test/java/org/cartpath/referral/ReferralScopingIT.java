package org.cartpath.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.PartyRole;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
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

/**
 * Who sees a referral: the referring hospital and the centre, nobody else (404 in the API and the pages,
 * with nothing of the patient in any answer); manufacturers never, not even once they are a party to the case.
 */
@CartpathIntegrationTest
class ReferralScopingIT {

    static final String MANUFACTURER_TOKEN = "cpt_demonovartis_demo0novartis0manufacturing0token0a1";

    @LocalServerPort
    int port;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseJourney journey;

    Organisation hospitalA;
    Organisation centre;
    Http asA;
    Http asCentre;
    String nhs;
    String referral;
    String caseId;
    String attachment;

    @BeforeEach
    void hospitalAReferrsACanaryPatientWithALetter() {
        hospitalA = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        centre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        asA = Http.signedIn(port, fixtures.user(hospitalA, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        asCentre = Http.signedIn(port, fixtures.user(centre, Role.COORDINATOR).username(), IdentityFixtures.PASSWORD);
        nhs = PatientTestData.nhsNumber();
        Map<String, Object> body = new HashMap<>(ReferralTestData.referral(nhs, "Canarywren", centre.id().toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> patient = new HashMap<>((Map<String, Object>) body.get("patient"));
        patient.put("givenName", "Zephyrine");
        patient.put("dateOfBirth", "2016-11-11");
        patient.put("address", Map.of("line1", "7 Canary Wharf Lane", "postcode", "ZZ9 9ZZ"));
        body.put("patient", patient);
        body.put("clinicalSummary", "Canary summary: Zephyrine relapsed twice.");
        JsonNode created = Http.json(asA.postJson("/api/v1/referrals", body));
        referral = created.get("id").asText();
        caseId = created.get("caseId").asText();
        attachment = Http.json(asA.send("POST", "/api/v1/referrals/" + referral + "/attachments?fileName=Canarywren-letter.pdf",
                "application/pdf", ReferralTestData.pdf("Canarywren letter"), Map.of())).get("id").asText();
        asCentre.postJson("/api/v1/referrals/" + referral + "/triage-decision",
                Map.of("decision", "REQUEST_INFORMATION", "question", "Canary question about Zephyrine?"));
    }

    @Test
    void anotherHospitalGetsNotFoundEverywhereInTheApiAndThePages() {
        Organisation hospitalB = fixtures.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Http asB = Http.signedIn(port, fixtures.user(hospitalB, Role.REFERRER).username(), IdentityFixtures.PASSWORD);
        List<HttpResponse<String>> responses = everyReferralRequest(asB, true);
        responses.add(asB.get("/api/v1/cases/" + caseId + "/timeline"));
        responses.add(asB.get("/cases/" + caseId));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(404));
        assertThat(asB.download("/referrals/" + referral + "/attachments/" + attachment).statusCode()).isEqualTo(404);
        assertThat(asB.download("/api/v1/referrals/" + referral + "/attachments/" + attachment).statusCode()).isEqualTo(404);
        List<HttpResponse<String>> lists = List.of(asB.get("/api/v1/referrals"), asB.get("/referrals"), asB.get("/"));
        assertThat(lists).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(Http.json(lists.get(0)).get("total").asInt()).isZero();
        responses.addAll(lists);
        assertNoCanary(responses);
        assertThat(jdbc.sql("select count(*) from referral_message where referral_id = ?::uuid").param(referral)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from referral_attachment where referral_id = ?::uuid").param(referral)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select status from referral where id = ?::uuid").param(referral).query(String.class).single())
                .isEqualTo("MORE_INFORMATION_REQUESTED");
        assertThat(jdbc.sql("select count(*) from data_access where organisation_id = ?").param(hospitalB.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherCentreGetsNotFoundToo() {
        Organisation otherCentre = fixtures.organisation(OrganisationKind.TREATMENT_CENTRE);
        Http stranger = Http.signedIn(port, fixtures.user(otherCentre, Role.COORDINATOR, Role.REFERRER).username(),
                IdentityFixtures.PASSWORD);
        List<HttpResponse<String>> responses = everyReferralRequest(stranger, true);
        responses.add(stranger.get("/cases/" + caseId));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(404));
        assertNoCanary(responses);
    }

    @Test
    void aManufacturerSeesNoReferralEvenAsAPartyToTheCase() {
        OrganisationId novartis = new OrganisationId(jdbc.sql(
                "select id from organisation where name = 'Novartis Cell Therapy (demo)'").query(java.util.UUID.class).single());
        journey.addParty(Actor.system("test"), CaseId.of(caseId), novartis, PartyRole.MANUFACTURER);
        Http person = Http.signedIn(port, "manufacturer", "cartpath-demo");
        Http system = Http.token(port, MANUFACTURER_TOKEN);
        List<HttpResponse<String>> responses = new ArrayList<>(everyReferralRequest(system, false));
        responses.addAll(everyReferralRequest(person, true));
        for (Http manufacturer : List.of(system, person)) {
            responses.add(manufacturer.get("/api/v1/referrals"));
            responses.add(manufacturer.postJson("/api/v1/referrals", ReferralTestData.referral(PatientTestData.nhsNumber(),
                    "Manufactured", centre.id().toString())));
        }
        responses.add(person.get("/referrals"));
        responses.add(person.get("/referrals/new"));
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(404));
        // the case itself they see pseudonymised: no patient, no referral panel
        List<HttpResponse<String>> cases = List.of(person.get("/cases/" + caseId), system.get("/api/v1/cases/" + caseId),
                system.get("/api/v1/cases/" + caseId + "/timeline"), person.get("/"));
        assertThat(cases).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200));
        assertThat(cases.get(0).body()).doesNotContain("data-testid=\"case-referral\"", "/referrals/", "/patients/");
        assertThat(Http.json(cases.get(1)).get("therapyCase").get("patientId").isNull()).isTrue();
        responses.addAll(cases);
        assertNoCanary(responses);
        assertThat(jdbc.sql("select count(*) from patient where family_name = 'Manufactured'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theReferrerAndTheCentreSeeIt() {
        assertThat(asA.get("/referrals/" + referral).body()).contains("CANARYWREN, Zephyrine", "Canary question");
        assertThat(asCentre.get("/referrals/" + referral + "/triage").body()).contains("CANARYWREN, Zephyrine");
        assertThat(asCentre.get("/cases/" + caseId).body()).contains("data-testid=\"case-referral\"", "Canary summary");
        assertThat(asA.download("/referrals/" + referral + "/attachments/" + attachment).body())
                .isEqualTo(ReferralTestData.pdf("Canarywren letter"));
        // downloads are logged
        assertThat(jdbc.sql("select count(*) from data_access where entity_type = 'ReferralAttachment' and entity_id = ?")
                .param(attachment).query(Long.class).single()).isEqualTo(1);
    }

    private List<HttpResponse<String>> everyReferralRequest(Http as, boolean pages) {
        String base = "/api/v1/referrals/" + referral;
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(as.get(base));
        responses.add(as.get(base + "/messages"));
        responses.add(as.get(base + "/attachments"));
        responses.add(as.get(base + "/attachments/" + attachment));
        responses.add(as.postJson(base + "/triage-decision", Map.of("decision", "ACCEPT")));
        responses.add(as.postJson(base + "/messages", Map.of("answer", "Hostile answer")));
        responses.add(as.send("POST", base + "/attachments?fileName=x.pdf", "application/pdf", ReferralTestData.pdf("x"),
                Map.of()));
        if (!pages) {
            return responses;
        }
        responses.add(as.get("/referrals/" + referral));
        responses.add(as.get("/referrals/" + referral + "/triage"));
        responses.add(as.get("/referrals/" + referral + "/attachments/" + attachment));
        responses.add(as.postForm("/referrals/" + referral + "/triage", Map.of("decision", "ACCEPT")));
        responses.add(as.postForm("/referrals/" + referral + "/answer", Map.of("answer", "Hostile")));
        String boundary = "scoping-boundary";
        responses.add(as.send("POST", "/referrals/" + referral + "/attachments", "multipart/form-data; boundary=" + boundary,
                ReferralTestData.multipart(boundary, Map.of(), Map.of("file", new Object[] {"x.pdf", "application/pdf",
                        ReferralTestData.pdf("x")})), Map.of()));
        return responses;
    }

    private void assertNoCanary(List<HttpResponse<String>> responses) {
        String[] canaries = {"Canarywren", "CANARYWREN", "Zephyrine", nhs, nhs.substring(0, 3) + " " + nhs.substring(3, 6)
                + " " + nhs.substring(6), "2016-11-11", "11 Nov 2016", "ZZ9 9ZZ", "Canary Wharf", "Canary summary",
                "Canary question"};
        assertThat(responses).allSatisfy(r -> assertThat(r.body()).as(r.uri().toString()).doesNotContain(canaries));
    }
}
