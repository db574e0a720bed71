package org.cartpath.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.Assessments;
import org.cartpath.monitoring.MonitoringFixtures;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.patient.PatientTestData;
import org.cartpath.referral.NewReferral;
import org.cartpath.referral.Referrals;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The analyst's home: figures counted from the records of their scope, which follow the cases, and no case behind them. */
@CartpathIntegrationTest
class ServiceFiguresIT {

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    MonitoringFixtures monitoring;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    Referrals referrals;

    @Autowired
    CaseJourney journey;

    @Autowired
    ServiceFigureQueries queries;

    @Test
    void aCentresAnalystSeesItsCentresFiguresAndTheyFollowTheCases() {
        CaseFixtures.World world = cases.caseAt(Stage.RECEIVED, new BigDecimal("25"));
        Http analyst = Http.signedIn(port, identities.user(world.centre(), Role.ANALYST).username(),
                IdentityFixtures.PASSWORD);
        String before = analyst.get("/").body();
        assertThat(figure(before, "stage-RECEIVED")).isEqualTo("1");
        assertThat(figure(before, "stage-REFERRED")).isEqualTo("0");
        assertThat(figure(before, "referrals-this-month")).isEqualTo("0");
        assertThat(figure(before, "infused")).isEqualTo("0");
        assertThat(figure(before, "median-days-to-infusion")).isEqualTo("No patient infused yet");
        assertThat(figure(before, "severe-crs")).isEqualTo("0");
        assertThat(figure(before, "open-hard-stops")).isEqualTo("0");
        assertThat(before).doesNotContain(world.therapyCase().reference(), "Outcome and activity reports will appear here");

        referrals.refer(world.actor(world.referrer()), new NewReferral(null, PatientTestData.details(
                PatientTestData.nhsNumber(), "Figurecase", LocalDate.of(2016, 1, 2)), "B_ALL", null, LocalDate.of(2023, 1, 1),
                world.centre().id().toString(), "KYMRIAH", "B_ALL", "UK", "ROUTINE", "Relapsed B-ALL", List.of()));
        journey.advance(Actor.system("test"), world.therapyCase().id(), Stage.LYMPHODEPLETION, "Lymphodepletion started");
        cases.caseAt(Stage.REFERRED, new BigDecimal("25")); // another centre's case counts for that centre only

        String after = analyst.get("/").body();
        assertThat(figure(after, "stage-RECEIVED")).isEqualTo("0");
        assertThat(figure(after, "stage-LYMPHODEPLETION")).isEqualTo("1");
        assertThat(figure(after, "stage-REFERRED")).isEqualTo("1");
        assertThat(figure(after, "referrals-this-month")).isEqualTo("1");
        assertThat(after).doesNotContain("Figurecase", "FIGURECASE");
    }

    @Test
    void infusionsTheirDelayFromReferralAndSevereCrsAreCounted() {
        MonitoringFixtures.Centre centre = monitoring.centre();
        UserAccount analystUser = identities.user(centre.centre(), Role.ANALYST);
        Http analyst = Http.signedIn(port, analystUser.username(), IdentityFixtures.PASSWORD);
        Instant now = Instant.now();
        TherapyCase monitored = monitoring.monitored(centre, now.minus(Duration.ofDays(6)), 30, "70");
        String infused = analyst.get("/").body();
        assertThat(figure(infused, "infused")).isEqualTo("1");
        // the case opened (its referral) today and day 0 is six days back: -6.0 days
        long days = LocalDate.ofInstant(now.minus(Duration.ofDays(6)), ZoneId.of("Europe/London")).toEpochDay()
                - LocalDate.ofInstant(monitored.openedAt(), ZoneId.of("Europe/London")).toEpochDay();
        assertThat(figure(infused, "median-days-to-infusion")).isEqualTo(days + ".0");
        assertThat(figure(infused, "severe-crs")).isEqualTo("0");

        Http nurse = Http.signedIn(port, centre.nurse().username(), IdentityFixtures.PASSWORD);
        // fever with a face mask's oxygen is CRS grade 3 (ASTCT 2019)
        assertThat(nurse.postJson("/api/v1/cases/" + monitored.id() + "/assessments", Assessments.adult(now.minus(
                Duration.ofDays(2))).temperature("39.0").oxygen(OxygenDevice.FACEMASK, null).json())
                .statusCode()).isEqualTo(201);
        assertThat(figure(analyst.get("/").body(), "severe-crs")).isEqualTo("1");
    }

    @Test
    void aCommissionersAnalystCountsEveryCentreButSeesNoCase() {
        Organisation commissioner = identities.organisation(OrganisationKind.COMMISSIONER);
        Http analyst = Http.signedIn(port, identities.user(commissioner, Role.ANALYST).username(),
                IdentityFixtures.PASSWORD);
        long before = Long.parseLong(figure(analyst.get("/").body(), "stage-SLOT_BOOKED"));
        CaseFixtures.World world = cases.caseAt(Stage.SLOT_BOOKED, new BigDecimal("25"));
        String after = analyst.get("/").body();
        assertThat(Long.parseLong(figure(after, "stage-SLOT_BOOKED"))).isEqualTo(before + 1);
        assertThat(after).contains("every treatment centre").doesNotContain(world.therapyCase().reference());
    }

    @Test
    void onlyAnalystsOfACentreOrACommissionerGetFigures() {
        CaseFixtures.World world = cases.caseAt(Stage.REFERRED, new BigDecimal("25"));
        assertThatThrownBy(() -> queries.figures(world.actor(world.coordinator()))).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        UserAccount operator = identities.user(world.manufacturer(), Role.MANUFACTURER_OPERATOR);
        assertThatThrownBy(() -> queries.figures(world.actor(operator))).isInstanceOf(ProblemException.class);
        assertThat(Http.signedIn(port, world.coordinator().username(), IdentityFixtures.PASSWORD).get("/").body())
                .doesNotContain("data-testid=\"service-figures\"");
    }

    /** The text of the figure tested as {@code figure-<name>}. */
    private static String figure(String page, String name) {
        Matcher m = Pattern.compile("data-testid=\"figure-" + Pattern.quote(name) + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as("figure " + name + " is shown").isTrue();
        return m.group(1).trim();
    }
}
