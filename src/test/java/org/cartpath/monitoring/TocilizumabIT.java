package org.cartpath.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.journey.TimelineEntry;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Tocilizumab over HTTP with the application's clock moved: the 8-hour interval, 3 in 24 hours, 4 per CRS
 * episode, the consultant's signed override, the dose for the weight; steroid guidance and the stock check.
 */
@CartpathIntegrationTest
class TocilizumabIT {

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    MonitoringManagement monitoring;

    @Autowired
    CaseJourney journey;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    MonitoringFixtures.Centre centre;
    Http nurse;
    Http consultant;

    @BeforeEach
    void aCentre() {
        centre = fixtures.centre();
        signIn();
    }

    private void signIn() {
        nurse = Http.signedIn(port, centre.nurse().username(), IdentityFixtures.PASSWORD);
        consultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
    }

    /** Moves the application's clock; sessions idle for 15 minutes end, so everyone signs in again. */
    private void advance(Duration by) {
        clock.advance(by);
        signIn();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private HttpResponse<String> give(Http who, TherapyCase c, Instant at, Object doseMg) {
        return who.postJson("/api/v1/cases/" + c.id() + "/tocilizumab-doses", Map.of("givenAt", at.toString(), "doseMg", doseMg));
    }

    private HttpResponse<String> override(TherapyCase c, Instant at, Object doseMg, String password, String reason) {
        return consultant.postJson("/api/v1/cases/" + c.id() + "/tocilizumab-doses", Map.of("givenAt", at.toString(),
                "doseMg", doseMg, "override", Map.of("password", password, "reason", reason)));
    }

    private long doses(TherapyCase c) {
        return jdbc.sql("select count(*) from monitoring_tocilizumab_dose where case_id = ?").param(c.id().value())
                .query(Long.class).single();
    }

    @Test
    void aDoseAt2000MeansTheNextMayNotBeGivenBefore0400AndTheClockDecides() {
        TherapyCase child = fixtures.monitored(centre, now().minus(Duration.ofDays(4)), 7, "20");
        Instant evening = now();
        assertThat(give(consultant, child, evening, 240).statusCode()).isEqualTo(201);

        advance(Duration.ofHours(6));
        JsonNode status = Http.json(consultant.get("/api/v1/cases/" + child.id() + "/tocilizumab"));
        assertThat(Instant.parse(status.get("earliestNextAt").asText())).isEqualTo(evening.plus(Duration.ofHours(8)));
        assertThat(status.get("mayGiveNow").asBoolean()).isFalse();
        assertThat(status.get("nextDose").asText()).contains("may not be given before").contains("8 hours after the dose");
        JsonNode refused = assertProblem(give(consultant, child, now(), 240), 422, "tocilizumab-too-early");
        assertThat(refused.get("rules").valueStream().map(JsonNode::asText)).containsExactly("MIN_INTERVAL_8_HOURS");
        assertThat(Instant.parse(refused.get("earliestAllowedAt").asText())).isEqualTo(evening.plus(Duration.ofHours(8)));
        assertThat(refused.get("detail").asText()).contains("at least 8 hours between doses");

        advance(Duration.ofHours(1).plusMinutes(59));
        assertProblem(give(consultant, child, now(), 240), 422, "tocilizumab-too-early");
        advance(Duration.ofMinutes(1));
        assertThat(Http.json(consultant.get("/api/v1/cases/" + child.id() + "/tocilizumab")).get("mayGiveNow").asBoolean())
                .isTrue();
        assertThat(give(nurse, child, evening.plus(Duration.ofHours(8)), 240).statusCode()).isEqualTo(201);
        assertThat(doses(child)).isEqualTo(2);
    }

    @Test
    void atMostThreeIn24HoursAndFourInAnEpisodeUntilCrsResolves() {
        Instant base = now().minus(Duration.ofHours(30));
        TherapyCase c = fixtures.monitored(centre, base.minus(Duration.ofDays(2)), 40, "100");
        nurse.postJson("/api/v1/cases/" + c.id() + "/assessments", Assessments.adult(base.minus(Duration.ofHours(1)))
                .temperature("39.5").oxygen(OxygenDevice.FACEMASK, null).json());
        assertThat(give(consultant, c, base, 800).statusCode()).isEqualTo(201);
        assertThat(override(c, base.plus(Duration.ofHours(4)), 800, IdentityFixtures.PASSWORD,
                "Rising oxygen need; haematology registrar agreed").statusCode()).isEqualTo(201);
        assertThat(give(consultant, c, base.plus(Duration.ofHours(12)), 800).statusCode()).isEqualTo(201);

        JsonNode refused = assertProblem(give(consultant, c, base.plus(Duration.ofHours(20)), 800), 422,
                "tocilizumab-too-early");
        assertThat(refused.get("rules").valueStream().map(JsonNode::asText)).containsExactly("MAX_3_IN_24_HOURS");
        assertThat(Instant.parse(refused.get("earliestAllowedAt").asText())).isEqualTo(base.plus(Duration.ofHours(24)));
        assertThat(give(consultant, c, base.plus(Duration.ofHours(24)), 800).statusCode()).isEqualTo(201);

        advance(Duration.ofHours(3));
        JsonNode limit = assertProblem(give(consultant, c, now(), 800), 422, "tocilizumab-episode-limit");
        assertThat(limit.get("rules").valueStream().map(JsonNode::asText)).containsExactly("MAX_4_PER_EPISODE");
        assertThat(limit.has("earliestAllowedAt")).isFalse();
        JsonNode status = Http.json(consultant.get("/api/v1/cases/" + c.id() + "/tocilizumab"));
        assertThat(status.get("dosesInEpisode").asInt()).isEqualTo(4);
        assertThat(status.get("earliestNextAt").isNull()).isTrue();
        assertThat(status.get("nextDose").asText()).contains("4 doses of this CRS episode have been given");

        // CRS resolves, then returns: a new episode, a new course of up to 4.
        nurse.postJson("/api/v1/cases/" + c.id() + "/assessments", Assessments.adult(now().minus(Duration.ofMinutes(30)))
                .json());
        assertThat(give(consultant, c, now(), 800).statusCode()).isEqualTo(201);
        assertThat(doses(c)).isEqualTo(5);
    }

    @Test
    void anOverrideNeedsTheConsultantsSignatureAndFlagsTheDoseAndTheCase() {
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(3)), 40, "70");
        Instant first = now().minus(Duration.ofHours(3));
        give(consultant, c, first, 560);
        Map<String, Object> overriding = Map.of("givenAt", now().toString(), "doseMg", 560,
                "override", Map.of("password", IdentityFixtures.PASSWORD, "reason", "Worsening hypotension"));

