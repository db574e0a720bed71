package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.NewCase;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.IdentityFixtures;
import org.springframework.stereotype.Component;

/**
 * A treatment centre with its monitoring staff, a referring hospital, and cases moved along the journey to the
 * stage a test needs, with day 0 recorded. Every name is unique, so tests sharing the database never collide.
 */
@Component
public class MonitoringFixtures {

    /** A centre, the hospital that refers to it, and one user per monitoring role (password IdentityFixtures.PASSWORD). */
    public record Centre(Organisation centre, Organisation hospital, UserAccount nurse, UserAccount consultant,
            UserAccount coordinator, UserAccount pharmacist, UserAccount referrer) {

        public Actor nurseActor() {
            return actor(nurse, centre);
        }

        public Actor consultantActor() {
            return actor(consultant, centre);
        }

        public Actor coordinatorActor() {
            return actor(coordinator, centre);
        }

        public Actor pharmacistActor() {
            return actor(pharmacist, centre);
        }

        public Actor referrerActor() {
            return actor(referrer, hospital);
        }
    }

    private static final List<Stage> PATH = List.of(Stage.TRIAGED, Stage.ELIGIBILITY_ASSESSED, Stage.PANEL_APPROVED,
            Stage.SLOT_BOOKED, Stage.COLLECTED, Stage.IN_MANUFACTURING, Stage.RELEASED, Stage.RECEIVED,
            Stage.LYMPHODEPLETION, Stage.INFUSED, Stage.MONITORING, Stage.FOLLOW_UP);

    private final IdentityFixtures identity;
    private final CaseJourney journey;
    private final MonitoringManagement monitoring;
    private final PatientManagement patients;
    private final Actor setup = Actor.system("test");

    MonitoringFixtures(IdentityFixtures identity, CaseJourney journey, MonitoringManagement monitoring,
            PatientManagement patients) {
        this.identity = identity;
        this.journey = journey;
        this.monitoring = monitoring;
        this.patients = patients;
    }

    public static Actor actor(UserAccount user, Organisation organisation) {
        return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                organisation.id(), organisation.name(), organisation.kind(), false, user.roles());
    }

    public Centre centre() {
        Organisation centre = identity.organisation(OrganisationKind.TREATMENT_CENTRE);
        Organisation hospital = identity.organisation(OrganisationKind.REFERRING_HOSPITAL);
        return new Centre(centre, hospital, identity.user(centre, Role.WARD_NURSE), identity.user(centre, Role.CONSULTANT),
                identity.user(centre, Role.COORDINATOR), identity.user(centre, Role.PHARMACIST),
                identity.user(hospital, Role.REFERRER));
    }

    /** A Kymriah B-ALL case (US label unless said otherwise) moved to {@code stage}. */
    public TherapyCase caseAt(Centre centre, Stage stage) {
        return caseAt(centre, stage, "KYMRIAH", "B_ALL", "US");
    }

    public TherapyCase caseAt(Centre centre, Stage stage, String product, String indication, String jurisdiction) {
        // A registered patient the centre may see, as a referral leaves it: the case page reads the patient's record.
        PatientRecord patient = patients.register(centre.referrerActor(), PatientTestData.details(
                PatientTestData.nhsNumber(), "Monitored" + System.nanoTime(), LocalDate.of(2016, 3, 1)));
        patients.grantAccess(centre.referrerActor(), patient.id(), centre.centre().id(), "Referral for CAR-T therapy");
        TherapyCase opened = journey.open(setup, new NewCase(patient.id().value(), centre.hospital().id(),
                centre.centre().id(), product, indication, jurisdiction, null));
        TherapyCase current = opened;
        for (Stage next : PATH) {
            if (current.stage() == stage) {
                break;
            }
            current = journey.advance(setup, opened.id(), next, null);
        }
        return current;
    }

    /** A case at MONITORING with day 0 at {@code infusedAt}, the patient's age and weight. */
    public TherapyCase monitored(Centre centre, Instant infusedAt, int ageYears, String weightKg) {
        TherapyCase therapyCase = caseAt(centre, Stage.MONITORING);
        monitoring.startMonitoring(centre.nurseActor(), therapyCase.id(), new MonitoringStart(infusedAt, ageYears, false,
                weightKg == null ? null : new BigDecimal(weightKg)));
        return therapyCase;
    }
}
