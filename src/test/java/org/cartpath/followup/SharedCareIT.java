package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Shared care with the referring hospital (docs/clinical/follow-up.md; hazard H-25): the hospital's record system
 * submits a day-100 visit with its API token, the centre's data manager accepts it and the visit and the registry
 * time point are complete; a returned submission carries its question and comes back as a new version; another
 * hospital and a manufacturer get 404, the referrer cannot accept, a replay changes nothing, bad input is refused
 * with its field.
 */
@CartpathIntegrationTest
class SharedCareIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    PatientManagement patients;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    JdbcClient jdbc;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    /** The hospital's record system, with its own API token (a referrer's role at the hospital). */
    private Http recordSystem(Organisation hospital) {
        String token = tokens.create(Actor.system("test"), new ApiTokenManagement.NewApiToken(hospital.id(),
                "Hospital EPR " + UUID.randomUUID(), Set.of(Role.REFERRER))).secret();
        return Http.token(port, token);
    }

    private World infusedDaysAgo(int daysAgo) {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24"));
        Instant infusedAt = plans.today().minusDays(daysAgo).atTime(11, 0).atZone(LONDON).toInstant();
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), infusedAt);
        return w;
    }

    private String nhsNumber(World w) {
        return patients.get(w.actor(w.referrer()), w.patientId(), "test").demographics().nhsNumber().value();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static Map<String, Object> visit(String key, String timepoint, LocalDate on, String nhsNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("visitKey", key);
        if (timepoint != null) {
            body.put("timepoint", timepoint);
        }
        body.put("attended", true);
        body.put("on", on.toString());
        body.put("nhsNumber", nhsNumber);
        return body;
    }

    @Test
    void leedsSubmitsTheDay100VisitTheCentreAcceptsItOnceAndTheVisitAndTheRegistryTimepointAreComplete() {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24"));
        UUID id = w.therapyCase().id().value();
        String nhs = nhsNumber(w);
        String submissions = "/api/v1/cases/" + id + "/follow-up/submissions";
        Http leeds = recordSystem(w.hospital());
        // not yet infused: no follow-up to submit
        assertProblem(leeds.postJson(submissions, visit("DAY_90", null, plans.today(), nhs)), 409, "not-infused");
        LocalDate zero = plans.today().minusDays(100);
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), zero.atTime(11, 0).atZone(LONDON)
                .toInstant());
        UserAccount dataManager = identities.user(w.centre(), Role.DATA_MANAGER);
        Http centre = as(dataManager);
        Organisation otherHospital = identities.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Http other = as(identities.user(otherHospital, Role.REFERRER));

        // bad input: refused with its field, nothing stored
        assertProblem(leeds.postJson(submissions, visit("DAY_90", "DAY_100", zero.minusDays(1), nhs)), 400,
                "invalid-request", "on");
        assertProblem(leeds.postJson(submissions, visit("DAY_90", null, plans.today().plusDays(1), nhs)), 400,
                "invalid-request", "on");
        assertProblem(leeds.postJson(submissions, visit("DAY_90", "DAY_100", zero.plusDays(50), nhs)), 400,
                "invalid-request", "on");
        assertProblem(leeds.postJson(submissions, visit("DAY_999", null, plans.today(), nhs)), 400,
                "invalid-request", "visitKey");
        assertProblem(leeds.postJson(submissions, visit("DAY_90", "YEAR_99", plans.today(), nhs)), 400,
                "invalid-request", "timepoint");
        assertProblem(leeds.postJson(submissions, visit("DAY_90", "DAY_100", plans.today(), null)), 400,
                "invalid-request", "nhsNumber");
        String someoneElse = PatientTestData.nhsNumber();
        assertProblem(leeds.postJson(submissions, visit("DAY_90", "DAY_100", plans.today(), someoneElse)), 422,
                "patient-mismatch", "nhsNumber");
        // another hospital and the manufacturer: as if there were no case; the centre records visits itself
        assertProblem(other.postJson(submissions, visit("DAY_90", "DAY_100", plans.today(), nhs)), 404, "not-found");
        assertProblem(as(w.operator()).postJson(submissions, visit("DAY_90", "DAY_100", plans.today(), nhs)), 404,
                "not-found");
        assertThat(centre.postJson(submissions, visit("DAY_90", "DAY_100", plans.today(), nhs)).statusCode())
                .isEqualTo(403);
        assertThat(count("select count(*) from followup_submission where case_id = ?", id)).isZero();

        JsonNode submitted = Http.json(leeds.postJson(submissions, visit("DAY_90", "DAY_100", plans.today(),
                nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6))));
        assertThat(submitted.get("status").asText()).isEqualTo("PENDING");
        assertThat(submitted.get("version").asInt()).isEqualTo(1);
        String sid = submitted.get("id").asText();
        String submission = "/api/v1/follow-up-submissions/" + sid;
        // a replayed submission makes no second one
        assertProblem(leeds.postJson(submissions, visit("DAY_90", "DAY_100", plans.today(), nhs)), 409,
                "submission-already-open");
        assertThat(count("select count(*) from followup_submission where case_id = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'FOLLOW_UP_SUBMITTED' and entity_id = ?",
                sid)).isEqualTo(1);

        // pending: nothing recorded yet; the centre's worklist shows it to review, no other hospital sees it
        assertThat(visitStatus(id, "DAY_90")).isEqualTo("PLANNED");
        assertThat(timepointStatus(id, "DAY_100")).isEqualTo("PLANNED");
        assertThat(centre.get("/follow-up").body()).contains("data-key=\"SUBMISSION:" + sid + "\"")
                .contains("To review");
        assertProblem(other.get(submission), 404, "not-found");
        assertProblem(as(w.operator()).get(submission), 404, "not-found");
        assertProblem(as(w.operator()).get(submissions), 404, "not-found");
        assertThat(as(identities.user(otherHospital, Role.REFERRER)).get("/follow-up").body()).doesNotContain(sid);

        // only the centre's reviewers accept, the version they saw
        assertProblem(leeds.postJson(submission + "/acceptance", Map.of("version", 1)), 403, "forbidden");
        assertProblem(other.postJson(submission + "/acceptance", Map.of("version", 1)), 404, "not-found");
        assertProblem(as(w.pharmacist()).postJson(submission + "/acceptance", Map.of("version", 1)), 403,
                "forbidden");
        assertProblem(centre.postJson(submission + "/acceptance", Map.of()), 400, "invalid-request", "version");
        assertThat(visitStatus(id, "DAY_90")).isEqualTo("PLANNED");

        JsonNode accepted = Http.json(centre.postJson(submission + "/acceptance", Map.of("version", 1)));
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(visitStatus(id, "DAY_90")).isEqualTo("DONE");
        assertThat(jdbc.sql("select outcome_on from followup_clinic_visit where case_id = ? and visit_key = 'DAY_90'")
                .param(id).query(LocalDate.class).single()).isEqualTo(plans.today());
        assertThat(timepointStatus(id, "DAY_100")).isEqualTo("COMPLETED");
        // accepting twice (a replayed POST) records nothing twice
        assertProblem(centre.postJson(submission + "/acceptance", Map.of("version", 1)), 409,
                "submission-already-reviewed");
        assertThat(count("select count(*) from audit_event where action = 'FOLLOW_UP_VISIT_RECORDED'"
                + " and entity_id = ?", id.toString())).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'FOLLOW_UP_SUBMISSION_ACCEPTED'"
                + " and entity_id = ?", sid)).isEqualTo(1);
        // the hospital sees it accepted; the worklist no longer shows it
        assertThat(Http.json(leeds.get(submission)).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(centre.get("/follow-up").body()).doesNotContain(sid);
    }

    @Test
    void aReturnedSubmissionShowsTheQuestionAndTheHospitalCorrectsItAsANewVersionWhichIsAcceptedNotTheOldOne() {
        World w = infusedDaysAgo(60);
        UUID id = w.therapyCase().id().value();
        LocalDate zero = plans.today().minusDays(60);
        String nhs = nhsNumber(w);
        Http leeds = as(w.referrer());
        Http consultant = as(w.consultant());
        String sid = Http.json(leeds.postJson("/api/v1/cases/" + id + "/follow-up/submissions",
                visit("DAY_56", null, zero.plusDays(50), nhs))).get("id").asText();
        String submission = "/api/v1/follow-up-submissions/" + sid;

        assertProblem(consultant.postJson(submission + "/return", Map.of("version", 1)), 400, "invalid-request",
                "question");
        JsonNode returned = Http.json(consultant.postJson(submission + "/return", Map.of("version", 1, "question",
                "Day 50 is before the day 56 visit: was this the day 56 visit?")));
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(Http.json(leeds.get(submission)).get("reviews").get(0).get("question").asText())
                .contains("was this the day 56 visit");
        assertThat(leeds.get("/follow-up/submissions/" + sid).body()).contains("was this the day 56 visit");
        assertProblem(consultant.postJson(submission + "/acceptance", Map.of("version", 1)), 409,
                "submission-already-reviewed");
        assertProblem(consultant.postJson(submission + "/versions", visit(null, null, zero.plusDays(56), nhs)), 403,
                "forbidden");

        Map<String, Object> corrected = visit(null, null, zero.plusDays(56), nhs);
        JsonNode second = Http.json(leeds.postJson(submission + "/versions", corrected));
        assertThat(second.get("status").asText()).isEqualTo("PENDING");
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertProblem(leeds.postJson(submission + "/versions", corrected), 409, "submission-not-returned");
        // the reviewer who read version 1 cannot accept it unseen
        assertProblem(consultant.postJson(submission + "/acceptance", Map.of("version", 1)), 409, "stale-version");
        assertThat(visitStatus(id, "DAY_56")).isEqualTo("PLANNED");

        assertThat(Http.json(consultant.postJson(submission + "/acceptance", Map.of("version", 2))).get("status")
                .asText()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select outcome_on from followup_clinic_visit where case_id = ? and visit_key = 'DAY_56'")
                .param(id).query(LocalDate.class).single()).isEqualTo(zero.plusDays(56));
        assertThat(count("select count(*) from followup_submission_version where submission_id = ?",
                UUID.fromString(sid))).isEqualTo(2);
    }

    private String visitStatus(UUID id, String key) {
        return jdbc.sql("select status from followup_clinic_visit where case_id = ? and visit_key = ?")
                .params(id, key).query(String.class).single();
    }

    private String timepointStatus(UUID id, String name) {
        return jdbc.sql("select status from followup_registry_timepoint where case_id = ? and name = ?")
                .params(id, name).query(String.class).single();
    }
}
