package org.cartpath.referral;

import java.time.LocalDate;
import java.util.UUID;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.NewCase;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Address;
import org.cartpath.patient.Diagnosis;
import org.cartpath.patient.DiagnosisCode;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientTestData;
import org.cartpath.patient.Sex;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.IdentityFixtures;
import org.springframework.stereotype.Component;

/**
 * A world for referral tests: a referring hospital and a treatment centre with a coordinator and a
 * consultant, patients with the clinical history a case needs, and cases put at a stage through the journey
 * (the intake code is another engineer's). Canary identity values let tests prove the panel never sees them.
 */
@Component
public class ReferralFixtures {

    public static final String FAMILY_NAME = "Quillfeather";
    public static final String GIVEN_NAME = "Orlaith";
    public static final String ADDRESS_LINE = "17 Canary Lantern Row";
    public static final String POSTCODE = "QX7 3ZZ";

    /** One treatment centre and its people, with the hospital that refers to it. */
    public record Centre(Organisation hospital, Organisation centre, UserAccount consultant, UserAccount coordinator,
            UserAccount referrer) {

        public Actor consultantActor() {
            return actor(consultant, centre);
        }

        public Actor coordinatorActor() {
            return actor(coordinator, centre);
        }
    }

    /** A patient and their case. */
    public record Patient(PatientId id, String nhsNumber, LocalDate born, TherapyCase therapyCase) {
    }

    /** A national panel of three members (the first chairs), and a user of the panel without the member role. */
    public record Panel(Organisation organisation, UserAccount chair, UserAccount second, UserAccount third,
            UserAccount administrator) {

        public Actor chairActor() {
            return actor(chair, organisation);
        }
    }

    private final IdentityFixtures identity;
    private final PatientManagement patients;
    private final CaseJourney journey;
    private final EligibilityAssessments eligibility;

    ReferralFixtures(IdentityFixtures identity, PatientManagement patients, CaseJourney journey,
            EligibilityAssessments eligibility) {
        this.identity = identity;
        this.patients = patients;
        this.journey = journey;
        this.eligibility = eligibility;
    }

    public Panel panel() {
        Organisation panel = identity.organisation(OrganisationKind.NATIONAL_PANEL);
        return new Panel(panel, identity.user(panel, Role.PANEL_MEMBER), identity.user(panel, Role.PANEL_MEMBER),
                identity.user(panel, Role.PANEL_MEMBER), identity.user(panel, Role.ADMINISTRATOR));
    }

    /** A child in second relapse whose eligibility the consultant has confirmed: the case is at ELIGIBILITY_ASSESSED. */
    public Patient eligibleChild(Centre centre) {
        Patient patient = childInSecondRelapse(centre, Stage.TRIAGED);
        eligibility.record(centre.consultantActor(), patient.therapyCase().id(), EligibilityAssessments.Choice.OF_THE_CASE,
                EligibilityDecision.CONFIRMED, null, IdentityFixtures.PASSWORD, null);
        return new Patient(patient.id(), patient.nhsNumber(), patient.born(),
                journey.get(centre.coordinatorActor(), patient.therapyCase().id()).therapyCase());
    }

    public static Actor actor(UserAccount user, Organisation organisation) {
        return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                organisation.id(), organisation.name(), organisation.kind(), false, user.roles());
    }

    public Centre centre() {
        Organisation hospital = identity.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Organisation centre = identity.organisation(OrganisationKind.TREATMENT_CENTRE);
        return new Centre(hospital, centre, identity.user(centre, Role.CONSULTANT), identity.user(centre, Role.COORDINATOR),
                identity.user(hospital, Role.REFERRER));
    }

    /**
     * A child with B-ALL in second relapse (eligible for Kymriah under TA975), registered by the centre, with a
     * case for Kymriah (UK, B-ALL) at {@code stage}.
     */
    public Patient childInSecondRelapse(Centre centre, Stage stage) {
        return patient(centre, 9, new DiseaseStatus(journey.today().minusDays(7), false, 2, false, null, null), stage);
    }

    /** As {@link #childInSecondRelapse}, in first relapse not after a transplant: not eligible under TA975. */
    public Patient childInFirstRelapse(Centre centre, Stage stage) {
        return patient(centre, 9, new DiseaseStatus(journey.today().minusDays(7), false, 1, false, null, null), stage);
    }

    /** A child with B-ALL and no disease status recorded: unknown under TA975. */
    public Patient childWithoutStatus(Centre centre, Stage stage) {
        return patient(centre, 9, null, stage);
    }

    public Patient patient(Centre centre, int ageYears, DiseaseStatus status, Stage stage) {
        Actor registrar = centre.coordinatorActor();
        LocalDate today = journey.today();
        LocalDate born = today.minusYears(ageYears).minusDays(40);
        String nhs = PatientTestData.nhsNumber();
        PatientId id = patients.register(registrar, new PatientDetails(nhs, null, GIVEN_NAME, FAMILY_NAME, born,
                Sex.FEMALE, new Address(ADDRESS_LINE, null, "Leeds", POSTCODE))).id();
        patients.record(registrar, id, new Diagnosis(DiagnosisCode.B_ALL, null, today.minusYears(2)));
        if (status != null) {
            patients.record(registrar, id, status);
        }
        return new Patient(id, nhs, born, openCase(centre, id, stage));
    }

    public TherapyCase openCase(Centre centre, PatientId patient, Stage stage) {
        Actor system = Actor.system("test");
        TherapyCase opened = journey.open(system, new NewCase(patient.value(), centre.hospital().id(),
                centre.centre().id(), "KYMRIAH", "B_ALL", "UK", "Referred for tisagenlecleucel"));
        for (Stage next : Stage.path()) {
            if (next.ordinal() > stage.ordinal()) {
                break;
            }
            if (next != Stage.REFERRED) {
                journey.advance(system, opened.id(), next, null);
            }
        }
        return journey.get(centre.coordinatorActor(), opened.id()).therapyCase();
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
