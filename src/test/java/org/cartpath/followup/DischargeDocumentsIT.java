package org.cartpath.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.MutableClock;
import org.cartpath.testing.PdfText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The patient alert card (docs/clinical/discharge-documents.md): the centre sets its 24-hour contact, and the card,
 * made from the record at each print, names the patient, the product, the infusion date, the contact and the driving
 * advice of the case's label version; each print is audited; before the infusion, without a contact, outside the
 * treating centre or in another role it is refused.
 */
@CartpathIntegrationTest
class DischargeDocumentsIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identities;

    @Autowired
    FollowUpPlans plans;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private Http as(UserAccount user) {
        return Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD);
    }

    private World infusedDaysAgo(int days) {
        World w = cases.caseAt(Stage.FOLLOW_UP, new BigDecimal("22"));
        Instant infusedAt = LocalDate.now(clock.withZone(LONDON)).minusDays(days).atTime(11, 0).atZone(LONDON)
                .toInstant();
        plans.planAfterInfusion(w.actor(w.nurse()), w.therapyCase().id(), infusedAt);
        return w;
    }

    private String cardPath(World w) {
        return "/cases/" + w.therapyCase().id() + "/follow-up/alert-card.pdf";
    }

    private long audits(String action, Object entityId) {
        return jdbc.sql("select count(*) from audit_event where action = ? and entity_id = ?")
                .params(action, entityId.toString()).query(Long.class).single();
    }

    @Test
    void theCentreSetsItsContactAndTheCardNamesThePatientProductInfusionDateContactAndDrivingAndEachPrintIsAudited()
            {
        World w = infusedDaysAgo(10);
        Http consultant = as(w.consultant());
        consultant.get("/follow-up/centre-contact");

        HttpResponse<String> noContact = consultant.get(cardPath(w));
        assertThat(noContact.statusCode()).isEqualTo(409);
        assertThat(noContact.body()).contains("24-hour contact");
        assertThat(consultant.get("/cases/" + w.therapyCase().id()).body()).contains("No 24-hour contact");

        HttpResponse<String> badPhone = consultant.postForm("/follow-up/centre-contact",
                Map.of("serviceName", "CAR-T team", "phone", "call the ward"));
        assertThat(badPhone.statusCode()).isEqualTo(200);
        assertThat(badPhone.body()).contains("enter a telephone number");
        assertThat(jdbc.sql("select count(*) from followup_centre_contact where centre_id = ?")
                .param(w.centre().id().value()).query(Long.class).single()).isZero();

        HttpResponse<String> saved = consultant.postForm("/follow-up/centre-contact",
                Map.of("serviceName", "CAR-T team on call (24 hours)", "phone", "020 7946 0123"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(audits("CENTRE_CONTACT_SET", w.centre().id())).isEqualTo(1);
        consultant.postForm("/follow-up/centre-contact",
                Map.of("serviceName", "CAR-T team on call (24 hours)", "phone", "020 7946 0123"));
        assertThat(audits("CENTRE_CONTACT_SET", w.centre().id())).as("the same contact again changes nothing")
                .isEqualTo(1);

        HttpResponse<byte[]> card = as(w.nurse()).download(cardPath(w));
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        String text = PdfText.of(card.body());
        LocalDate infusedOn = LocalDate.now(clock.withZone(LONDON)).minusDays(10);
        assertThat(text).contains("CAR-T PATIENT ALERT CARD", "Kymriah", "tisagenlecleucel",
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(infusedOn),
                "Amira", "CAR-T team on call (24 hours), 020 7946 0123", w.centre().name(),
                "tell them you have had CAR-T therapy", w.therapyCase().reference());
        // the case's UK Kymriah label version gives no no-driving period: the card says to ask, never guesses
        assertThat(text).contains("until your CAR-T team tells you that you may");
        assertThat(audits("ALERT_CARD_PRINTED", w.therapyCase().id())).isEqualTo(1);

        assertThat(as(w.coordinator()).download(cardPath(w)).statusCode()).as("a reprint").isEqualTo(200);
        assertThat(audits("ALERT_CARD_PRINTED", w.therapyCase().id())).isEqualTo(2);
    }

    @Test
    void theCardIsRefusedBeforeTheInfusionOutsideTheTreatingCentreAndToOtherRolesAndNothingIsAudited() {
        World infused = infusedDaysAgo(3);
        World notInfused = cases.caseAt(Stage.RECEIVED, new BigDecimal("22"));
        for (World w : new World[] {infused, notInfused}) {
            as(w.coordinator()).postForm("/follow-up/centre-contact",
                    Map.of("serviceName", "CAR-T team on call", "phone", "020 7946 0456"));
        }
        HttpResponse<String> before = as(notInfused.consultant()).get(cardPath(notInfused));
        assertThat(before.statusCode()).isEqualTo(409);
        assertThat(before.body()).contains("no infusion recorded");

        World other = cases.caseAt(Stage.REFERRED, new BigDecimal("22"));
        assertThat(as(other.consultant()).get(cardPath(infused)).statusCode()).as("another centre").isEqualTo(404);
        assertThat(as(infused.referrer()).get(cardPath(infused)).statusCode()).as("the referring hospital")
                .isEqualTo(404);
        assertThat(as(infused.operator()).get(cardPath(infused)).statusCode()).as("the manufacturer").isEqualTo(404);
        assertThat(as(infused.pharmacist()).get(cardPath(infused)).statusCode()).as("a pharmacist").isEqualTo(403);
        assertThat(as(infused.qa()).get("/follow-up/centre-contact").statusCode()).as("QA sets no contact")
                .isEqualTo(403);
        UserAccount referringAdmin = identities.user(infused.hospital(), Role.ADMINISTRATOR);
        assertThat(infused.hospital().kind()).isEqualTo(OrganisationKind.REFERRING_HOSPITAL);
        assertThat(as(referringAdmin).get("/follow-up/centre-contact").statusCode()).isEqualTo(403);
        assertThat(audits("ALERT_CARD_PRINTED", infused.therapyCase().id())
                + audits("ALERT_CARD_PRINTED", notInfused.therapyCase().id())).isZero();
    }
}
