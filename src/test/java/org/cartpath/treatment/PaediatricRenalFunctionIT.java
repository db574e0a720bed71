package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.shared.Actor;
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
 * Fludarabine is dosed by a child's renal function, not an adult's (docs/clinical/renal-function.md): the bedside
 * Schwartz eGFR under 18, Cockcroft–Gault from 18, and a plan for a child whose estimate is outside its validated use
 * (younger than the equation was derived in) refused unless the pharmacist signs a reason — over the API and on the
 * page, a refusal recorded and changing nothing.
 */
@CartpathIntegrationTest
class PaediatricRenalFunctionIT {

    @LocalServerPort
    int port;

    @Autowired
    TreatmentFixtures fixtures;

    @Autowired
    PatientManagement patients;

    @Autowired
    CaseJourney journey;

    @Autowired
    JdbcClient jdbc;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static String path(Product p, String rest) {
        return TreatmentStoryIT.path(p, rest);
    }

    /** A released product of a patient born on {@code bornOn}, measured today: 24 kg, 120 cm, creatinine 35 µmol/L. */
    private Product patientBornOn(LocalDate bornOn) {
        Product p = fixtures.released();
        Actor referrer = p.world().actor(p.world().referrer());
        PatientId id = p.world().patientId();
        PatientRecord record = patients.get(referrer, id, "Test: correcting the date of birth");
        Demographics d = record.demographics();
        patients.changeDemographics(referrer, id, new PatientDetails(d.nhsNumber() == null ? null : d.nhsNumber().value(),
                d.localHospitalNumber(), d.givenName(), d.familyName(), bornOn, d.sex(), d.address()), d.version(),
                "Test: the date of birth of this case");
        fixtures.measured(p, "24", "120", "35");
        return p;
    }

