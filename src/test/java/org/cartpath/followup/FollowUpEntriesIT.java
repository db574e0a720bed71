package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.Stage;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Follow-up entries end to end on PostgreSQL (docs/clinical/follow-up.md, ADR 0031, hazard H-28): blood counts, B cells
 * and IgG, infections recorded by the centre's follow-up staff through the API and the pages, corrected as new
 * versions with their history on the case page, audited without the patient's identity; ICAHT derived from the recorded
 * ANC series and withheld while the series has gaps; bad input refused with its field and nothing stored.
 */
@CartpathIntegrationTest
class FollowUpEntriesIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    FollowUpEntries entries;

    @Autowired
    JdbcClient jdbc;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), org.cartpath.testing.IdentityFixtures.PASSWORD);
    }

    private World plannedDaysAgo(World w, int daysAgo) {
        Instant infusedAt = plans.today().minusDays(daysAgo).atTime(11, 0).atZone(LONDON).toInstant();
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), infusedAt);
        return w;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static Map<String, Object> counts(Object anc) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("anc", anc);
        values.put("platelets", 40);
        values.put("growthFactor", false);
        values.put("redCellTransfusion", false);
        values.put("plateletTransfusion", true);
        return values;
    }

    @Test
    void theCoordinatorRecordsTheDailyCountsIcahtWaitsForTheMissingDayAndACorrectionKeepsItsHistoryOnTheCasePage() {
        World w = plannedDaysAgo(cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24")), 40);
        CaseId caseId = w.therapyCase().id();
        LocalDate zero = plans.today().minusDays(40);
        String base = "/api/v1/cases/" + caseId.value() + "/follow-up/entries";
        Http coordinator = as(w.coordinator());
        // days 0 to 30 but day 12, built through the service: ANC ≤ 0.5 × 10^9/L on days 3 to 9 (7 days, grade 2)
        for (int day = 0; day <= 30; day++) {
            if (day != 12) {
                Map<String, Object> values = counts(day >= 3 && day <= 9 ? "0.3" : "1.5");
                entries.record(w.actor(w.coordinator()), caseId, new FollowUpEntries.Entry(
                        FollowUpEntry.Kind.BLOOD_COUNT, zero.plusDays(day), values, null));
            }
        }
        // H-28: with day 12 missing no early grade is given, and the missing day is named
        JsonNode history = Http.json(as(w.referrer()).get(base));
        assertThat(history.get("earlyIcaht").get("grade").isNull()).isTrue();
        assertThat(history.get("earlyIcaht").get("missingDays").toString()).isEqualTo("[12]");
        assertThat(history.get("earlyIcaht").get("atLeast").asInt()).isEqualTo(2);

        JsonNode day12 = Http.json(coordinator.postJson(base, Map.of("kind", "BLOOD_COUNT", "observedOn",
                zero.plusDays(12).toString(), "values", counts(new BigDecimal("1.6")), "sourceDocument", "LAB-12")));
        assertThat(day12.get("version").asInt()).isEqualTo(1);
        // the same count sent again (a double click, a replay) is refused on its date and stores nothing (versions: 32)
        assertProblem(coordinator.postJson(base, Map.of("kind", "BLOOD_COUNT", "observedOn",
                zero.plusDays(12).toString(), "values", counts(new BigDecimal("1.60")), "sourceDocument", "LAB-12")),
                409, "entry-already-recorded", "observedOn");
        assertThat(Http.json(coordinator.get(base)).get("earlyIcaht").get("grade").asInt()).isEqualTo(2);

        // the day-12 ANC was mistyped: corrected to 0.4, a new version with its reason; day 12 now counts, and days 10
        // and 11 between the two dips are an unstable recovery (fewer than 3 days) counted in: 7 + 2 + 1 = 10 days
        String entryId = day12.get("entryId").asText();
        assertProblem(coordinator.postJson(base + "/" + entryId + "/corrections", Map.of("observedOn",
                zero.plusDays(12).toString(), "values", counts(new BigDecimal("0.4")))), 400, "invalid-request",
                "reason");
        JsonNode corrected = Http.json(coordinator.postJson(base + "/" + entryId + "/corrections", Map.of(
                "observedOn", zero.plusDays(12).toString(), "values", counts(new BigDecimal("0.4")), "reason",
                "Platelet line read as the ANC", "expectedVersion", 1)));
        assertThat(corrected.get("version").asInt()).isEqualTo(2);
        assertProblem(coordinator.postJson(base + "/" + entryId + "/corrections", Map.of("observedOn",
                zero.plusDays(12).toString(), "values", counts(new BigDecimal("0.4")), "reason", "again",
                "expectedVersion", 1)), 409, "stale-version");
        JsonNode after = Http.json(coordinator.get(base));
        assertThat(after.get("earlyIcaht").get("daysAtOrBelow500").asInt()).isEqualTo(10);
        assertThat(after.get("versions").size()).isEqualTo(32);
        assertThat(count("select count(*) from followup_clinical_entry where entry_id = ?", UUID.fromString(entryId)))
                .isEqualTo(2);

        // audited in the same transaction, without the patient's identity (ADR 0009)
        String audit = jdbc.sql("select coalesce(before_state::text, '') || after_state::text || coalesce(reason, '')"
                + " from audit_event where action = 'FOLLOW_UP_ENTRY_CORRECTED' and entity_id = ?").param(entryId)
                .query(String.class).single();
        assertThat(audit).contains("Platelet line read as the ANC").contains("1.6").contains("0.4")
                .doesNotContainIgnoringCase("nhs");
        assertThat(count("select count(*) from audit_event where action = 'FOLLOW_UP_ENTRY_RECORDED'"
                + " and after_state::jsonb ->> 'caseId' = ?", caseId.toString())).isEqualTo(31);

        // the page: B cells recorded on the centre's form; the case page shows the counts, the grade, the history
        HttpResponse<String> bCells = coordinator.postForm("/cases/" + caseId.value() + "/follow-up/entries",
                Map.of("kind", "B_CELLS_AND_IMMUNOGLOBULIN", "observedOn", zero.plusDays(35).toString(),
                        "values.cd19BCells", "0", "values.igg", "3.2", "values.ivigGiven", "true"));
        assertThat(bCells.statusCode()).as(bCells.body()).isEqualTo(302);
        HttpResponse<String> refused = coordinator.postForm("/cases/" + caseId.value() + "/follow-up/entries",
                Map.of("kind", "INFECTION", "observedOn", zero.plusDays(36).toString(), "values.site", "Lung",
                        "values.organismType", "VIRAL", "values.admission", "NONE"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem").contains("Severity (CTCAE v5.0 grade)");
        String page = coordinator.get("/cases/" + caseId.value()).body();
        assertThat(page).contains("data-testid=\"follow-up-counts-chart\"").contains("Grade 2")
                .contains("Correction history").contains("Platelet line read as the ANC")
                .contains("Neutrophils (ANC) 1.6 ×10⁹/L").contains("IgG").contains("3.2")
                .contains("data-testid=\"follow-up-timeline\"").contains("Day 100 registry form");
        assertThat(as(w.referrer()).get("/cases/" + caseId.value()).body()).contains("Grade 2")
                .doesNotContain("correct-entry-");
    }

    @Test
    void badEntriesAreRefusedWithTheirFieldAnotherOrganisationGets404AndNothingIsStored() {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24"));
        CaseId caseId = w.therapyCase().id();
        String base = "/api/v1/cases/" + caseId.value() + "/follow-up/entries";
        Http coordinator = as(w.coordinator());
        Map<String, Object> good = new HashMap<>(Map.of("kind", "BLOOD_COUNT", "observedOn",
                plans.today().toString(), "values", counts(new BigDecimal("1.2"))));
        // not infused yet: no day 0
        assertProblem(coordinator.postJson(base, good), 409, "case-not-infused");
        plannedDaysAgo(w, 20);
        LocalDate zero = plans.today().minusDays(20);
        good.put("observedOn", zero.minusDays(1).toString());
        assertProblem(coordinator.postJson(base, good), 400, "invalid-request", "observedOn");
        good.put("observedOn", plans.today().plusDays(1).toString());
        assertProblem(coordinator.postJson(base, good), 400, "invalid-request", "observedOn");
        good.put("observedOn", zero.plusDays(5).toString());
        good.put("values", counts(new BigDecimal("-0.2")));
        assertProblem(coordinator.postJson(base, good), 400, "invalid-request", "values.anc");
        good.put("values", counts("0.2"));
        assertProblem(coordinator.postJson(base, good), 400, "invalid-request", "values.anc");
        good.put("values", counts(new BigDecimal("0.2")));
        good.put("kind", "PLATELETS");
        assertProblem(coordinator.postJson(base, good), 400, "invalid-request", "kind");
        good.put("kind", "BLOOD_COUNT");
        // the referring hospital sees but does not record; the manufacturer gets 404; the pharmacist 403
        assertProblem(as(w.referrer()).postJson(base, good), 404, "not-found");
        assertProblem(as(w.operator()).postJson(base, good), 404, "not-found");
        assertProblem(as(w.operator()).get(base), 404, "not-found");
        assertThat(as(w.pharmacist()).postJson(base, good).statusCode()).isEqualTo(403);
        assertProblem(coordinator.postJson(base + "/" + UUID.randomUUID() + "/corrections", good), 404,
                "not-found");
        assertThat(count("select count(*) from followup_clinical_entry where case_id = ?", caseId.value())).isZero();
        assertThat(count("select count(*) from audit_event where action like 'FOLLOW_UP_ENTRY_%'"
                + " and after_state::jsonb ->> 'caseId' = ?", caseId.toString())).isZero();
        assertThat(coordinator.postJson(base, good).statusCode()).isEqualTo(201);
    }
}