        assertProblem(nurse.postJson("/api/v1/cases/" + c.id() + "/tocilizumab-doses", overriding), 403, "forbidden");
        assertProblem(override(c, now(), 560, "not-my-password", "Worsening hypotension"), 422, "signature-refused");
        assertProblem(override(c, now(), 560, IdentityFixtures.PASSWORD, " "), 400, "invalid-request", "override.reason");
        assertProblem(consultant.postJson("/api/v1/cases/" + c.id() + "/tocilizumab-doses", Map.of("givenAt",
                now().toString(), "doseMg", 560, "override", Map.of("reason", "no password"))), 400, "invalid-request",
                "override.password");
        assertThat(doses(c)).isEqualTo(1);

        HttpResponse<String> done = override(c, now(), 560, IdentityFixtures.PASSWORD, "Worsening hypotension");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        JsonNode dose = Http.json(done);
        assertThat(dose.get("overriddenRules").valueStream().map(JsonNode::asText)).containsExactly("MIN_INTERVAL_8_HOURS");
        assertThat(dose.get("overrideReason").asText()).isEqualTo("Worsening hypotension");
        String signature = jdbc.sql("select meaning from electronic_signature where id = ?")
                .param(java.util.UUID.fromString(dose.get("overrideSignatureId").asText())).query(String.class).single();
        assertThat(signature).isEqualTo("OVERRIDDEN");
        assertThat(journey.timeline(centre.consultantActor(), c.id())).extracting(TimelineEntry::kind)
                .containsOnlyOnce("TOCILIZUMAB_RULE_OVERRIDDEN");
        assertThat(journey.timeline(centre.consultantActor(), c.id()))
                .filteredOn(e -> e.kind().equals("TOCILIZUMAB_RULE_OVERRIDDEN")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("at least 8 hours between doses")
                        .doesNotContain("Worsening hypotension"));
        assertThat(Http.json(consultant.get("/api/v1/cases/" + c.id() + "/tocilizumab")).get("doses").get(1)
                .get("overriddenRules")).isNotEmpty();
    }

    @Test
    void twoDosesRecordedAtOnceForOnePatientAreCheckedOneAfterTheOther() throws Exception {
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(2)), 40, "70");
        Http otherConsultant = Http.signedIn(port, centre.consultant().username(), IdentityFixtures.PASSWORD);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<HttpResponse<String>> first = pool.submit(() -> give(consultant, c, now(), 560));
            java.util.concurrent.Future<HttpResponse<String>> second = pool.submit(() ->
                    give(otherConsultant, c, now().minus(Duration.ofHours(1)), 560));
            assertThat(java.util.List.of(first.get().statusCode(), second.get().statusCode()))
                    .containsExactlyInAnyOrder(201, 422);
        } finally {
            pool.shutdown();
        }
        assertThat(doses(c)).isEqualTo(1);
    }

    @Test
    void theDoseFollowsTheLatestWeightAndBadDosesAreRefused() {
        TherapyCase noWeight = fixtures.monitored(centre, now().minus(Duration.ofDays(1)), 40, null);
        assertProblem(give(consultant, noWeight, now(), 400), 422, "weight-required");
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(1)), 40, "70");
        assertProblem(give(consultant, c, now(), 600), 422, "tocilizumab-dose-above-weight");
        assertProblem(give(consultant, c, now(), 0), 400, "invalid-request", "doseMg");
        assertProblem(give(consultant, c, now(), 801), 400, "invalid-request", "doseMg");
        assertProblem(give(consultant, c, now(), 560.25), 400, "invalid-request", "doseMg");
        assertProblem(give(consultant, c, now().plus(Duration.ofHours(1)), 560), 400, "invalid-request", "givenAt");
        assertProblem(give(consultant, c, now().minus(Duration.ofDays(2)), 560), 400, "invalid-request", "givenAt");
        assertProblem(consultant.postJson("/api/v1/cases/" + c.id() + "/tocilizumab-doses", Map.of("doseMg", 560)), 400,
                "invalid-request", "givenAt");
        assertThat(doses(c) + doses(noWeight)).isZero();
        TherapyCase early = fixtures.caseAt(centre, Stage.RECEIVED);
        assertProblem(give(consultant, early, now(), 560), 409, "not-monitoring-stage");
    }

    @Test
    void steroidGuidanceFollowsTheLatestGradesAndIsOnlyText() {
        TherapyCase c = fixtures.monitored(centre, now().minus(Duration.ofDays(2)), 40, "70");
        JsonNode none = Http.json(nurse.get("/api/v1/cases/" + c.id() + "/steroid-guidance"));
        assertThat(none.get("lines")).isEmpty();
        nurse.postJson("/api/v1/cases/" + c.id() + "/assessments", Assessments.adult(now()).temperature("39")
                .oxygen(OxygenDevice.FACEMASK, null).ice(2, 2, 1, 0, 0).json());
        JsonNode advice = Http.json(nurse.get("/api/v1/cases/" + c.id() + "/steroid-guidance"));
        assertThat(advice.get("crsGrade").asInt()).isEqualTo(3);
        assertThat(advice.get("icansGrade").asInt()).isEqualTo(2);
        assertThat(advice.get("lines").get(0).get("guidance").asText()).isEqualTo("Dexamethasone 10 mg IV every 6 hours.");
        assertThat(advice.get("lines").get(1).get("guidance").asText()).isEqualTo("Consider dexamethasone 10 mg IV.");
        assertThat(advice.get("disclaimer").asText()).contains("never orders");
    }

    @Test
    void theStockCheckComparesTheCountWithTheLabelOrSaysTheCatalogueHasNoRequirement() {
        Http pharmacist = Http.signedIn(port, centre.pharmacist().username(), IdentityFixtures.PASSWORD);
        TherapyCase us = fixtures.caseAt(centre, Stage.LYMPHODEPLETION);
        JsonNode usCheck = Http.json(pharmacist.postJson("/api/v1/cases/" + us.id() + "/tocilizumab-stock",
                Map.of("dosesOnSite", 2)));
        assertThat(usCheck.get("status").asText()).isEqualTo("NO_REQUIREMENT_IN_CATALOGUE");
        assertThat(usCheck.get("summary").asText()).startsWith("2 on site. No requirement in the catalogue");

        TherapyCase uk = fixtures.caseAt(centre, Stage.RECEIVED, "KYMRIAH", "B_ALL", "UK");
        journey.assignProduct(Actor.system("test"), uk.id(), "KYMRIAH", "B_ALL", "UK", "KYMRIAH-UK-2026-11");
        JsonNode notCounted = Http.json(pharmacist.get("/api/v1/cases/" + uk.id() + "/tocilizumab-stock"));
        assertThat(notCounted.get("status").asText()).isEqualTo("NOT_COUNTED");
        assertThat(notCounted.get("required").asInt()).isEqualTo(1);
        JsonNode shortCheck = Http.json(pharmacist.postJson("/api/v1/cases/" + uk.id() + "/tocilizumab-stock",
                Map.of("dosesOnSite", 0)));
        assertThat(shortCheck.get("status").asText()).isEqualTo("SHORT");
        JsonNode enough = Http.json(pharmacist.postJson("/api/v1/cases/" + uk.id() + "/tocilizumab-stock",
                Map.of("dosesOnSite", 1)));
        assertThat(enough.get("status").asText()).isEqualTo("ENOUGH");
        assertThat(enough.get("labelVersionId").asText()).isEqualTo("KYMRIAH-UK-2026-11");

        assertProblem(pharmacist.postJson("/api/v1/cases/" + uk.id() + "/tocilizumab-stock", Map.of("dosesOnSite", -1)),
                400, "invalid-request", "dosesOnSite");
        assertProblem(pharmacist.postJson("/api/v1/cases/" + uk.id() + "/tocilizumab-stock", Map.of("dosesOnSite", 1.5)),
                400, "invalid-request", "dosesOnSite");
        assertProblem(pharmacist.postJson("/api/v1/cases/" + uk.id() + "/tocilizumab-stock", Map.of()), 400,
                "invalid-request", "dosesOnSite");
        assertProblem(nurse.postJson("/api/v1/cases/" + uk.id() + "/tocilizumab-stock", Map.of("dosesOnSite", 1)), 403,
                "forbidden");
        TherapyCase triaged = fixtures.caseAt(centre, Stage.TRIAGED);
        assertProblem(pharmacist.postJson("/api/v1/cases/" + triaged.id() + "/tocilizumab-stock",
                Map.of("dosesOnSite", 1)), 409, "not-monitoring-stage");
        assertThat(jdbc.sql("select count(*) from monitoring_tocilizumab_stock where case_id = ?")
                .param(uk.id().value()).query(Long.class).single()).isEqualTo(2);
    }
}
