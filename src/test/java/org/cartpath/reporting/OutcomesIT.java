package org.cartpath.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cartpath.testing.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.followup.FollowUpPlans;
import org.cartpath.followup.OutcomeEvent;
import org.cartpath.followup.OutcomeEvents;
import org.cartpath.identity.Organisation;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.Assessments;
import org.cartpath.monitoring.MonitoringFixtures;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The outcomes' scope: a centre's analyst sees their own centre's patients with every number and may not name another
 * centre; a commissioner's analyst sees every centre's with small numbers suppressed; the API, the page and the CSV
 * answer alike, and bad filters get a clear answer.
 */
@CartpathIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one cohort for every test: the tests only read it
class OutcomesIT {

    @LocalServerPort
    int port;

    @Autowired
    MonitoringFixtures monitoring;

    @Autowired
    MonitoringManagement assessments;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    CaseJourney journey;

    @Autowired
    FollowUpPlans followUp;

    @Autowired
    OutcomeEvents outcomeEvents;

    @Autowired
    OutcomeReports reports;

    @Autowired
    org.cartpath.referral.ReferralFixtures referrals;

    @Autowired
    org.cartpath.referral.NationalPanel panel;

    MonitoringFixtures.Centre centre;
    MonitoringFixtures.Centre other;
    TherapyCase severe;
    TherapyCase died;
    Actor analyst;

    @BeforeAll
    void twoInfusedPatientsAtOneCentreOneAtAnother() {
        centre = monitoring.centre();
        other = monitoring.centre();
        Instant now = Instant.now();
        severe = monitoring.monitored(centre, now.minus(Duration.ofDays(40)), 30, "70");
        // fever with a face mask's oxygen is CRS grade 3 (ASTCT 2019), on day 2
        assessments.recordAssessment(centre.nurseActor(), severe.id(), Assessments.adult(now.minus(Duration.ofDays(38)))
                .temperature("39.0").oxygen(OxygenDevice.FACEMASK, null).input());
        died = monitoring.monitored(centre, now.minus(Duration.ofDays(20)), 12, "40");
        // the death is recorded in follow-up with its date, day 5, a fortnight before it is recorded: the curve falls
        // on the day of death, not on the day the case ended
        followUp.planAfterInfusion(Actor.system("test"), died.id(), now.minus(Duration.ofDays(20)));
        LocalDate dayZero = LocalDate.ofInstant(now.minus(Duration.ofDays(20)), java.time.ZoneId.of("Europe/London"));
        outcomeEvents.record(centre.consultantActor(), died.id(), new OutcomeEvents.Entry(OutcomeEvent.Kind.DEATH,
                dayZero.plusDays(5), OutcomeEvent.InformationSource.CLINIC_VISIT, null, null, null, null,
                OutcomeEvent.DeathCause.DISEASE, null, null, null));
        monitoring.monitored(other, now.minus(Duration.ofDays(10)), 50, "80");
        analyst = MonitoringFixtures.actor(identities.user(centre.centre(), Role.ANALYST), centre.centre());
    }

