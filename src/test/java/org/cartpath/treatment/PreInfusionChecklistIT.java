package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.patient.Consent;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The pre-infusion checklist over the API: automatic items with their evidence, ticks by authorised people with who
 * and when, one signed override by a consultant, withdrawals, the validity period, the consent on record, the
 * centre's own items; bad input, other organisations and replays.
 */
@CartpathIntegrationTest
class PreInfusionChecklistIT {

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    PatientManagement patients;

    @Autowired
    CaseJourney journey;

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

    private static String path(Product p, String rest) {
        return TreatmentStoryIT.path(p, rest);
    }

    private static JsonNode item(JsonNode checklist, String code) {
        for (JsonNode item : checklist.get("items")) {
            if (item.get("item").get("code").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item " + code + " in " + checklist);
    }

    private long entries(Product p) {
        return jdbc.sql("select count(*) from pre_infusion_checklist_entry where case_id = ?").param(p.caseId().value())
                .query(Long.class).single();
    }

    private Product received() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        return p;
    }

    @Test
    void automaticItemsShowTheirEvidenceAndPeopleTickTheRest() {
        Product p = received();
        Http nurse = as(p.world().nurse());
        JsonNode checklist = Http.json(nurse.get(path(p, "/pre-infusion-checklist")));
        assertThat(checklist.get("items").size()).isEqualTo(7);
        assertThat(item(checklist, "PRODUCT_RECEIVED").get("state").asText()).isEqualTo("DONE_BY_CARTPATH");
        assertThat(item(checklist, "PRODUCT_RECEIVED").get("finding").get("evidence").asText())
                .contains("verified by two people");
        assertThat(item(checklist, "QA_RELEASE_ACCEPTED").get("state").asText()).isEqualTo("OPEN");
        assertThat(item(checklist, "QA_RELEASE_ACCEPTED").get("finding").get("evidence").asText())
                .contains(p.lotNumber(), "waits for QA");
        assertThat(item(checklist, "TOCILIZUMAB_ON_SITE").get("finding").get("evidence").asText()).contains("asks for 1");
        assertThat(item(checklist, "CONSENT_CURRENT").get("finding").get("evidence").asText())
                .contains("No consent to treatment is recorded");

        assertProblem(nurse.postJson(path(p, "/pre-infusion-checklist/ticks"), Map.of("itemCode", "PRODUCT_RECEIVED")),
                422, "item-not-tickable");
        assertProblem(nurse.postJson(path(p, "/pre-infusion-checklist/ticks"), Map.of("itemCode", "QA_RELEASE_ACCEPTED")),
                422, "item-not-tickable");
        JsonNode ticked = TreatmentStoryIT.created(nurse.postJson(path(p, "/pre-infusion-checklist/ticks"),
                Map.of("itemCode", "OBSERVATIONS_WITHIN_LIMITS", "note", "T 36.8, HR 96, BP 104/62, SpO2 99%")));
        JsonNode observations = item(ticked, "OBSERVATIONS_WITHIN_LIMITS");
        assertThat(observations.get("state").asText()).isEqualTo("TICKED");
        assertThat(observations.get("entry").get("byName").asText()).isEqualTo(p.world().nurse().displayName());
        assertThat(observations.get("entry").get("role").asText()).isEqualTo("WARD_NURSE");
        assertThat(nurse.get("/cases/" + p.caseId() + "/pre-infusion-checklist").body())
                .as("the role by its name on the page").contains(", Ward nurse, ")
                .doesNotContain("ward_nurse", "WARD_NURSE<");

        fixtures.accepted(p);
        fixtures.tocilizumab(p, 1);
        JsonNode after = Http.json(nurse.get(path(p, "/pre-infusion-checklist")));
        assertThat(item(after, "QA_RELEASE_ACCEPTED").get("state").asText()).isEqualTo("DONE_BY_CARTPATH");
        assertThat(item(after, "TOCILIZUMAB_ON_SITE").get("state").asText()).isEqualTo("DONE_BY_CARTPATH");
        assertThat(item(after, "LYMPHODEPLETION_IN_WINDOW").get("state").asText()).isEqualTo("OPEN");

        clock.advance(Duration.ofHours(25));
        JsonNode expired = Http.json(as(p.world().nurse()).get(path(p, "/pre-infusion-checklist")));
        assertThat(item(expired, "OBSERVATIONS_WITHIN_LIMITS").get("state").asText()).isEqualTo("OPEN");
        assertThat(item(expired, "OBSERVATIONS_WITHIN_LIMITS").get("expired").get("byName").asText())
                .isEqualTo(p.world().nurse().displayName());
    }

    @Test
    void aConsultantOverridesOneItemWithASignedReasonAndItIsFlagged() {
        Product p = received();
        Http consultant = as(p.world().consultant());
        String overrides = path(p, "/pre-infusion-checklist/overrides");
        assertProblem(as(p.world().nurse()).postJson(overrides, Map.of("itemCode", "TOCILIZUMAB_ON_SITE", "reason", "x",
                "password", IdentityFixtures.PASSWORD)), 403, "forbidden");
        assertProblem(consultant.postJson(overrides, Map.of("itemCode", "QA_RELEASE_ACCEPTED", "reason", "Urgent",
                "password", IdentityFixtures.PASSWORD)), 422, "item-not-overridable");
        assertProblem(consultant.postJson(overrides, Map.of("itemCode", "TOCILIZUMAB_ON_SITE", "password",
                IdentityFixtures.PASSWORD)), 400, "invalid-request", "reason");
        assertProblem(consultant.postJson(overrides, Map.of("itemCode", "TOCILIZUMAB_ON_SITE", "reason", "x")), 400,
                "invalid-request", "password");
        assertProblem(consultant.postJson(overrides, Map.of("itemCode", "TOCILIZUMAB_ON_SITE", "reason", "x", "password",
                "wrong")), 422, "signature-refused");
        assertThat(entries(p)).isZero();

        JsonNode overridden = TreatmentStoryIT.created(consultant.postJson(overrides, Map.of("itemCode", "TOCILIZUMAB_ON_SITE",
                "reason", "Second dose arriving from pharmacy stores within the hour", "password", IdentityFixtures.PASSWORD)));
        assertThat(item(overridden, "TOCILIZUMAB_ON_SITE").get("state").asText()).isEqualTo("OVERRIDDEN");
        assertThat(jdbc.sql("select meaning from electronic_signature where record_type = 'PreInfusionChecklistOverride'"
                + " and record_id = ?").param(item(overridden, "TOCILIZUMAB_ON_SITE").get("entry").get("id").asText())
                .query(String.class).single()).isEqualTo("OVERRIDDEN");
        assertThat(journey.timeline(Actor.system("test"), p.caseId()))
                .anyMatch(e -> e.kind().equals("CHECKLIST_ITEM_OVERRIDDEN"));
        assertProblem(consultant.postJson(overrides, Map.of("itemCode", "OBSERVATIONS_WITHIN_LIMITS", "reason", "x",
                "password", IdentityFixtures.PASSWORD)), 422, "item-not-overridable");
        JsonNode path = Http.json(consultant.get(path(p, "/path-to-infusion")));
        assertThat(path.get("flags").toString()).contains("overridden by " + p.world().consultant().displayName());

        assertProblem(as(p.world().nurse()).postJson(path(p, "/pre-infusion-checklist/withdrawals"), Map.of("itemCode",
                "TOCILIZUMAB_ON_SITE", "reason", "Stock arrived")), 403, "forbidden");
        JsonNode withdrawn = TreatmentStoryIT.created(consultant.postJson(path(p, "/pre-infusion-checklist/withdrawals"),
                Map.of("itemCode", "TOCILIZUMAB_ON_SITE", "reason", "Stock arrived")));
        assertThat(item(withdrawn, "TOCILIZUMAB_ON_SITE").get("state").asText()).isEqualTo("OPEN");
        assertThat(item(withdrawn, "OBSERVATIONS_WITHIN_LIMITS").get("mayOverride").asBoolean()).isTrue();
    }

    @Test
    void aConsentWithdrawnOnRecordCanBeNeitherTickedNorOverridden() {
        Product p = received();
        Actor consultant = p.world().actor(p.world().consultant());
        patients.record(consultant, p.world().patientId(), new Consent(Consent.Type.TREATMENT, Consent.Decision.GIVEN,
                journey.today().minusDays(20), null));
        JsonNode given = Http.json(as(p.world().nurse()).get(path(p, "/pre-infusion-checklist")));
        assertThat(item(given, "CONSENT_CURRENT").get("finding").get("evidence").asText()).contains("given on");
        patients.record(consultant, p.world().patientId(), new Consent(Consent.Type.TREATMENT, Consent.Decision.WITHDRAWN,
                journey.today(), "Family withdrew"));
        assertProblem(as(p.world().nurse()).postJson(path(p, "/pre-infusion-checklist/ticks"),
                Map.of("itemCode", "CONSENT_CURRENT")), 422, "item-not-tickable");
        assertProblem(as(p.world().consultant()).postJson(path(p, "/pre-infusion-checklist/overrides"),
                Map.of("itemCode", "CONSENT_CURRENT", "reason", "x", "password", IdentityFixtures.PASSWORD)), 422,
                "item-not-overridable");
        assertThat(entries(p)).isZero();
    }

    @Test
    void badInputOtherOrganisationsAndStagesAreRefusedAndWriteNothing() {
        Product released = fixtures.released();
        assertProblem(as(released.world().nurse()).postJson(path(released, "/pre-infusion-checklist/ticks"),
                Map.of("itemCode", "OBSERVATIONS_WITHIN_LIMITS")), 409, "not-treatment-stage");
        Product p = received();
        Http nurse = as(p.world().nurse());
        String ticks = path(p, "/pre-infusion-checklist/ticks");
        assertProblem(nurse.postJson(ticks, Map.of()), 400, "invalid-request", "itemCode");
        assertProblem(nurse.postJson(ticks, Map.of("itemCode", "FEELING_LUCKY")), 400, "invalid-request", "itemCode");
        assertProblem(nurse.postJson(ticks, Map.of("itemCode", "OBSERVATIONS_WITHIN_LIMITS", "note", "x".repeat(501))), 400,
                "invalid-request", "note");
        assertProblem(nurse.postJson(path(p, "/pre-infusion-checklist/withdrawals"), Map.of("itemCode",
                "OBSERVATIONS_WITHIN_LIMITS", "reason", "Not ticked")), 409, "nothing-to-withdraw");
        assertProblem(as(p.world().pharmacist()).postJson(ticks, Map.of("itemCode", "OBSERVATIONS_WITHIN_LIMITS")), 403,
                "forbidden");
        for (UserAccount outsider : List.of(released.world().nurse(), p.world().operator(), p.world().referrer())) {
            assertProblem(as(outsider).get(path(p, "/pre-infusion-checklist")), 404, "not-found");
            assertProblem(as(outsider).postJson(ticks, Map.of("itemCode", "OBSERVATIONS_WITHIN_LIMITS")), 404, "not-found");
        }
        assertThat(entries(p)).isZero();

        Map<String, String> key = Map.of("Idempotency-Key", "tick-" + System.nanoTime());
        HttpResponse<String> once = nurse.sendJson("POST", ticks, Map.of("itemCode", "NO_UNCONTROLLED_INFECTION"), key);
        HttpResponse<String> again = nurse.sendJson("POST", ticks, Map.of("itemCode", "NO_UNCONTROLLED_INFECTION"), key);
        assertThat(once.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(once.body());
        assertThat(entries(p)).isEqualTo(1);
    }

    @Test
    void aCentreAddsItsOwnItemsForAProductButCannotDropTheSeven() {
        Product p = received();
        Http qa = as(p.world().qa());
        assertProblem(as(p.world().nurse()).postJson("/api/v1/pre-infusion-checklists", Map.of("items", List.of())), 403,
                "forbidden");
        assertProblem(qa.postJson("/api/v1/pre-infusion-checklists", Map.of("productCode", "ASPIRIN")), 400,
                "invalid-request", "productCode");
        assertProblem(qa.postJson("/api/v1/pre-infusion-checklists", Map.of("items", List.of(Map.of("hint", "no label")))),
                400, "invalid-request", "items[0].label");
        JsonNode configured = TreatmentStoryIT.created(qa.postJson("/api/v1/pre-infusion-checklists", Map.of(
                "productCode", "KYMRIAH", "reason", "Centre protocol v4", "items",
                List.of(Map.of("label", "Central line patent and flushed", "hint", "Before thawing")))));
        assertThat(configured.get("version").asInt()).isEqualTo(1);
        assertThat(configured.get("items").size()).isEqualTo(8);
        JsonNode checklist = Http.json(as(p.world().nurse()).get(path(p, "/pre-infusion-checklist")));
        assertThat(item(checklist, "CUSTOM_1").get("item").get("label").asText()).isEqualTo("Central line patent and flushed");
        assertThat(checklist.get("configuration").get("productCode").asText()).isEqualTo("KYMRIAH");
        JsonNode list = Http.json(qa.get("/api/v1/pre-infusion-checklists"));
        assertThat(list.findValuesAsString("productCode")).contains("KYMRIAH");
        JsonNode elsewhere = Http.json(as(fixtures.released().world().nurse()).get("/api/v1/pre-infusion-checklists"));
        assertThat(elsewhere.size()).as("another centre sees only cartpath's default").isEqualTo(1);
    }
}
