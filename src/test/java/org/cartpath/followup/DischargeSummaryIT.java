package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.Assessments;
import org.cartpath.monitoring.MonitoringFixtures;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.testing.PdfText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The discharge summary for the referring hospital and the GP (docs/clinical/discharge-documents.md, H-34): made from
 * the record at each print — the product, the CRS episode with its highest grade and days, tocilizumab, the latest
 * counts, the next clinic visits, the 24-hour contact and the advice every doctor needs — each print audited; refused
 * before the infusion, outside the treating centre and to roles that do not write it, with nothing audited.
 */
@CartpathIntegrationTest
class DischargeSummaryIT {

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures monitoring;

    @Autowired
    MonitoringManagement assessments;

    @Autowired
    ToxicityTreatment toxicity;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    FollowUpEntries entries;

    @Autowired
    DischargeDocuments documents;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private static String path(TherapyCase c) {
        return "/cases/" + c.id() + "/follow-up/discharge-summary.pdf";
    }

    private long printed(TherapyCase c) {
        return jdbc.sql("select count(*) from audit_event where action = 'DISCHARGE_SUMMARY_PRINTED' and entity_id = ?")
                .param(c.id().toString()).query(Long.class).single();
    }

    @Test
    void theConsultantPrintsASummaryOfTheTreatmentToxicityCountsAndPlanAndEachPrintIsAudited() {
        MonitoringFixtures.Centre centre = monitoring.centre();
        Instant infusedAt = Instant.now(clock).minus(Duration.ofDays(40));
        TherapyCase c = monitoring.monitored(centre, infusedAt, 30, "70");
        // fever with a face mask's oxygen is CRS grade 3 (ASTCT 2019) on day 2; afebrile on day 5 resolves it
        assessments.recordAssessment(centre.nurseActor(), c.id(), Assessments.adult(infusedAt.plus(Duration.ofDays(2)))
                .temperature("39.0").oxygen(OxygenDevice.FACEMASK, null).input());
        assessments.recordAssessment(centre.nurseActor(), c.id(), Assessments.adult(infusedAt.plus(Duration.ofDays(5)))
                .input());
        toxicity.recordTocilizumab(centre.nurseActor(), c.id(), infusedAt.plus(Duration.ofDays(2)).plusSeconds(600),
                new BigDecimal("560"), null);
        plans.planAfterInfusion(Actor.system("test"), c.id(), infusedAt);
        LocalDate today = plans.today();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("anc", new BigDecimal("1.4"));
        counts.put("platelets", 88);
        counts.put("growthFactor", false);
        counts.put("redCellTransfusion", false);
        counts.put("plateletTransfusion", false);
        entries.record(centre.coordinatorActor(), c.id(), new FollowUpEntries.Entry(FollowUpEntry.Kind.BLOOD_COUNT,
                today.minusDays(3), counts, null));

        HttpResponse<String> noContact = as(centre.consultant()).get(path(c));
        assertThat(noContact.statusCode()).isEqualTo(409);
        assertThat(noContact.body()).contains("24-hour contact");
        assertThat(printed(c)).isZero();
        documents.setCentreContact(centre.coordinatorActor(), "CAR-T team on call (24 hours)", "020 7946 0999");

        assertThat(as(centre.consultant()).get("/cases/" + c.id()).body()).contains("print-discharge-summary");
        assertThat(as(centre.nurse()).get("/cases/" + c.id()).body()).as("a ward nurse prints the card, not the summary")
                .contains("print-alert-card").doesNotContain("print-discharge-summary");

        HttpResponse<byte[]> pdf = as(centre.consultant()).download(path(c));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        String text = PdfText.of(pdf.body());
        assertThat(text).contains("CAR-T THERAPY DISCHARGE SUMMARY", "To the referring team at "
                + centre.hospital().name(), "Kymriah (tisagenlecleucel)", "B-cell acute lymphoblastic leukaemia",
                c.reference());
        // a table's label and value may come out of the PDF with or without a space between them
        String lines = text.replaceAll("\\s+", "");
        assertThat(lines).as("the CRS episode, its highest grade and its days, and the rest of the toxicity")
                .contains("Cytokinereleasesyndrome(CRS)grade3atitshighest(ASTCT2019),fromday2today5")
                .contains("Neurotoxicity(ICANS)Nonerecorded").contains("Tocilizumab1dose")
                .contains("Lymphodepletion" + "Notrecordedincartpath");
        assertThat(lines).contains("neutrophils1.4×10^9/L,platelets88×10^9/L", "ResponseNoresponseassessment",
                "CAR-Tteamoncall(24hours),02079460999", "ClinicvisitDay56", "Registryfollow-upDay100:due");
        assertThat(text).contains("must not donate blood",
                "Irradiated cellular blood components until at least 3 months after the infusion",
                "by " + centre.consultant().displayName());
        assertThat(printed(c)).isEqualTo(1);
        Map<String, Object> audited = jdbc.sql("select after_state::text as after from audit_event where action ="
                + " 'DISCHARGE_SUMMARY_PRINTED' and entity_id = ?").param(c.id().toString()).query().singleRow();
        assertThat(audited.get("after").toString().replace(" ", "")).contains("\"episodes\":1")
                .as("audit rows carry no patient identity (ADR 0009)").doesNotContain(c.reference());

        assertThat(as(centre.coordinator()).download(path(c)).statusCode()).as("a reprint").isEqualTo(200);
        assertThat(printed(c)).isEqualTo(2);
    }

    @Test
    void theSummaryIsRefusedBeforeTheInfusionOutsideTheTreatingCentreAndToOtherRolesAndNothingIsAudited() {
        MonitoringFixtures.Centre centre = monitoring.centre();
        TherapyCase infused = monitoring.monitored(centre, Instant.now(clock).minus(Duration.ofDays(10)), 30, "70");
        plans.planAfterInfusion(Actor.system("test"), infused.id(), Instant.now(clock).minus(Duration.ofDays(10)));
        TherapyCase notInfused = monitoring.caseAt(centre, Stage.RECEIVED);
        documents.setCentreContact(centre.coordinatorActor(), "CAR-T team on call", "020 7946 0457");

        HttpResponse<String> before = as(centre.consultant()).get(path(notInfused));
        assertThat(before.statusCode()).isEqualTo(409);
        assertThat(before.body()).contains("no infusion recorded");
        MonitoringFixtures.Centre other = monitoring.centre();
        assertThat(as(other.consultant()).get(path(infused)).statusCode()).as("another centre").isEqualTo(404);
        assertThat(as(centre.referrer()).get(path(infused)).statusCode()).as("the referring hospital").isEqualTo(404);
        assertThat(as(centre.nurse()).get(path(infused)).statusCode()).as("a ward nurse").isEqualTo(403);
        UserAccount dataManager = identities.user(centre.centre(), Role.DATA_MANAGER);
        assertThat(as(dataManager).get(path(infused)).statusCode()).as("a data manager").isEqualTo(403);
        assertThat(as(centre.consultant()).get("/cases/not-a-case/follow-up/discharge-summary.pdf").statusCode())
                .isEqualTo(404);
        assertThat(printed(infused) + printed(notInfused)).isZero();
    }
}
