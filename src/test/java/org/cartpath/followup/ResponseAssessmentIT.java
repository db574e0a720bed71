package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.Stage;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.treatment.InfusedCases;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Disease response assessments after infusion (docs/clinical/response-assessment.md): the story's day-28 marrow, a
 * correction as a new version, the refusals (nothing stored), and who may record and read.
 */
@CartpathIntegrationTest
class ResponseAssessmentIT {

    @LocalServerPort
    int port;

    @Autowired
    InfusedCases infusions;

    @Autowired
    CaseFixtures cases;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static String responses(CaseId id) {
        return "/api/v1/cases/" + id + "/follow-up/responses";
    }

    private LocalDate dayZero(Http http, CaseId id) {
        return LocalDate.parse(Http.json(http.get("/api/v1/cases/" + id + "/follow-up")).get("dayZero").asText());
    }

    private long stored(CaseId id) {
        return jdbc.sql("select count(*) from followup_response_assessment where case_id = ?").param(id.value())
                .query(Long.class).single();
    }

    private long audits(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Long.class).single();
    }

    /** The story's day-28 marrow: 0 % blasts, flow MRD 0.005 %, counts recovered. */
    private static Map<String, Object> day28Marrow() {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("marrowBlastsPercent", 0);
        inputs.put("circulatingBlasts", false);
        inputs.put("extramedullaryDisease", false);
        inputs.put("ancPerMicrolitre", 1500);
        inputs.put("plateletsPerMicrolitre", 120000);
        inputs.put("mrdPercent", 0.005);
        return inputs;
    }

    private static Map<String, Object> bAll(LocalDate on, Map<String, Object> inputs) {
        Map<String, Object> body = new HashMap<>();
        body.put("assessedOn", on.toString());
        body.put("framework", "B_ALL");
        body.put("inputs", inputs);
        return body;
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    @Test
    void theDay28MarrowIsAnMrdNegativeCompleteRemissionAndTheBestResponseSeenByTheCentreAndTheReferrer() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        clock.advance(Duration.ofDays(28));
        Http consultant = as(p.world().consultant());
        LocalDate day28 = dayZero(consultant, id).plusDays(28);
        Map<String, Object> marrow = day28Marrow();
        // NGS MRD below its assay's sensitivity of 10^-6 (0.0001 %): recorded beside the flow MRD, negative
        marrow.put("ngsMrdPercent", 0);
        marrow.put("ngsMrdSensitivityPercent", 0.0001);
        Map<String, Object> body = bAll(day28, marrow);
        body.put("sourceDocument", "Marrow report BM-2026-0412");

        JsonNode saved = created(consultant.postJson(responses(id), body));
        assertThat(saved.get("inputs").get("ngsMrdNegative").asBoolean()).isTrue();
        assertThat(saved.get("inputs").get("ngsMrdSensitivityPercent").decimalValue()).isEqualByComparingTo("0.0001");

        assertThat(saved.get("category").asText()).isEqualTo("MRD_NEGATIVE_COMPLETE_REMISSION");
        assertThat(saved.get("derivedCategory").asText()).isEqualTo("MRD_NEGATIVE_COMPLETE_REMISSION");
        assertThat(saved.get("version").asInt()).isEqualTo(1);
        assertThat(saved.get("inputs").get("mrdPercent").decimalValue()).isEqualByComparingTo("0.005");
        assertThat(saved.get("sourceDocument").asText()).isEqualTo("Marrow report BM-2026-0412");
        assertThat(saved.get("recordedBy").asText()).isEqualTo(p.world().consultant().displayName());
        assertThat(audits("FOLLOW_UP_RESPONSE_RECORDED")).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'FOLLOW_UP_RESPONSE_RECORDED' and"
                + " entity_id = ?").param(saved.get("responseId").asText()).query(Long.class).single()).isEqualTo(1);

        JsonNode history = Http.json(as(p.world().referrer()).get(responses(id)));
        assertThat(history.get("latest").get("responseId").asText()).isEqualTo(saved.get("responseId").asText());
        assertThat(history.get("best")).hasSize(1);
        assertThat(history.get("best").get(0).get("category").asText()).isEqualTo("MRD_NEGATIVE_COMPLETE_REMISSION");
        assertThat(history.get("best").get(0).get("since").asText()).isEqualTo(day28.toString());

        String page = consultant.get("/cases/" + id).body();
        assertThat(page).contains("data-testid=\"follow-up-best-response\"")
                .contains("MRD-negative complete remission, since");
    }

    @Test
    void theBestResponseIsTheHighestCategoryNotTheLatest() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        clock.advance(Duration.ofDays(60));
        Http consultant = as(p.world().consultant());
        LocalDate zero = dayZero(consultant, id);
        Map<String, Object> cri = day28Marrow();
        cri.put("plateletsPerMicrolitre", 40000);
        cri.remove("mrdPercent");
        created(consultant.postJson(responses(id), bAll(zero.plusDays(14), cri)));
        created(consultant.postJson(responses(id), bAll(zero.plusDays(28), day28Marrow())));
        Map<String, Object> relapse = day28Marrow();
        relapse.put("marrowBlastsPercent", 30);
        created(consultant.postJson(responses(id), bAll(zero.plusDays(56), relapse)));

        JsonNode history = Http.json(consultant.get(responses(id)));

        assertThat(history.get("latest").get("category").asText()).isEqualTo("NO_REMISSION");
        assertThat(history.get("best").get(0).get("category").asText()).isEqualTo("MRD_NEGATIVE_COMPLETE_REMISSION");
        assertThat(history.get("best").get(0).get("since").asText()).isEqualTo(zero.plusDays(28).toString());
        assertThat(history.get("current")).hasSize(3);
        assertThat(history.get("current").get(0).get("category").asText())
                .isEqualTo("COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY");
    }

    @Test
    void aCorrectionIsANewVersionWithItsReasonAndTheOldVersionIsKept() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        clock.advance(Duration.ofDays(28));
        Http consultant = as(p.world().consultant());
        LocalDate day28 = dayZero(consultant, id).plusDays(28);
        Map<String, Object> typo = day28Marrow();
        typo.put("plateletsPerMicrolitre", 12000);
        JsonNode first = created(consultant.postJson(responses(id), bAll(day28, typo)));
        assertThat(first.get("category").asText()).isEqualTo("COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY");
        String corrections = responses(id) + "/" + first.get("responseId").asText() + "/corrections";

        // without a reason: refused, nothing stored
        assertProblem(consultant.postJson(corrections, bAll(day28, day28Marrow())), 400, "invalid-request", "reason");
        assertThat(stored(id)).isEqualTo(1);

        Map<String, Object> body = bAll(day28, day28Marrow());
        body.put("reason", "Platelets were 120,000/µL, mistyped as 12,000");
        body.put("expectedVersion", 1);
        JsonNode corrected = created(consultant.postJson(corrections, body));

        assertThat(corrected.get("version").asInt()).isEqualTo(2);
        assertThat(corrected.get("responseId").asText()).isEqualTo(first.get("responseId").asText());
        assertThat(corrected.get("category").asText()).isEqualTo("MRD_NEGATIVE_COMPLETE_REMISSION");
        assertThat(corrected.get("correctionReason").asText()).isEqualTo("Platelets were 120,000/µL, mistyped as 12,000");
        JsonNode history = Http.json(consultant.get(responses(id)));
        assertThat(history.get("current")).hasSize(1);
        assertThat(history.get("current").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("versions").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(history.get("versions").get(0).get("category").asText())
                .isEqualTo("COMPLETE_REMISSION_INCOMPLETE_COUNT_RECOVERY");
        assertThat(history.get("best").get(0).get("category").asText()).isEqualTo("MRD_NEGATIVE_COMPLETE_REMISSION");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'FOLLOW_UP_RESPONSE_CORRECTED' and"
                + " entity_id = ?").param(first.get("responseId").asText()).query(Long.class).single()).isEqualTo(1);

        // a stale version and a change of framework are refused
        body.put("reason", "again");
        assertProblem(consultant.postJson(corrections, body), 409, "stale-version");
        Map<String, Object> pet = new HashMap<>(Map.of("assessedOn", day28.toString(), "framework", "LUGANO_2014_PET",
                "inputs", Map.of("deauvilleScore", 2, "uptakeComparedWithBaseline", "REDUCED", "newLesions", false),
                "reason", "wrong framework"));
        assertProblem(consultant.postJson(corrections, pet), 422, "framework-changed", "framework");
        assertThat(stored(id)).isEqualTo(2);
    }

    @Test
    void aCategoryOtherThanTheDerivedOneNeedsAReasonAndTheConsultantsSignature() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        clock.advance(Duration.ofDays(28));
        Http consultant = as(p.world().consultant());
        LocalDate day28 = dayZero(consultant, id).plusDays(28);
        Map<String, Object> body = bAll(day28, day28Marrow());
        body.put("category", "COMPLETE_REMISSION");

        assertProblem(consultant.postJson(responses(id), body), 400, "invalid-request", "categoryReason");
        body.put("categoryReason", "The MRD sample was haemodilute; not evaluable");
        assertProblem(consultant.postJson(responses(id), body), 400, "invalid-request", "password");
        body.put("password", "not the password");
        assertProblem(consultant.postJson(responses(id), body), 422, "signature-refused");
        assertThat(stored(id)).isZero();

        body.put("password", IdentityFixtures.PASSWORD);
        JsonNode saved = created(consultant.postJson(responses(id), body));

        assertThat(saved.get("category").asText()).isEqualTo("COMPLETE_REMISSION");
        assertThat(saved.get("derivedCategory").asText()).isEqualTo("MRD_NEGATIVE_COMPLETE_REMISSION");
        assertThat(saved.get("signatureId").isNull()).isFalse();
        assertThat(jdbc.sql("select meaning from electronic_signature where id = ?::uuid")
                .param(saved.get("signatureId").asText()).query(String.class).single()).isEqualTo("OVERRIDDEN");
    }

    @Test
    void aDateBeforeDay0OrInTheFutureAndContradictoryInputsAreRefusedNamingTheFieldAndNothingIsStored() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        Http consultant = as(p.world().consultant());
        LocalDate zero = dayZero(consultant, id);

        assertProblem(consultant.postJson(responses(id), bAll(zero.minusDays(1), day28Marrow())), 400,
                "invalid-request", "assessedOn");
        assertProblem(consultant.postJson(responses(id), bAll(zero.plusDays(30), day28Marrow())), 400,
                "invalid-request", "assessedOn");
        Map<String, Object> missing = day28Marrow();
        missing.remove("ancPerMicrolitre");
        assertProblem(consultant.postJson(responses(id), bAll(zero, missing)), 400, "invalid-request",
                "inputs.ancPerMicrolitre");
        Map<String, Object> tooMany = day28Marrow();
        tooMany.put("marrowBlastsPercent", 101);
        assertProblem(consultant.postJson(responses(id), bAll(zero, tooMany)), 400, "invalid-request",
                "inputs.marrowBlastsPercent");
        Map<String, Object> ngsWithoutSensitivity = day28Marrow();
        ngsWithoutSensitivity.put("ngsMrdPercent", 0.00001);
        assertProblem(consultant.postJson(responses(id), bAll(zero, ngsWithoutSensitivity)), 400, "invalid-request",
                "inputs.ngsMrdSensitivityPercent");
        Map<String, Object> imwg = new HashMap<>();
        imwg.put("baselineSerumMProteinGPerDl", 3.0);
        imwg.put("currentSerumMProteinGPerDl", 1.0);
        imwg.put("nadirSerumMProteinGPerDl", 3.5);
        imwg.put("baselineUrineMProteinMgPer24h", 0);
        imwg.put("currentUrineMProteinMgPer24h", 0);
        imwg.put("serumImmunofixationNegative", false);
        imwg.put("urineImmunofixationNegative", true);
        assertProblem(consultant.postJson(responses(id), Map.of("assessedOn", zero.toString(), "framework",
                "IMWG_2016", "inputs", imwg)), 422, "inconsistent-calculator-input", "inputs.nadirSerumMProteinGPerDl");

        assertThat(stored(id)).isZero();
    }

    @Test
    void aCaseNotYetInfusedHasNoDay0AndIsRefusedWithConflict() {
        World w = cases.caseAt(Stage.LYMPHODEPLETION, new BigDecimal("24"));
        CaseId id = w.therapyCase().id();

        assertProblem(as(w.consultant()).postJson(responses(id), bAll(LocalDate.now(), day28Marrow())), 409,
                "case-not-infused");

        assertThat(stored(id)).isZero();
    }

    @Test
    void anotherCentreGets404TheManufacturerSeesNothingAndOnlyTheConsultantRecords() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        Http consultant = as(p.world().consultant());
        LocalDate zero = dayZero(consultant, id);
        created(consultant.postJson(responses(id), bAll(zero, day28Marrow())));
        World elsewhere = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24"));

        assertProblem(as(elsewhere.consultant()).postJson(responses(id), bAll(zero, day28Marrow())), 404,
                "not-found");
        assertProblem(as(elsewhere.consultant()).get(responses(id)), 404, "not-found");
        assertProblem(as(p.world().operator()).get(responses(id)), 404, "not-found");
        assertProblem(as(p.world().operator()).postJson(responses(id), bAll(zero, day28Marrow())), 404, "not-found");
        assertProblem(as(p.world().referrer()).postJson(responses(id), bAll(zero, day28Marrow())), 404, "not-found");
        assertProblem(as(p.world().nurse()).postJson(responses(id), bAll(zero, day28Marrow())), 403, "forbidden");
        assertProblem(as(p.world().pharmacist()).get(responses(id)), 403, "forbidden");

        assertThat(stored(id)).isEqualTo(1);
        assertThat(Http.json(as(p.world().nurse()).get(responses(id))).get("current")).hasSize(1);
    }

    @Test
    void theConsultantRecordsABAllResponseOnThePageWithErrorsInTheFormsOwnLabels() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        Http consultant = as(p.world().consultant());
        LocalDate zero = dayZero(consultant, id);
        assertThat(consultant.get("/cases/" + id).body()).contains("data-testid=\"record-response-link\"");
        assertThat(as(p.world().referrer()).get("/cases/" + id).body())
                .contains("data-testid=\"follow-up-latest-response\"").doesNotContain("record-response-link");
        assertThat(consultant.get("/cases/" + id + "/follow-up/responses/new").body())
                .contains("data-testid=\"response-form\"");

        Map<String, String> form = new HashMap<>(Map.of("assessedOn", zero.plusDays(3).toString(),
                "marrowBlastsPercent", "zero", "circulatingBlasts", "false", "ancPerMicrolitre", "1500",
                "plateletsPerMicrolitre", "120000", "mrdPercent", "0.005"));
        HttpResponse<String> refused = consultant.postForm("/cases/" + id + "/follow-up/responses", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem").contains("Marrow blasts (%) must be a number");
        form.put("marrowBlastsPercent", "0");
        refused = consultant.postForm("/cases/" + id + "/follow-up/responses", form);
        assertThat(refused.body()).contains("Extramedullary disease is required");
        form.put("extramedullaryDisease", "false");
        refused = consultant.postForm("/cases/" + id + "/follow-up/responses", form);
        assertThat(refused.body()).contains("Date of the assessment cannot be in the future");
        assertThat(stored(id)).isZero();

        form.put("assessedOn", zero.toString());
        HttpResponse<String> done = consultant.postForm("/cases/" + id + "/follow-up/responses", form);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(stored(id)).isEqualTo(1);
        assertThat(consultant.get("/cases/" + id).body()).contains("MRD-negative complete remission");
    }

    @Test
    void theCasePageOffersTheFrameworkOfTheIndicationAndTheConsultantRecordsLuganoAndImwgOnThePage() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        Http consultant = as(p.world().consultant());
        LocalDate zero = dayZero(consultant, id);
        String indication = jdbc.sql("select indication from therapy_case where id = ?").param(id.value())
                .query(String.class).optional().orElse(null);
        ResponseFramework fitting = ResponseFramework.forIndication(indication).orElse(ResponseFramework.B_ALL);
        String casePage = consultant.get("/cases/" + id).body();
        assertThat(casePage).containsPattern("href=\"[^\"]*framework=" + fitting.name()
                + "\"[^>]*data-testid=\"record-response-link\"");
        for (ResponseFramework other : ResponseFramework.values()) {
            if (other != fitting) {
                assertThat(casePage).contains("data-testid=\"record-response-" + other.name() + "\"");
            }
        }
        assertThat(consultant.get("/cases/" + id + "/follow-up/responses/new?framework=LUGANO_2014_PET").body())
                .contains("Deauville score").contains("value=\"LUGANO_2014_PET\"");
        assertThat(as(cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24")).consultant())
                .get("/cases/" + id + "/follow-up/responses/new?framework=IMWG_2016").statusCode()).isEqualTo(404);

        Map<String, String> pet = new HashMap<>(Map.of("framework", "LUGANO_2014_PET", "assessedOn", zero.toString(),
                "uptakeComparedWithBaseline", "REDUCED", "newLesions", "false"));
        HttpResponse<String> refused = consultant.postForm("/cases/" + id + "/follow-up/responses", pet);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem").contains("Deauville score is required")
                .contains("value=\"LUGANO_2014_PET\"");
        pet.put("deauvilleScore", "4");
        pet.put("category", "COMPLETE_METABOLIC_RESPONSE");
        refused = consultant.postForm("/cases/" + id + "/follow-up/responses", pet);
        assertThat(refused.body()).contains("Reason for a different category");
        Map<String, String> imwg = new HashMap<>(Map.of("framework", "IMWG_2016", "assessedOn", zero.toString(),
                "baselineSerumMProteinGPerDl", "4", "currentSerumMProteinGPerDl", "1", "nadirSerumMProteinGPerDl",
                "5", "baselineUrineMProteinMgPer24h", "500", "currentUrineMProteinMgPer24h", "100",
                "serumImmunofixationNegative", "false", "urineImmunofixationNegative", "false"));
        refused = consultant.postForm("/cases/" + id + "/follow-up/responses", imwg);
        assertThat(refused.body()).contains("Serum M-protein nadir (g/dL) cannot be above");
        assertThat(stored(id)).isZero();

        pet.put("categoryReason", "Residual uptake is inflammatory on biopsy");
        pet.put("password", IdentityFixtures.PASSWORD);
        assertThat(consultant.postForm("/cases/" + id + "/follow-up/responses", pet).statusCode()).isEqualTo(302);
        imwg.remove("nadirSerumMProteinGPerDl");
        assertThat(consultant.postForm("/cases/" + id + "/follow-up/responses", imwg).statusCode()).isEqualTo(302);

        JsonNode history = Http.json(consultant.get(responses(id)));
        assertThat(history.get("current")).hasSize(2);
        assertThat(history.get("current").findValuesAsString("derivedCategory"))
                .containsExactlyInAnyOrder("PARTIAL_METABOLIC_RESPONSE", "PARTIAL_RESPONSE");
        assertThat(history.get("current").findValuesAsString("category"))
                .containsExactlyInAnyOrder("COMPLETE_METABOLIC_RESPONSE", "PARTIAL_RESPONSE");
        assertThat(consultant.get("/cases/" + id).body())
                .contains("Complete metabolic response (Lymphoma, Lugano 2014 (PET-CT))")
                .contains("Partial response (Myeloma, IMWG 2016)");
    }
}
