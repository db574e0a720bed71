package org.cartpath.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.patient.NhsNumber;
import org.cartpath.shared.DemoDataReady;
import org.cartpath.shared.OrganisationId;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo child whose Kymriah is back at Great Ormond Street: seeded with the shared test database's demo data, read
 * as the demo pharmacist and ward nurse would, and never seeded twice.
 */
@CartpathIntegrationTest
class DemoTreatmentSeedIT {

    private static final String PASSWORD = "cartpath-demo";

    @LocalServerPort
    int port;

    @Autowired
    DemoTreatmentSeed seed;

    @Autowired
    JdbcClient jdbc;

    private UUID demoCase() {
        return jdbc.sql("select c.id from therapy_case c join patient p on p.id = c.patient_id where p.nhs_number = ?")
                .param(DemoTreatmentSeed.NHS_NUMBER).query(UUID.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void theDemoChildsNhsNumberIsAValidTestNumberOfItsOwn() {
        assertThat(NhsNumber.parse(DemoTreatmentSeed.NHS_NUMBER).value()).startsWith("999");
        assertThat(DemoTreatmentSeed.NHS_NUMBER).isNotIn("9990010013", "9990010021", "9990010048");
    }

    @Test
    void thePharmacistFindsTheProductReceivedAtGreatOrmondStreetWithItsReleasedLot() {
        UUID caseId = demoCase();
        Http pharmacist = Http.signedIn(port, "pharmacist", PASSWORD);

        JsonNode therapyCase = Http.json(pharmacist.get("/api/v1/cases/" + caseId));
        assertThat(therapyCase.toString()).contains("RECEIVED", "KYMRIAH", "B_ALL");
        assertThat(count("select count(*) from therapy_case c join organisation o on o.id = c.treating_centre_id "
                + "where c.id = ? and c.stage = 'RECEIVED' and o.name = 'Great Ormond Street Hospital for Children'",
                caseId)).isEqualTo(1);

        String coi = Http.json(pharmacist.get("/api/v1/cases/" + caseId + "/chain-of-identity")).get("barcodeData").asText();
        JsonNode lots = Http.json(pharmacist.get("/api/v1/cases/" + caseId + "/product-lots"));
        assertThat(lots.size()).isEqualTo(1);
        JsonNode certificate = lots.get(0).get("certificate");
        assertThat(certificate.get("lotNumber").asText()).isEqualTo(DemoTreatmentSeed.LOT);
        assertThat(certificate.get("chainOfIdentity").asText()).isEqualTo(coi);
        // 0.2–5.0 × 10^6 cells per kg for 22 kg (Kymriah label), viability of at least 80 %
        assertThat(certificate.get("doseCells").asDouble()).isBetween(0.2e6 * 22, 5.0e6 * 22);
        assertThat(certificate.get("viabilityPercent").asDouble()).isGreaterThanOrEqualTo(80);
        assertThat(lots.get(0).get("manufacturerOutOfSpecification").isNull()).isTrue();

        assertThat(pharmacist.get("/cases/" + caseId + "/lymphodepletion").statusCode()).isEqualTo(200);
        assertThat(Http.signedIn(port, "ward.nurse", PASSWORD).get("/api/v1/cases/" + caseId).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theCustodyHistoryRunsFromCollectionToTheCheckedReceiptAtTheCentre() {
        UUID caseId = demoCase();
        JsonNode custody = Http.json(Http.signedIn(port, "cell.lab", PASSWORD).get("/api/v1/cases/" + caseId + "/custody"));
        assertThat(custody.get("stopped").asBoolean()).isFalse();
        assertThat(custody.get("shipments").size()).isEqualTo(2);
        List<String> custodians = custody.get("timeline").valueStream().filter(r -> r.get("custodianName").isTextual())
                .map(r -> r.get("custodianName").asText()).toList();
        assertThat(custodians).contains("Great Ormond Street Hospital for Children", "Cryo Logistics (demo courier)",
                "Novartis Cell Therapy (demo)");
        assertThat(count("select count(*) from custody_verification where case_id = ? and status = 'COMPLETED'", caseId))
                .isEqualTo(2);
    }

    @Test
    void theSeedsWorkIsInTheAuditTrailUnderTheDemoUsersNames() {
        UUID caseId = demoCase();
        String ofTheCase = " from audit_event where entity_id = ? or after_state like ?"
                + " or entity_id in (select id::text from product_lot where case_id = ?)"
                + " or entity_id in (select id::text from custody_item where case_id = ?)";
        Object[] params = {caseId.toString(), "%" + caseId + "%", caseId, caseId};
        List<String> actions = jdbc.sql("select distinct action" + ofTheCase).params(params).query(String.class).list();
        assertThat(actions).contains("REFERRAL_SUBMITTED", "PANEL_DECISION_RECORDED", "SLOT_BOOKED",
                "CUSTODY_LABEL_PRINTED", "SHIPMENT_REGISTERED", "MANUFACTURING_REPORTED", "PRODUCT_LOT_RELEASED",
                "TOCILIZUMAB_STOCK_COUNTED");
        List<String> people = jdbc.sql("select distinct actor_name" + ofTheCase).params(params).query(String.class).list();
        assertThat(people).contains("Dr Priya Raman", "Sam Okafor", "Grace Lee", "Tom Fischer", "Aisha Patel",
                "Lena Novak", "Chris Byrne");
    }

    @Test
    void runningTheSeedAgainAddsNothing() {
        Map<String, OrganisationId> demo = new HashMap<>();
        Map<String, String> names = Map.of("gosh", "Great Ormond Street Hospital for Children", "leeds",
                "Leeds Children's Hospital", "panel", "National CAR-T Clinical Panel", "novartis",
                "Novartis Cell Therapy (demo)", "courier", "Cryo Logistics (demo courier)");
        names.forEach((key, name) -> demo.put(key, new OrganisationId(jdbc.sql("select id from organisation where name = ?")
                .param(name).query(UUID.class).single())));
        String audit = "select count(*) from audit_event";
        long audits = count(audit);
        long cases = count("select count(*) from therapy_case");
        long lots = count("select count(*) from product_lot");
        seed.seed(new DemoDataReady(demo));
        assertThat(count(audit)).isEqualTo(audits);
        assertThat(count("select count(*) from therapy_case")).isEqualTo(cases);
        assertThat(count("select count(*) from product_lot")).isEqualTo(lots);
        assertThat(count("select count(*) from patient where nhs_number = ?", DemoTreatmentSeed.NHS_NUMBER)).isEqualTo(1);
    }
}
