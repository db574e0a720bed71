package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.UserAccount;
import org.cartpath.interop.hl7.InboundMessages;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.Stage;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.shared.Actor;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.treatment.InfusedCases;
import org.cartpath.treatment.TreatmentFixtures.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Subsequent therapy, CAR-T persistence and B-cell aplasia after infusion, and laboratory results from the HL7 v2
 * interface feeding the follow-up counts (docs/clinical/follow-up.md, ADR 0035): through the API and the pages, bad
 * input refused naming the field with nothing stored, a duplicate refused, another centre 404, every write audited.
 */
@CartpathIntegrationTest
class FollowUpLaterEntriesIT {

    @LocalServerPort
    int port;

    @Autowired
    InfusedCases infusions;

    @Autowired
    CaseFixtures cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InboundMessages inbound;

    @Autowired
    OrganisationManagement organisations;

    @Autowired
    PatientManagement patients;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static String entries(CaseId id) {
        return "/api/v1/cases/" + id + "/follow-up/entries";
    }

    private long stored(CaseId id, String kind) {
        return jdbc.sql("select count(*) from followup_clinical_entry where case_id = ? and kind = ?")
                .params(id.value(), kind).query(Long.class).single();
    }

    private LocalDate dayZero(CaseId id) {
        return jdbc.sql("select day_zero from followup_plan where case_id = ?").param(id.value())
                .query(LocalDate.class).single();
    }

