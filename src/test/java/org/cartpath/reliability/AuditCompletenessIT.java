package org.cartpath.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.Assessments;
import org.cartpath.monitoring.MonitoringFixtures;
import org.cartpath.patient.PatientTestData;
import org.cartpath.referral.ReferralTestData;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every state change writes its audit row in the same transaction (docs/security-and-reliability.md): a sweep of
 * state-changing API operations, at least one per module, each called once as the person or system who does it, and
 * each must have left an audit row carrying the request's id (so: written while serving that request, in its
 * transaction) with the actor, the entity changed and its state after. The fuzz suite ({@link ApiFuzzIT}) adds the converse for every
 * operation: a request that wrote to a watched table must have audited under its request id.
 */
@CartpathIntegrationTest
class AuditCompletenessIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    MonitoringFixtures monitoring;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private final Set<String> driven = new TreeSet<>();

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    @Test
    void eachStateChangingOperationOfTheSweepAuditsItsEntityWithTheActorInItsOwnRequest() {
        // identity: the operator's administrator adds an organisation
        Http admin = Http.signedIn(port, "admin", "cartpath-demo");
        String adminId = jdbc.sql("select id::text from app_user where username = 'admin'").query(String.class).single();
        HttpResponse<String> organisation = admin.postJson("/api/v1/organisations",
                Map.of("name", "Audited centre " + System.nanoTime(), "kind", "TREATMENT_CENTRE"));
        audited("POST /api/v1/organisations", organisation, adminId, "Organisation", id(organisation));

        // patient: the referrer records a weight
        World referred = cases.caseAt(Stage.REFERRED, new BigDecimal("20"));
        String patient = referred.patientId().value().toString();
        HttpResponse<String> weight = as(referred.referrer()).postJson("/api/v1/patients/" + patient + "/measurements",
                Map.of("measuredOn", LocalDate.now().minusDays(1).toString(), "weightKg", 21.5));
        audited("POST /api/v1/patients/{id}/measurements", weight, referred.referrer().id().toString(), null, patient,
                id(weight));

        // referral: the referrer refers a new patient to the centre
        HttpResponse<String> referral = as(referred.referrer()).postJson("/api/v1/referrals", ReferralTestData.referral(
                PatientTestData.nhsNumber(), "Audited", referred.centre().id().toString()));
        audited("POST /api/v1/referrals", referral, referred.referrer().id().toString(), null, id(referral));

        // journey: the coordinator withdraws a case
        String caseId = referred.therapyCase().id().toString();
        HttpResponse<String> withdrawn = as(referred.coordinator()).postJson("/api/v1/cases/" + caseId + "/withdrawal",
                Map.of("reason", "The family chose another treatment"));
        audited("POST /api/v1/cases/{id}/withdrawal", withdrawn, referred.coordinator().id().toString(), "TherapyCase",
                caseId);

        // scheduling: the coordinator puts an approved case on the waitlist
        World approved = cases.caseAt(Stage.PANEL_APPROVED, new BigDecimal("20"));
        HttpResponse<String> joined = as(approved.coordinator()).postJson("/api/v1/waitlist-entries",
                Map.of("caseId", approved.therapyCase().id().toString()));
        audited("POST /api/v1/waitlist-entries", joined, approved.coordinator().id().toString(), "WaitlistEntry",
                id(joined));

        // custody: the coordinator allocates a booked case's chain-of-identity identifier
        World booked = cases.caseAt(Stage.SLOT_BOOKED, new BigDecimal("20"));
        String bookedCase = booked.therapyCase().id().toString();
        HttpResponse<String> coi = as(booked.coordinator()).postJson("/api/v1/cases/" + bookedCase
                + "/chain-of-identity", Map.of());
        audited("POST /api/v1/cases/{id}/chain-of-identity", coi, booked.coordinator().id().toString(), "TherapyCase",
                bookedCase);

        // manufacturing: the manufacturer's operator reports the material received
        World manufacturing = cases.caseAt(Stage.IN_MANUFACTURING, new BigDecimal("20"));
        String manufacturingCase = manufacturing.therapyCase().id().toString();
        HttpResponse<String> report = as(manufacturing.operator()).postJson("/api/v1/cases/" + manufacturingCase
                + "/manufacturing-reports", Map.of("status", "MATERIAL_RECEIVED", "expectedReleaseOn",
                LocalDate.now().plusDays(21).toString()));
        audited("POST /api/v1/cases/{id}/manufacturing-reports", report, manufacturing.operator().id().toString(), null,
                manufacturingCase, id(report));

        // treatment: the pharmacist sets the centre's dosing rules
        HttpResponse<String> rules = as(manufacturing.pharmacist()).postJson("/api/v1/pharmacy/dosing-rules",
                Map.of("bsaFormula", "DUBOIS", "roundingIncrementsMg", Map.of("CYCLOPHOSPHAMIDE", 10), "reason",
                        "Pharmacy rounds cyclophosphamide to 10 mg"));
        audited("POST /api/v1/pharmacy/dosing-rules", rules, manufacturing.pharmacist().id().toString(), null,
                id(rules));

        // monitoring: the ward nurse records a toxicity assessment after the infusion
        MonitoringFixtures.Centre ward = monitoring.centre();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TherapyCase infused = monitoring.monitored(ward, now.minus(Duration.ofDays(2)), 40, "70");
        HttpResponse<String> assessment = as(ward.nurse()).postJson("/api/v1/cases/" + infused.id() + "/assessments",
                Assessments.adult(now.minus(Duration.ofHours(1))).temperature("38.5").json());
        audited("POST /api/v1/cases/{id}/assessments", assessment, ward.nurse().id().toString(), null,
                infused.id().toString(), id(assessment));

        List<String> writes = writeOperations(admin);
        List<String> notDriven = writes.stream().filter(op -> !driven.contains(op)).toList();
        System.out.printf("AuditCompletenessIT: %d of %d state-changing API operations driven here; not driven: %s%n",
                driven.size(), writes.size(), notDriven);
        assertThat(writes).as("every operation this sweep drives is in the OpenAPI document").containsAll(driven);
    }

    /**
     * The response succeeded, and an audit row written while serving it names the actor, an entity among
     * {@code entityIds} (of {@code entityType} if given) and the state after.
     */
    private void audited(String operation, HttpResponse<String> response, String actorId, String entityType,
            String... entityIds) {
        assertThat(response.statusCode()).as(operation + ": " + response.body()).isBetween(200, 299);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        List<Map<String, Object>> rows = jdbc.sql("""
                select action, entity_type, entity_id, actor_id, after_state from audit_event where request_id = ?
                order by id""").param(requestId).query().listOfRows();
        List<String> ids = java.util.Arrays.stream(entityIds).filter(java.util.Objects::nonNull).toList();
        assertThat(rows).as(operation + " audited under its request id " + requestId + " with actor " + actorId
                + " and one of the entities " + ids).anySatisfy(row -> {
                    assertThat(row.get("actor_id")).isEqualTo(actorId);
                    assertThat(ids).contains((String) row.get("entity_id"));
                    if (entityType != null) {
                        assertThat(row.get("entity_type")).isEqualTo(entityType);
                    }
                    assertThat(row.get("after_state")).isNotNull();
                });
        driven.add(operation);
    }

    private static String id(HttpResponse<String> response) {
        JsonNode body = response.body().isBlank() ? null : Http.json(response);
        return body == null || !body.has("id") ? null : body.get("id").asText();
    }

    private List<String> writeOperations(Http http) {
        OpenApiOperations api = OpenApiOperations.served(http);
        return api.operations().stream().filter(OpenApiOperations.Operation::writes).map(Object::toString).toList();
    }
}
