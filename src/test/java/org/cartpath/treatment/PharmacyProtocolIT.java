package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.identity.UserAccount;
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
 * The pharmacy's protocol (ADR 0017; docs/clinical/renal-function.md): the fludarabine renal band table and the dosing rules are the centre's,
 * edited by its pharmacists as new versions, and every plan records the versions it was calculated with. Then bad
 * input, other roles and organisations, replays, and the pharmacy page.
 */
@CartpathIntegrationTest
class PharmacyProtocolIT {

    private static final String TABLES = "/api/v1/pharmacy/renal-band-tables";
    private static final String RULES = "/api/v1/pharmacy/dosing-rules";

    /** A stricter local table: 75% of the fludarabine dose from 50 to 99 mL/min, none below 50. */
    private static final List<Map<String, Object>> LOCAL_BANDS = List.of(
            band(100, null, 100), band(50, 100, 75), band(0, 50, null));

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> band(int from, Integer below, Integer percent) {
        Map<String, Object> band = new HashMap<>();
        band.put("fromMlPerMin", from);
        band.put("belowMlPerMin", below);
        band.put("percentOfDose", percent);
        return band;
    }

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    /** 400 naming each of {@code fields}. */
    private static void invalid(HttpResponse<String> response, String... fields) {
        JsonNode problem = assertProblem(response, 400, "invalid-request");
        assertThat(problem.get("errors").findValuesAsString("field")).contains(fields);
    }

    private static JsonNode created(HttpResponse<String> response) {
        return TreatmentStoryIT.created(response);
    }

    private long versions(String table, Product p) {
        return jdbc.sql("select count(*) from " + table + " where centre_id = ?").param(p.world().centre().id().value())
                .query(Long.class).single();
    }

