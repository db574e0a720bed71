package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Lymphodepletion plans and infusions dated against the collection, the receipt and the clock
 * (docs/clinical/dates.md): refused with a named problem naming the field, and nothing recorded.
 */
@CartpathIntegrationTest
class TreatmentDatesIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private long count(String table, Product p) {
        return jdbc.sql("select count(*) from " + table + " where case_id = ?").param(p.caseId().value())
                .query(Long.class).single();
    }

    @Test
    void aLymphodepletionPlanStartingBeforeTheCellsWereCollectedIsRefused() {
        Instant collected = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate collectedOn = LocalDate.ofInstant(collected, LONDON);
        Product p = fixtures.released(new BigDecimal("24"), collected);
        fixtures.measured(p, "24", "120", "35");
        Http pharmacist = as(p.world().pharmacist());
        String plans = TreatmentStoryIT.path(p, "/lymphodepletion-plans");

        JsonNode refused = assertProblem(pharmacist.postJson(plans, Map.of("anchorOn", collectedOn.minusDays(1).toString())),
                422, "lymphodepletion-before-collection", "anchorOn");
        assertThat(refused.get("detail").asText()).contains("before the cells were collected on " + collectedOn);
        assertThat(count("lymphodepletion_plan", p)).isZero();

        // from the day of the collection on, the plan is made
        TreatmentStoryIT.created(pharmacist.postJson(plans, Map.of("anchorOn", collectedOn.toString())));
        assertThat(count("lymphodepletion_plan", p)).isEqualTo(1);
    }

    @Test
    void anInfusionInTheFutureIsRefused() {
        Product p = fixtures.released();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JsonNode refused = assertProblem(as(p.world().nurse()).postJson(TreatmentStoryIT.path(p, "/infusion"),
                infusion(now.plus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS))), 422, "timestamp-in-future",
                "startedAt");
        assertThat(refused.get("detail").asText()).contains("The infusion is dated");
        assertThat(count("infusion", p)).isZero();
    }

    @Test
    void anInfusionBeforeTheProductWasReceivedIsRefused() {
        Product p = fixtures.released();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JsonNode refused = assertProblem(as(p.world().nurse()).postJson(TreatmentStoryIT.path(p, "/infusion"),
                infusion(now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS))), 422, "infusion-before-receipt",
                "startedAt");
        assertThat(refused.get("detail").asText()).contains("before the product was received");
        assertThat(count("infusion", p)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'INFUSION_RECORDED' and entity_id = ?")
                .param(p.caseId().toString()).query(Long.class).single()).isZero();
    }

    private static Map<String, Object> infusion(Instant start, Instant end) {
        return Map.of("startedAt", start.toString(), "endedAt", end.toString(), "bagsUsed", 1,
                "password", IdentityFixtures.PASSWORD);
    }
}