    @Test
    void aCentresAnalystSeesTheirOwnPatientsWithEveryNumberAndMayNotNameAnotherCentre() {
        Outcomes outcomes = reports.outcomes(analyst, CohortFilter.EVERYONE);
        assertThat(outcomes.suppressed()).isFalse();
        assertThat(outcomes.cohort().patients().value()).isEqualTo(2L); // not the other centre's patient
        assertThat(outcomes.cohort().centre()).isEqualTo(centre.centre().name());
        assertThat(outcomes.toxicity().crs().grade3OrHigher().patients().shown()).isEqualTo("1");
        assertThat(outcomes.toxicity().crs().onsetDay().median()).isEqualTo(2.0);
        assertThat(outcomes.survival().deaths().value()).isEqualTo(1L);
        assertThat(outcomes.survival().curve()).isNotEmpty();
        assertThat(outcomes.survival().curve()).as("the one death falls on day 5, the date recorded in follow-up")
                .anySatisfy(p -> assertThat(p.day()).isEqualTo(5.0))
                .allSatisfy(p -> assertThat(p.day() <= 5.0 || p.survival() < 1.0).isTrue());
        assertThat(journey.get(centre.coordinatorActor(), died.id()).therapyCase().stage()).isEqualTo(Stage.DECEASED);
        assertThat(outcomes.service().referralToInfusionDays().patients().value()).isEqualTo(2L);

        assertThat(reports.outcomes(analyst, CohortFilter.parse(null, null, null, "UNDER_18", null, null))
                .cohort().patients().value()).isEqualTo(1L); // the twelve-year-old

        CohortFilter otherCentre = CohortFilter.EVERYONE.withCentre(other.centre().id().value());
        assertThatThrownBy(() -> reports.outcomes(analyst, otherCentre)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(404));

        Http http = Http.signedIn(port, analyst.username(), IdentityFixtures.PASSWORD);
        assertProblem(http.get("/api/v1/outcomes?centre=" + other.centre().id().value()), 404, "not-found");
        JsonNode json = Http.json(http.get("/api/v1/outcomes?product=KYMRIAH"));
        assertThat(json.get("cohort").get("patients").get("value").asLong()).isEqualTo(2);
        assertThat(json.get("toxicity").get("crs").get("grade3OrHigher").get("patients").get("shown").asText())
                .isEqualTo("1");
        assertThat(Http.json(http.get("/api/v1/outcomes/survival")).get("deaths").get("value").asLong()).isEqualTo(1);
    }

    @Test
    void aCommissionerSeesEveryCentreWithCountsUnderFiveSuppressedAndNoPatient() {
        Organisation commissioner = identities.organisation(OrganisationKind.COMMISSIONER);
        Actor national = MonitoringFixtures.actor(identities.user(commissioner, Role.ANALYST), commissioner);
        Outcomes everyone = reports.outcomes(national, CohortFilter.EVERYONE);
        assertThat(everyone.suppressed()).isTrue();
        assertThat(everyone.cohort().centre()).isEqualTo("Every treatment centre");
        // every centre's: at least this test's three patients (other tests add theirs), so "<5" or a number ≥ 5
        assertThat(everyone.cohort().patients().value() == null ? "<5" : everyone.cohort().patients().value() >= 5
                ? "five or more" : "a small number shown").isIn("<5", "five or more");
        assertThat(reports.outcomes(national, CohortFilter.EVERYONE.withCentre(other.centre().id().value()))
                .cohort().patients().shown()).isEqualTo("<5");

        Outcomes oneCentre = reports.outcomes(national, CohortFilter.EVERYONE.withCentre(centre.centre().id().value()));
        assertThat(oneCentre.cohort().patients().shown()).isEqualTo("<5");
        assertThat(oneCentre.cohort().patients().value()).isNull();
        assertThat(oneCentre.toxicity().crs().grade3OrHigher().patients().shown()).isEqualTo("<5");
        assertThat(oneCentre.survival().curve()).isEmpty();
        assertThat(oneCentre.survival().deaths().shown()).isEqualTo("<5");

        Http http = Http.signedIn(port, national.username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> api = http.get("/api/v1/outcomes?centre=" + centre.centre().id().value());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"shown\":\"<5\"").doesNotContain(severe.reference(),
                severe.id().value().toString());
        assertProblem(http.get("/api/v1/outcomes?centre=" + UUID.randomUUID()), 404, "not-found");
        String page = http.get("/outcomes?centre=" + centre.centre().id().value()).body();
        assertThat(page).contains("data-testid=\"outcomes-suppressed\"", "&lt;5").doesNotContain(severe.reference());
    }