    private static Map<String, Object> entry(String kind, LocalDate on, Map<String, Object> values) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("observedOn", on.toString());
        body.put("values", values);
        return body;
    }

    @Test
    void subsequentTherapyAndPersistenceAreRecordedThroughTheApiAndThePageAndShownOnTheTimeline() {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        Http consultant = as(p.world().consultant());
        LocalDate zero = dayZero(id);
        long audited = jdbc.sql("select count(*) from audit_event where action = 'FOLLOW_UP_ENTRY_RECORDED'")
                .query(Long.class).single();

        Map<String, Object> allograft = new HashMap<>(Map.of("therapyKind", "ALLOGENEIC_TRANSPLANT", "intent",
                "CONSOLIDATION", "regimen", "Flu/TBI, matched unrelated donor"));
        assertProblem(consultant.postJson(entries(id), entry("SUBSEQUENT_THERAPY", zero, Map.of("therapyKind",
                "ALLOGENEIC_TRANSPLANT", "intent", "CURE", "regimen", 7))), 400, "invalid-request");
        HttpResponse<String> refused = consultant.postJson(entries(id), entry("SUBSEQUENT_THERAPY", zero,
                Map.of("therapyKind", "ALLOGENEIC_TRANSPLANT", "intent", "CURE", "regimen", "Flu/TBI")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("values.intent");
        assertProblem(consultant.postJson(entries(id), entry("CAR_T_PERSISTENCE", zero, Map.of("method", "QPCR",
                "detected", true, "value", 1200, "unit", "PERCENT_OF_T_CELLS"))), 400, "invalid-request");
        assertProblem(as(cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("24")).consultant()).postJson(entries(id),
                entry("SUBSEQUENT_THERAPY", zero, allograft)), 404, "not-found");
        assertThat(stored(id, "SUBSEQUENT_THERAPY") + stored(id, "CAR_T_PERSISTENCE")).isZero();

        assertThat(consultant.postJson(entries(id), entry("SUBSEQUENT_THERAPY", zero, allograft)).statusCode())
                .isEqualTo(201);
        assertProblem(consultant.postJson(entries(id), entry("SUBSEQUENT_THERAPY", zero, allograft)), 409,
                "entry-already-recorded");
        assertThat(consultant.postJson(entries(id), entry("CAR_T_PERSISTENCE", zero, Map.of("method", "FLOW",
                "detected", true, "value", 4.5, "unit", "PERCENT_OF_T_CELLS"))).statusCode()).isEqualTo(201);

        Map<String, String> form = new HashMap<>(Map.of("kind", "CAR_T_PERSISTENCE", "observedOn", zero.toString(),
                "values.method", "QPCR", "values.detected", "false", "values.value", "30",
                "values.unit", "COPIES_PER_MICROGRAM_DNA"));
        HttpResponse<String> page = consultant.postForm("/cases/" + id + "/follow-up/entries", form);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("There is a problem").contains("CAR-T cells detected a result above 0 is a"
                + " detection");
        form.put("values.detected", "true");
        assertThat(consultant.postForm("/cases/" + id + "/follow-up/entries", form).statusCode()).isEqualTo(302);

        assertThat(stored(id, "SUBSEQUENT_THERAPY")).isEqualTo(1);
        assertThat(stored(id, "CAR_T_PERSISTENCE")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'FOLLOW_UP_ENTRY_RECORDED'")
                .query(Long.class).single()).isEqualTo(audited + 3);
        String casePage = consultant.get("/cases/" + id).body();
        assertThat(casePage).contains("data-testid=\"follow-up-subsequent-therapy\"")
                .contains("Flu/TBI, matched unrelated donor").contains("data-testid=\"follow-up-persistence\"")
                .contains("copies/µg DNA").containsPattern("data-kind=\"THERAPY\"[^>]*>\\s*<strong[^>]*>Day 0");
        assertThat(as(p.world().referrer()).get("/cases/" + id).body())
                .contains("Allogeneic stem cell transplant (consolidation of a response)");
    }

    @Test
    void resultsFromTheHl7InterfaceFeedTheCountsAndBCellAplasiaOnceWithTheirSourceATypedValueWinning()
            throws Exception {
        Product p = infusions.infused(port);
        CaseId id = p.caseId();
        Http consultant = as(p.world().consultant());
        String ods = "F" + ThreadLocalRandom.current().nextInt(10000, 99999);
        Organisation centre = p.world().centre();
        organisations.change(Actor.system("test fixtures"), centre.id(), new OrganisationManagement.OrganisationChange(
                centre.name(), centre.region(), ods, centre.fin(), true), centre.version());
        PatientRecord patient = patients.get(p.world().actor(p.world().coordinator()), p.world().patientId(), "test");
        ZonedDateTime taken = ZonedDateTime.now(ZoneId.of("Europe/London"));
        String at = taken.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        String control = "FU" + System.nanoTime();
        String raw = String.join("\r",
                "MSH|^~\\&|WINPATH|RP4LAB|CARTPATH|" + ods + "|" + at + "||ORU^R01^ORU_R01|" + control
                        + "|P|2.5.1|||AL|NE|GBR",
                "PID|1||" + patient.demographics().nhsNumber().value() + "^^^NHS^NH||Fixture^Isla||"
                        + patient.demographics().dateOfBirth().format(DateTimeFormatter.BASIC_ISO_DATE) + "|F",
                "OBR|1|ORD0001|LAB0001|FBC^Full blood count^L|||" + at,
                "OBX|1|NM|NEUT^Neutrophils^L||0.4|10*9/L|2.0-7.5|L|||F|||" + at,
                "OBX|2|NM|PLT^Platelets^L||45|10*9/L|150-450|L|||F|||" + at,
                "OBX|3|NM|CD19^CD19+ B cells^L||0|cells/uL|100-500|L|||F|||" + at,
                "OBX|4|NM|CRP^C-reactive protein^L||8.5|mg/dL|<0.5|H|||F|||" + at);
        try (HapiContext hapi = new DefaultHapiContext()) {
            hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
            hapi.setValidationContext(ValidationContextFactory.noValidation());
            inbound.receive(raw, hapi.getPipeParser().parse(raw));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from followup_interface_result where case_id = ?").param(id.value())
                .query(Long.class).single()).as("ANC, platelets and CD19 filed; CRP left to monitoring").isEqualTo(3));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'FOLLOW_UP_INTERFACE_RESULT_FILED'"
                + " and after_state::text like ?").param("%" + id.value() + "%").query(Long.class).single())
                .isEqualTo(3);

        JsonNode history = Http.json(consultant.get(entries(id)));
        assertThat(history.get("counts")).hasSize(1);
        assertThat(history.get("counts").get(0).get("anc").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(history.get("counts").get(0).get("source").asString())
                .isEqualTo("HL7 v2 result from WINPATH at RP4LAB, message " + control);
        assertThat(history.get("bCellAplasia").get("status").asString()).isEqualTo("IN_APLASIA");
        assertThat(consultant.get("/cases/" + id).body()).contains("HL7 v2 result from WINPATH at RP4LAB")
                .contains("Aplasia last confirmed");

        // the same day's ANC typed by hand wins: counted once, as typed
        assertThat(consultant.postJson(entries(id), entry("BLOOD_COUNT", taken.toLocalDate(), Map.of("anc", 0.5,
                "growthFactor", false, "redCellTransfusion", false, "plateletTransfusion", false))).statusCode())
                .isEqualTo(201);
        history = Http.json(consultant.get(entries(id)));
        assertThat(history.get("counts")).hasSize(1);
        assertThat(history.get("counts").get(0).get("anc").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(history.get("counts").get(0).get("source").asString()).isEqualTo(FollowUpEntries.TYPED);
        assertThat(List.of(history.get("earlyIcaht").get("daysAtOrBelow500").asInt())).containsExactly(1);
    }
}