    private Map<String, Object> plan(Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("anchorOn", journey.today().toString()));
        body.putAll(more);
        return body;
    }

    private long plans(Product p) {
        return jdbc.sql("select count(*) from lymphodepletion_plan where case_id = ?").param(p.caseId().value())
                .query(Long.class).single();
    }

    private long refusalsRecorded(Product p) {
        return jdbc.sql("select count(*) from audit_event where action = 'LYMPHODEPLETION_PLAN_REFUSED' and entity_id = ?")
                .param(p.caseId().toString()).query(Long.class).single();
    }

    private long overrideSignatures(String planId) {
        return jdbc.sql("select count(*) from electronic_signature where record_type = 'LymphodepletionPlan'"
                + " and record_id = ? and meaning = 'OVERRIDDEN'").param(planId).query(Long.class).single();
    }

    @Test
    void aChildOf17Years364DaysIsDosedByTheBedsideSchwartzEgfr() {
        Product p = patientBornOn(journey.today().minusYears(18).plusDays(1));
        JsonNode plan = TreatmentStoryIT.created(as(p.world().pharmacist()).postJson(path(p, "/lymphodepletion-plans"),
                plan(Map.of())));
        JsonNode inputs = plan.get("inputs");
        assertThat(inputs.get("ageYears").asInt()).isEqualTo(17);
        assertThat(inputs.get("renalMethod").asText()).isEqualTo("BEDSIDE_SCHWARTZ_2009");
        // 36.5 × 120 cm / 35 µmol/L = 125.14 mL/min/1.73 m²
        assertThat(inputs.get("renalEstimate").decimalValue()).isEqualByComparingTo("125.1");
        assertThat(inputs.get("renalEstimateUnit").asText()).isEqualTo("mL/min/1.73 m²");
        assertThat(inputs.get("renalParametersId").asText()).isEqualTo("RENAL-FUNCTION-2026-12");
        assertThat(plan.get("plan").get("renalBandApplied").asText()).startsWith("eGFR 80 or more mL/min/1.73 m²");
        assertThat(plan.get("warnings").toString()).doesNotContain("derived in adults");
    }

    @Test
    void anAdultOf18IsDosedByCockcroftGaultAsBefore() {
        Product p = patientBornOn(journey.today().minusYears(18));
        JsonNode plan = TreatmentStoryIT.created(as(p.world().pharmacist()).postJson(path(p, "/lymphodepletion-plans"),
                plan(Map.of())));
        JsonNode inputs = plan.get("inputs");
        assertThat(inputs.get("ageYears").asInt()).isEqualTo(18);
        assertThat(inputs.get("renalMethod").asText()).isEqualTo("COCKCROFT_GAULT");
        assertThat(inputs.get("renalEstimateUnit").asText()).isEqualTo("mL/min");
        BigDecimal expected = org.cartpath.treatment.dosing.CreatinineClearance.cockcroftGault(18, new BigDecimal("24"),
                inputs.get("sex").asText().equals("MALE") ? org.cartpath.treatment.dosing.Sex.MALE
                        : org.cartpath.treatment.dosing.Sex.FEMALE,
                new org.cartpath.treatment.dosing.SerumCreatinine(new BigDecimal("35"),
                        org.cartpath.treatment.dosing.SerumCreatinine.Unit.UMOL_PER_L)).mlPerMin();
        assertThat(plan.get("plan").get("creatinineClearanceMlPerMin").decimalValue()).isEqualByComparingTo(expected);
        assertThat(plan.get("plan").get("renalBandApplied").asText()).startsWith("CrCl ");
    }

    @Test
    void aChildWithoutAHeightIsRefusedNamingItAndNothingIsPlanned() {
        Product p = fixtures.released(); // the referral's weight of yesterday, no height
        Actor pharmacist = p.world().actor(p.world().pharmacist());
        patients.record(pharmacist, p.world().patientId(), new OrganFunction(journey.today(), new BigDecimal("35"), null,
                null, null, null));
        JsonNode refused = assertProblem(as(p.world().pharmacist()).postJson(path(p, "/lymphodepletion-plans"),
                plan(Map.of())), 422, "measurement-missing");
        assertThat(refused.get("detail").asText()).contains("a height (a child's renal function is estimated from it by"
                + " the bedside Schwartz equation)");
        assertThat(plans(p)).isZero();
        assertThat(refusalsRecorded(p)).isEqualTo(1);
    }

    @Test
    void anInfantsPlanIsRefusedUntilThePharmacistSignsAReasonOverTheApi() {
        Product p = patientBornOn(journey.today().minusMonths(6));
        Http pharmacist = as(p.world().pharmacist());

        JsonNode refused = assertProblem(pharmacist.postJson(path(p, "/lymphodepletion-plans"), plan(Map.of())), 422,
                "renal-estimate-needs-override", "renalOverrideReason");
        assertThat(refused.get("detail").asText()).contains("The patient is 0", "derived in children from 1 year");
        assertThat(refused.get("overridable").asBoolean()).isTrue();
        assertThat(plans(p)).isZero();
        assertThat(refusalsRecorded(p)).as("the refusal is recorded").isEqualTo(1);

        String reason = "Measured GFR (iohexol) 118 mL/min/1.73 m² on " + journey.today() + " agrees with the estimate";
        assertProblem(pharmacist.postJson(path(p, "/lymphodepletion-plans"), plan(Map.of("renalOverrideReason", reason))),
                400, "invalid-request", "password");
        assertProblem(pharmacist.postJson(path(p, "/lymphodepletion-plans"), plan(Map.of("renalOverrideReason", reason,
                "password", "wrong"))), 422, "signature-refused");
        assertProblem(as(p.world().nurse()).postJson(path(p, "/lymphodepletion-plans"), plan(Map.of(
                "renalOverrideReason", reason, "password", IdentityFixtures.PASSWORD))), 403, "forbidden");
        assertThat(plans(p)).as("nothing planned until signed").isZero();

        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"), plan(Map.of(
                "renalOverrideReason", reason, "password", IdentityFixtures.PASSWORD))));
        JsonNode inputs = plan.get("inputs");
        assertThat(inputs.get("renalMethod").asText()).isEqualTo("BEDSIDE_SCHWARTZ_2009");
        assertThat(inputs.get("renalOverrideReason").asText()).isEqualTo(reason);
        assertThat(inputs.get("renalOverrideSignatureId").asText()).isNotBlank();
        assertThat(plan.get("warnings").toString()).contains("Overridden by the pharmacist with a signed reason");
        assertThat(overrideSignatures(plan.get("id").asText())).isEqualTo(1);
        assertThat(jdbc.sql("select reason from electronic_signature where id = ?")
                .param(java.util.UUID.fromString(inputs.get("renalOverrideSignatureId").asText()))
                .query(String.class).single()).isEqualTo(reason);
    }

    @Test
    void aSignedReasonWhereNoneIsNeededIsRefusedAndSignsNothing() {
        Product p = patientBornOn(journey.today().minusYears(9));
        assertProblem(as(p.world().pharmacist()).postJson(path(p, "/lymphodepletion-plans"), plan(Map.of(
                "renalOverrideReason", "Just in case", "password", IdentityFixtures.PASSWORD))), 400, "invalid-request",
                "renalOverrideReason");
        assertThat(plans(p)).isZero();
        assertThat(jdbc.sql("select count(*) from electronic_signature where record_type = 'LymphodepletionPlan'"
                + " and meaning = 'OVERRIDDEN' and reason = 'Just in case'").query(Long.class).single()).isZero();
    }

    @Test
    void onThePageAnInfantsPlanAsksForTheSignedReasonInTheFormsOwnWords() {
        Product p = patientBornOn(journey.today().minusMonths(6));
        Http pharmacist = as(p.world().pharmacist());
        String page = "/cases/" + p.caseId() + "/lymphodepletion";
        assertThat(pharmacist.get(page).body()).contains("Reason for dosing by this renal estimate");

        HttpResponse<String> refused = pharmacist.postForm(page + "/plans", Map.of("anchorOn",
                journey.today().toString()));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("There is a problem", "Reason for dosing by this renal estimate is needed",
                "derived in children from 1 year").doesNotContain("renalOverrideReason is");
        assertThat(plans(p)).isZero();

        HttpResponse<String> noPassword = pharmacist.postForm(page + "/plans", Map.of("anchorOn",
                journey.today().toString(), "renalOverrideReason", "Measured GFR agrees"));
        assertThat(noPassword.body()).contains("There is a problem", "Your password is needed to sign the reason");
        assertThat(plans(p)).isZero();

        HttpResponse<String> signed = pharmacist.postForm(page + "/plans", Map.of("anchorOn", journey.today().toString(),
                "renalOverrideReason", "Measured GFR agrees", "renalOverridePassword", IdentityFixtures.PASSWORD));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
        assertThat(plans(p)).isEqualTo(1);
        assertThat(pharmacist.get(page).body()).contains("data-testid=\"ld-renal-override\"", "Measured GFR agrees",
                "mL/min/1.73 m² (bedside Schwartz 2009");
    }

    @Test
    void aChildsMeasuredGfrIsUsedInsteadOfAnyEstimateAndNeedsNoOverride() {
        Product p = patientBornOn(journey.today().minusMonths(6));
        Http pharmacist = as(p.world().pharmacist());
        JsonNode plan = TreatmentStoryIT.created(pharmacist.postJson(path(p, "/lymphodepletion-plans"), plan(Map.of(
                "measuredGfrMlPerMinPer173m2", 45, "measuredGfrOn", journey.today().minusDays(1).toString()))));
        JsonNode inputs = plan.get("inputs");
        assertThat(inputs.get("renalMethod").asText()).isEqualTo("MEASURED_GFR");
        assertThat(inputs.get("renalEstimate").decimalValue()).isEqualByComparingTo("45");
        assertThat(inputs.get("measuredGfrOn").asText()).isEqualTo(journey.today().minusDays(1).toString());
        assertThat(inputs.get("renalOverrideReason").isNull()).isTrue();
        // 45 lies in the US Fludara band from 30 to under 50: 60% of the dose
        assertThat(plan.get("plan").get("renalBandApplied").asText()).isEqualTo("GFR 30 to under 50 mL/min/1.73 m²: 60%"
                + " of the dose");
        assertThat(pharmacist.get("/cases/" + p.caseId() + "/lymphodepletion").body())
                .contains("Renal function (measured GFR)", "45 mL/min/1.73 m² (measured on");
    }

    @Test
    void aMeasuredGfrForAnAdultInTheFutureOrTooOldIsRefusedNamingTheField() {
        Product adult = patientBornOn(journey.today().minusYears(30));
        assertProblem(as(adult.world().pharmacist()).postJson(path(adult, "/lymphodepletion-plans"), plan(Map.of(
                "measuredGfrMlPerMinPer173m2", 90, "measuredGfrOn", journey.today().toString()))), 400, "invalid-request",
                "measuredGfrMlPerMinPer173m2");
        Product child = patientBornOn(journey.today().minusYears(9));
        Http pharmacist = as(child.world().pharmacist());
        assertProblem(pharmacist.postJson(path(child, "/lymphodepletion-plans"), plan(Map.of(
                "measuredGfrMlPerMinPer173m2", 90, "measuredGfrOn", journey.today().plusDays(1).toString()))), 400,
                "invalid-request", "measuredGfrOn");
        assertProblem(pharmacist.postJson(path(child, "/lymphodepletion-plans"), plan(Map.of(
                "measuredGfrMlPerMinPer173m2", 90, "measuredGfrOn", journey.today().minusDays(8).toString()))), 400,
                "invalid-request", "measuredGfrOn");
        assertProblem(pharmacist.postJson(path(child, "/lymphodepletion-plans"), plan(Map.of(
                "measuredGfrMlPerMinPer173m2", 900, "measuredGfrOn", journey.today().toString()))), 400,
                "invalid-request", "measuredGfrMlPerMinPer173m2");
        assertProblem(pharmacist.postJson(path(child, "/lymphodepletion-plans"), plan(Map.of(
                "measuredGfrMlPerMinPer173m2", 90))), 400, "invalid-request", "measuredGfrOn");
        assertThat(plans(adult) + plans(child)).isZero();
    }
}