    @Test
    void aPlanIsCalculatedWithTheCentresLatestVersionsAndRecordsThem() {
        Product p = fixtures.released();
        fixtures.receiptChecked(p);
        fixtures.measured(p, "24", "120", "50");
        Http pharmacist = as(p.world().pharmacist());

        JsonNode defaults = Http.json(pharmacist.get(TABLES + "/current"));
        assertThat(defaults.get("isDefault").asBoolean()).isTrue();
        assertThat(defaults.get("table").get("id").asText()).isEqualTo("US-FLUDARA-DEFAULT");
        assertThat(Http.json(pharmacist.get(TABLES)).get("total").asInt()).isZero();

        JsonNode table = created(pharmacist.postJson(TABLES, Map.of("name", "Local fludarabine bands", "source",
                "Centre protocol LD-7, approved by the drugs and therapeutics committee", "bands", LOCAL_BANDS,
                "reason", "Committee decision")));
        assertThat(table.get("version").asInt()).isEqualTo(1);
        JsonNode rules = created(pharmacist.postJson(RULES, Map.of("bsaFormula", "DUBOIS", "roundingIncrementsMg",
                Map.of("CYCLOPHOSPHAMIDE", 10), "reason", "Pharmacy rounds cyclophosphamide to 10 mg")));
        assertThat(rules.get("version").asInt()).isEqualTo(1);
        assertThat(Http.json(as(p.world().nurse()).get(TABLES + "/current")).get("version").asInt())
                .as("the centre's clinical staff read the protocol").isEqualTo(1);

        JsonNode plan = created(pharmacist.postJson(TreatmentStoryIT.path(p, "/lymphodepletion-plans"),
                Map.of("anchorOn", LocalDate.now(TreatmentStoryIT.LONDON).plusDays(1).toString())));
        JsonNode inputs = plan.get("inputs");
        assertThat(inputs.get("renalTableId").asText()).isEqualTo(table.get("id").asText());
        assertThat(inputs.get("renalTableVersion").asInt()).isEqualTo(1);
        assertThat(inputs.get("dosingRulesVersion").asInt()).isEqualTo(1);
        assertThat(inputs.get("bsaFormula").asText()).isEqualTo("DUBOIS");

        // The child's bedside Schwartz eGFR, 36.5 × 120 / 50 = 87.6 mL/min/1.73 m², falls in the band from 50 to under
        // 100: 75% of 30 mg/m² (Kymriah's fludarabine).
        assertThat(plan.get("plan").get("creatinineClearanceMlPerMin").decimalValue()).isEqualByComparingTo("87.6");
        assertThat(plan.get("plan").get("renalBandApplied").asText()).isEqualTo("eGFR 50 to under 100 mL/min/1.73 m²:"
                + " 75% of the dose");
        BigDecimal bsa = plan.get("plan").get("bsaM2").decimalValue();
        BigDecimal fludarabine = bsa.multiply(new BigDecimal("30")).multiply(new BigDecimal("0.75"))
                .setScale(0, RoundingMode.HALF_UP);
        for (JsonNode dose : plan.get("plan").get("doses")) {
            BigDecimal mg = dose.get("mg").decimalValue();
            if (dose.get("drug").asText().equals("FLUDARABINE")) {
                assertThat(mg).isEqualByComparingTo(fludarabine);
            } else {
                assertThat(mg.remainder(BigDecimal.TEN)).as("cyclophosphamide rounded to 10 mg").isZero();
            }
        }
        assertThat(jdbc.sql("select count(*) from audit_event where action in ('RENAL_BAND_TABLE_ADDED',"
                + " 'DOSING_RULES_CHANGED') and entity_id in (?, ?)").param(table.get("id").asText())
                .param(rules.get("id").asText()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badInputOtherRolesOtherCentresAndReplaysChangeNothing() {
        Product p = fixtures.released();
        Product elsewhere = fixtures.released();
        Http pharmacist = as(p.world().pharmacist());

        invalid(pharmacist.postJson(TABLES, Map.of()), "name", "source", "bands");
        invalid(pharmacist.postJson(TABLES, Map.of("name", "Gap", "source", "s", "bands",
                List.of(band(80, null, 100), band(0, 50, null)))), "bands");
        invalid(pharmacist.postJson(TABLES, Map.of("name", "Too much", "source", "s", "bands",
                List.of(band(0, null, 150)))), "bands[0].percentOfDose");
        invalid(pharmacist.postJson(TABLES, Map.of("name", "No top", "source", "s", "bands",
                List.of(band(0, 50, 100)))), "bands");
        invalid(pharmacist.postJson(RULES, Map.of("bsaFormula", "SQUARE")), "bsaFormula");
        invalid(pharmacist.postJson(RULES, Map.of()), "bsaFormula");
        invalid(pharmacist.postJson(RULES, Map.of("bsaFormula", "MOSTELLER", "roundingIncrementsMg",
                Map.of("CYCLOPHOSPHAMIDE", 0))), "roundingIncrementsMg.CYCLOPHOSPHAMIDE");
        invalid(pharmacist.postJson(RULES, Map.of("bsaFormula", "MOSTELLER", "roundingIncrementsMg",
                Map.of("ASPIRIN", 5))), "roundingIncrementsMg.ASPIRIN");

        Map<String, Object> valid = Map.of("name", "Local", "source", "Centre protocol", "bands", LOCAL_BANDS);
        assertThat(as(p.world().nurse()).postJson(TABLES, valid).statusCode()).as("a nurse reads, never edits")
                .isEqualTo(403);
        assertThat(as(p.world().nurse()).postJson(RULES, Map.of("bsaFormula", "DUBOIS")).statusCode()).isEqualTo(403);
        assertThat(Http.token(port, "cpt_demonovartis_demo0novartis0manufacturing0token0a1").get(TABLES + "/current")
                .statusCode()).as("a manufacturer").isEqualTo(403);
        assertThat(as(p.world().referrer()).get(TABLES).statusCode()).as("a referring hospital").isEqualTo(403);
        assertThat(versions("pharmacy_renal_band_table", p)).isZero();
        assertThat(versions("pharmacy_dosing_rules", p)).isZero();

        Map<String, String> key = Map.of("Idempotency-Key", "pharmacy-" + System.nanoTime());
        HttpResponse<String> first = pharmacist.sendJson("POST", TABLES, valid, key);
        HttpResponse<String> replay = pharmacist.sendJson("POST", TABLES, valid, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(Http.json(replay).get("id").asText()).isEqualTo(Http.json(first).get("id").asText());
        assertThat(versions("pharmacy_renal_band_table", p)).isEqualTo(1);
        assertThat(created(pharmacist.postJson(TABLES, valid)).get("version").asInt()).as("a new version, not a copy")
                .isEqualTo(2);

        Http otherPharmacist = as(elsewhere.world().pharmacist());
        assertThat(Http.json(otherPharmacist.get(TABLES + "/current")).get("isDefault").asBoolean())
                .as("another centre still doses by its own (the default)").isTrue();
        assertThat(Http.json(otherPharmacist.get(TABLES)).get("total").asInt()).isZero();
    }

    @Test
    void thePharmacyPageShowsTheVersionsAndTakesANewOne() {
        Product p = fixtures.released();
        Http pharmacist = as(p.world().pharmacist());
        String page = pharmacist.get("/pharmacy").body();
        assertThat(page).contains("Fludarabine renal adjustment (US Fludara label)").contains("name=\"bands\"");

        HttpResponse<String> refused = pharmacist.postForm("/pharmacy/renal-band-tables", Map.of("name", "Local",
                "source", "Centre protocol", "bands", "0, 50, 100"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem").contains("no upper limit");
        assertThat(versions("pharmacy_renal_band_table", p)).isZero();

        HttpResponse<String> saved = pharmacist.postForm("/pharmacy/renal-band-tables", Map.of("name",
                "Local fludarabine bands", "source", "Centre protocol LD-7", "bands", "100, , 100\n50, 100, 75\n0, 50, ",
                "reason", "Committee decision"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(pharmacist.get("/pharmacy").body()).contains("A new version of the renal band table is in use.")
                .contains("Local fludarabine bands");
        assertThat(versions("pharmacy_renal_band_table", p)).isEqualTo(1);

        HttpResponse<String> rules = pharmacist.postForm("/pharmacy/dosing-rules", Map.of("bsaFormula", "HAYCOCK",
                "increment-CYCLOPHOSPHAMIDE", "10"));
        assertThat(rules.statusCode()).isEqualTo(302);
        assertThat(Http.json(pharmacist.get(RULES + "/current")).get("bsaFormula").asText()).isEqualTo("HAYCOCK");
        assertThat(as(p.world().nurse()).postForm("/pharmacy/dosing-rules", Map.of("bsaFormula", "DUBOIS"))
                .statusCode()).as("a nurse may not change them").isEqualTo(403);
        assertThat(versions("pharmacy_dosing_rules", p)).isEqualTo(1);
    }
}
