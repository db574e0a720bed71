package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * ADR 0017 over the API, the whole way: the pharmacist plans Kymriah's fludarabine and cyclophosphamide
 * from the child's measurements and verifies the plan; the nurse records each dose; the checklist is ticked; two nurses
 * check the bag at the bedside; the nurse records the infusion, which moves the case to monitoring with day 0 set; the
 * path shows every step and document.
 */
@CartpathIntegrationTest
class TreatmentStoryIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    static String path(Product p, String rest) {
        return "/api/v1/cases/" + p.caseId() + rest;
    }

    /** Released, received, accepted, measured and counted: ready for lymphodepletion. */
    Product ready() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.accepted(p);
        fixtures.measured(p, "24", "120", "35");
        fixtures.tocilizumab(p, 1);
        return p;
    }

    static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return Http.json(response);
    }

    /** Plans with the first day {@code daysAgo} days back, verifies, and records every dose given on its day. */
    static JsonNode planVerifyAndGiveAll(Http pharmacist, Http nurse, Product p, int daysAgo) {
        LocalDate first = LocalDate.now(LONDON).minusDays(daysAgo);
        // the infusion is planned for the earliest day of the window (flu-cy: two days after its last day, day -2),
        // not for the day the case's booking planned weeks ahead
        JsonNode plan = created(pharmacist.postJson(path(p, "/lymphodepletion-plans"), Map.of("anchorOn", first.toString(),
                "plannedInfusionOn", first.plusDays(5).toString())));
        created(pharmacist.postJson(path(p, "/lymphodepletion-plans/" + plan.get("id").asText() + "/verification"),
                Map.of("password", IdentityFixtures.PASSWORD)));
        for (JsonNode dose : plan.get("plan").get("doses")) {
            LocalDate day = LocalDate.parse(dose.get("date").asText());
            created(nurse.postJson(path(p, "/lymphodepletion-administrations"), Map.of("plannedOn", day.toString(),
                    "drug", dose.get("drug").asText(), "status", "GIVEN",
                    "givenAt", day.atTime(10, 0).atZone(LONDON).toInstant().toString())));
        }
        return plan;
    }

    static void tickManualItems(Http nurse, Product p) {
        for (String item : List.of("NO_UNCONTROLLED_INFECTION", "CONSENT_CURRENT", "OBSERVATIONS_WITHIN_LIMITS")) {
            created(nurse.postJson(path(p, "/pre-infusion-checklist/ticks"), Map.of("itemCode", item)));
        }
    }

    static Map<String, Object> infusion(Instant start) {
        return Map.of("startedAt", start.toString(), "endedAt", start.plus(20, ChronoUnit.MINUTES).toString(),
                "bagsUsed", 1, "password", IdentityFixtures.PASSWORD, "reactions", "Mild rigors, settled");
    }

    @Test
    void fromAReleasedProductToAnInfusionAndMonitoring() {
        Product p = ready();
        Http pharmacist = as(p.world().pharmacist());
        Http nurse = as(p.world().nurse());

        JsonNode plan = planVerifyAndGiveAll(pharmacist, nurse, p, 6);
        assertThat(plan.get("plan").get("bsaM2").decimalValue()).isEqualByComparingTo("0.894");
        // a child of 9: the bedside Schwartz eGFR, 36.5 × 120 cm / 35 µmol/L = 125.1 mL/min/1.73 m²
        // (docs/clinical/renal-function.md), not the adult Cockcroft–Gault clearance (93.4 mL/min)
        assertThat(plan.get("plan").get("creatinineClearanceMlPerMin").decimalValue()).isEqualByComparingTo("125.1");
        assertThat(plan.get("inputs").get("renalMethod").asText()).isEqualTo("BEDSIDE_SCHWARTZ_2009");
        assertThat(plan.get("plan").get("doses").findValuesAsString("mg")).containsExactlyInAnyOrder("27", "447", "27", "447",
                "27", "27");
        assertThat(plan.get("plan").get("doses").findValues("dayRelativeToInfusion").stream().map(JsonNode::asInt))
                .containsExactly(-5, -5, -4, -4, -3, -2);
        assertThat(plan.get("inputs").get("renalTableId").asText()).isEqualTo("US-FLUDARA-DEFAULT");
        assertThat(plan.get("plan").get("renalBandApplied").asText()).isEqualTo("eGFR 80 or more mL/min/1.73 m²: 100% of"
                + " the dose");
        assertThat(fixtures.stage(p)).isEqualTo(Stage.LYMPHODEPLETION);

        JsonNode status = Http.json(nurse.get(path(p, "/lymphodepletion")));
        assertThat(status.get("complete").asBoolean()).isTrue();
        assertThat(status.get("flags").size()).isZero();

        JsonNode notReady = Http.json(nurse.get(path(p, "/infusion/readiness")));
        assertThat(notReady.get("ready").asBoolean()).isFalse();
        assertThat(notReady.get("unmet").findValuesAsString("code")).containsExactly("checklist-incomplete",
                "bedside-check-missing");

        tickManualItems(nurse, p);
        JsonNode checklist = Http.json(nurse.get(path(p, "/pre-infusion-checklist")));
        assertThat(checklist.get("complete").asBoolean()).as(checklist.toString()).isTrue();
        fixtures.bedside(p);

        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        // half an hour ago the product had not even been received (the fixture received it just now): refused before
        // the readiness policy is asked (docs/clinical/dates.md; a bedside check after the start is InfusionReadinessTest's)
        HttpResponse<String> refused = nurse.postJson(path(p, "/infusion"), infusion(start));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Http.json(refused).get("type").asText()).endsWith("/infusion-before-receipt");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode infused = created(nurse.postJson(path(p, "/infusion"), Map.of("startedAt", now.minusSeconds(60).toString(),
                "endedAt", now.toString(), "bagsUsed", 1, "password", IdentityFixtures.PASSWORD)));
        assertThat(infused.get("doseCellsPerKg").decimalValue()).isEqualByComparingTo("4583333");
        assertThat(infused.get("firstCheckerName").asText()).isEqualTo(p.world().nurse().displayName());
        assertThat(infused.get("secondCheckerName").asText()).isEqualTo(p.world().secondNurse().displayName());
        assertThat(fixtures.stage(p)).isEqualTo(Stage.MONITORING);
        assertThat(jdbc.sql("select day_zero from follow_up_anchor where case_id = ?").param(p.caseId().value())
                .query(LocalDate.class).single()).isEqualTo(LocalDate.ofInstant(now.minusSeconds(60), LONDON));
        assertThat(jdbc.sql("select meaning from electronic_signature where record_type = 'Infusion' and record_id = ?")
                .param(infused.get("id").asText()).query(String.class).single()).isEqualTo("ADMINISTERED");
        JsonNode monitoring = Http.json(nurse.get(path(p, "/monitoring")));
        assertThat(monitoring.toString()).contains("\"ageYears\":9");

        JsonNode journey = Http.json(as(p.world().coordinator()).get(path(p, "/path-to-infusion")));
        assertThat(journey.get("steps").findValuesAsString("name")).contains("Lymphodepletion", "Infusion (day 0)");
        assertThat(journey.get("documents").findValuesAsString("title")).contains("Lymphodepletion plan, version 1",
                "Bedside identity check", "Infusion record");
        assertThat(journey.get("documents").toString()).contains("administered", "verified");
        assertThat(as(p.world().nurse()).postJson(path(p, "/infusion"), infusion(now.minus(30, ChronoUnit.MINUTES)))
                .statusCode()).as("a second infusion").isEqualTo(409);
    }
}