    @Test
    void badFiltersAreRefusedNamingTheFieldAndOnlyAnalystsGetOutcomes() {
        Http http = Http.signedIn(port, analyst.username(), IdentityFixtures.PASSWORD);
        assertProblem(http.get("/api/v1/outcomes?ageBand=ANCIENT"), 400, "invalid-request", "ageBand");
        assertProblem(http.get("/api/v1/outcomes?infusedFrom=2026-02-30"), 400, "invalid-request", "infusedFrom");
        assertProblem(http.get("/api/v1/outcomes?infusedFrom=2026-03-01&infusedTo=2026-01-01"), 400, "invalid-request",
                "infusedTo");
        assertProblem(http.get("/api/v1/outcomes?centre=not-an-id"), 400, "invalid-request", "centre");
        String page = http.get("/outcomes?infusedFrom=yesterday").body();
        assertThat(page).contains("There is a problem", "Infused from must be a real date");

        Http coordinator = Http.signedIn(port, centre.coordinator().username(), IdentityFixtures.PASSWORD);
        assertProblem(coordinator.get("/api/v1/outcomes"), 403, "forbidden");
    }

    @Test
    void anEmptyCohortSaysSoAndEachTableDownloadsAsCsv() {
        Http http = Http.signedIn(port, analyst.username(), IdentityFixtures.PASSWORD);
        String empty = http.get("/outcomes?infusedFrom=2001-01-01&infusedTo=2001-12-31").body();
        assertThat(empty).contains("data-testid=\"outcomes-empty\"", "No patients in this cohort")
                .doesNotContain("data-testid=\"chart-crs-grades\"");

        HttpResponse<String> csv = http.get("/outcomes/crs-grades.csv?product=KYMRIAH");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).containsExactly("Highest grade,Patients,Percent of patients",
                "None,1,50.0", "Grade 1,0,0.0", "Grade 2,0,0.0", "Grade 3,1,50.0", "Grade 4,0,0.0");
        assertThat(http.get("/outcomes/no-such-table.csv").statusCode()).isEqualTo(404);
    }

    @Test
    void theNewMeasuresComeFromTheRecordAndAnApprovedPatientNeverInfusedCountsFromApproval() {
        Outcomes outcomes = reports.outcomes(analyst, CohortFilter.EVERYONE);
        // the death on day 5, without relapse: an event-free survival event and non-relapse mortality
        assertThat(outcomes.eventFree().events().value()).isEqualTo(1L);
        assertThat(outcomes.relapse().relapses().value()).isZero();
        assertThat(outcomes.relapse().nonRelapseDeaths().value()).isEqualTo(1L);
        // the other patient is last known alive on day 2 (its last assessment), so on day 5 one is at risk: 1/1
        assertThat(outcomes.relapse().curve()).anySatisfy(p -> {
            assertThat(p.day()).isEqualTo(5.0);
            assertThat(p.nonRelapseMortality()).isEqualTo(1.0);
        });
        assertThat(outcomes.toxicity().byWindow().get(0).crsSevere().patients().value()).isEqualTo(1L);
        assertThat(outcomes.toxicity().icu()).isNull();
        assertThat(outcomes.durationOfResponse().patients().value()).isZero(); // no response assessed

        // a child the panel approved, never infused: counted from approval (intention to treat) at its own centre
        org.cartpath.referral.ReferralFixtures.Centre approvingCentre = referrals.centre();
        org.cartpath.referral.ReferralFixtures.Patient child = referrals.eligibleChild(approvingCentre);
        org.cartpath.referral.ReferralFixtures.Panel members = referrals.panel();
        Actor chair = members.chairActor();
        org.cartpath.shared.UserId chairId = org.cartpath.shared.UserId.of(chair.id());
        var meeting = panel.schedule(chair, null, chairId);
        panel.submit(approvingCentre.coordinatorActor(), meeting.id(), child.therapyCase().id());
        panel.recordAttendance(chair, meeting.id(), java.util.List.of(new org.cartpath.referral.NationalPanel.Attendee(
                chairId, true)));
        panel.vote(chair, meeting.id(), child.therapyCase().id(), org.cartpath.referral.PanelOutcome.APPROVE, null);
        panel.decide(chair, meeting.id(), child.therapyCase().id(), new org.cartpath.referral.PanelDecisionRequest(
                org.cartpath.referral.PanelOutcome.APPROVE, null, null, null, null, IdentityFixtures.PASSWORD));
        Actor approvingAnalyst = MonitoringFixtures.actor(identities.user(approvingCentre.centre(), Role.ANALYST),
                approvingCentre.centre());
        Outcomes approved = reports.outcomes(approvingAnalyst, CohortFilter.EVERYONE);
        assertThat(approved.cohort().patients().value()).isZero(); // nobody infused ...
        assertThat(approved.intentionToTreat().approved().value()).isEqualTo(1L); // ... but one approved
        assertThat(approved.intentionToTreat().neverInfused().value()).isEqualTo(1L);
        assertThat(approved.intentionToTreat().survival().events().value()).isZero();
        assertThat(approved.intentionToTreat().survival().curve()).extracting(Outcomes.CurvePoint::day)
                .containsExactly(0.0); // approved today, known alive today

        Http http = Http.signedIn(port, analyst.username(), IdentityFixtures.PASSWORD);
        assertThat(Http.json(http.get("/api/v1/outcomes/event-free-survival")).get("events").get("value").asLong())
                .isEqualTo(1);
        assertThat(Http.json(http.get("/api/v1/outcomes/relapse")).get("nonRelapseDeaths").get("value").asLong())
                .isEqualTo(1);
        assertThat(Http.json(http.get("/api/v1/outcomes/duration-of-response")).get("patients").get("value").asLong())
                .isZero();
        assertThat(Http.json(http.get("/api/v1/outcomes/survival-from-approval")).get("approved").get("value")
                .asLong()).isZero();
        assertProblem(http.get("/api/v1/outcomes/relapse?centre=" + other.centre().id().value()), 404, "not-found");
    }

    @Test
    void onlyTheCommissionerComparesCentresAndSmallCentresAreNotPlotted() {
        Http centreHttp = Http.signedIn(port, analyst.username(), IdentityFixtures.PASSWORD);
        assertProblem(centreHttp.get("/api/v1/outcomes/centre-comparison"), 403, "forbidden");
        assertThat(centreHttp.get("/outcomes/funnel.csv").statusCode()).isEqualTo(403);
        assertThat(centreHttp.get("/outcomes").body()).doesNotContain("data-testid=\"outcome-funnel\"",
                "Compare centres by");

        Organisation commissioner = identities.organisation(OrganisationKind.COMMISSIONER);
        Actor national = MonitoringFixtures.actor(identities.user(commissioner, Role.ANALYST), commissioner);
        CentreComparison.Funnel funnel = reports.funnel(national, CohortFilter.EVERYONE,
                CentreComparison.Measure.SEVERE_CRS);
        // this test's two centres have 2 and 1 infused patients: listed as "<5", never plotted
        assertThat(funnel.centres()).filteredOn(c -> c.name().equals(centre.centre().name())).singleElement()
                .satisfies(c -> {
                    assertThat(c.patients().shown()).isEqualTo("<5");
                    assertThat(c.rate()).isNull();
                });
        Http http = Http.signedIn(port, national.username(), IdentityFixtures.PASSWORD);
        HttpResponse<String> api = http.get("/api/v1/outcomes/centre-comparison?measure=SEVERE_ICANS");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"measure\":\"SEVERE_ICANS\"").doesNotContain(severe.reference());
        assertProblem(http.get("/api/v1/outcomes/centre-comparison?measure=HAPPINESS"), 400, "invalid-request",
                "measure");
        String page = http.get("/outcomes?measure=DEATH_BY_DAY_100").body();
        assertThat(page).contains("Compare centres by", "Comparing centres: death by day 100");
        HttpResponse<String> csv = http.get("/outcomes/funnel.csv?measure=SEVERE_CRS");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("Treatment centre,Patients infused,Patients with the outcome,Rate (%),"
                + "Position\r\n");
    }
}
