package org.cartpath.custody;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.ApiTokenManagement.NewApiToken;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.OrganisationManagement.NewOrganisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.NewCase;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Address;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientTestData;
import org.cartpath.patient.Sex;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.BookingFixtures;
import org.cartpath.testing.IdentityFixtures;
import org.springframework.stereotype.Component;

/**
 * A small world for custody tests, with safe defaults and unique names: a treating centre with its own FIN and
 * staff, a referring hospital, a manufacturer and a courier with API tokens, and cases at any stage (from SLOT_BOOKED
 * on, booked at the world's manufacturer).
 */
@Component
public class CustodyFixtures {

    private static final AtomicInteger FINS = new AtomicInteger(1000);
    private static final Actor SETUP = Actor.system("test");

    private final OrganisationManagement organisations;
    private final IdentityFixtures identities;
    private final ApiTokenManagement tokens;
    private final CaseJourney journey;
    private final PatientManagement patients;
    /** One Spring context serves every test, so the patients of its cases are kept for the JVM. */
    private static final Map<UUID, PatientDetails> PATIENTS_OF_CASES = new ConcurrentHashMap<>();
    private final BookingFixtures bookings;

    CustodyFixtures(OrganisationManagement organisations, IdentityFixtures identities, ApiTokenManagement tokens,
            CaseJourney journey, PatientManagement patients, BookingFixtures bookings) {
        this.bookings = bookings;
        this.organisations = organisations;
        this.identities = identities;
        this.tokens = tokens;
        this.journey = journey;
        this.patients = patients;
    }

    /** A world: centre (FIN), hospital, manufacturer, courier; two nurses, a lab scientist, QA, a coordinator. */
    public World world() {
        Organisation centre = organisation(OrganisationKind.TREATMENT_CENTRE, uniqueFin());
        Organisation hospital = organisation(OrganisationKind.REFERRING_HOSPITAL, null);
        Organisation manufacturer = organisation(OrganisationKind.MANUFACTURER, null);
        Organisation courier = organisation(OrganisationKind.COURIER, null);
        return new World(centre, hospital, manufacturer, courier,
                identities.user(centre, Role.APHERESIS_NURSE), identities.user(centre, Role.APHERESIS_NURSE),
                identities.user(centre, Role.CELL_THERAPY_LAB), identities.user(centre, Role.CELL_THERAPY_LAB),
                identities.user(centre, Role.QA), identities.user(centre, Role.COORDINATOR),
                identities.user(centre, Role.WARD_NURSE), identities.user(centre, Role.CONSULTANT),
                token(manufacturer, Role.MANUFACTURER_OPERATOR), token(courier, Role.COURIER),
                identities.user(manufacturer, Role.MANUFACTURER_OPERATOR), identities.user(courier, Role.COURIER));
    }

    public Organisation organisation(OrganisationKind kind, String fin) {
        return organisations.create(SETUP, new NewOrganisation(kind.label() + " " + UUID.randomUUID(), kind, "Test", null, fin));
    }

    /** A case of the world's centre for Jane SMITH, born 2016-03-14 (a fresh NHS number), moved to {@code stage}. */
    public TherapyCase caseAt(World world, Stage stage) {
        return caseAt(world, stage, new PatientDetails(PatientTestData.nhsNumber(), null, "Jane", "SMITH",
                LocalDate.of(2016, 3, 14), Sex.FEMALE, Address.NONE));
    }

    /** A case of the world's centre for the given patient, registered by the centre, moved to {@code stage}. */
    public TherapyCase caseAt(World world, Stage stage, PatientDetails patient) {
        PatientId patientId = patients.register(world.actor(world.coordinator()), patient).id();
        PATIENTS_OF_CASES.put(patientId.value(), patient);
        TherapyCase opened = journey.open(SETUP, new NewCase(patientId.value(), world.hospital().id(), world.centre().id(),
                "KYMRIAH", "B_ALL", "UK", null));
        for (Stage step : Stage.path()) {
            if (step.ordinal() > stage.ordinal() || step == Stage.REFERRED) {
                continue;
            }
            if (step == Stage.SLOT_BOOKED) {
                book(world, opened.id());
                continue;
            }
            journey.advance(SETUP, opened.id(), step, null);
        }
        return journey.get(world.actor(world.coordinator()), opened.id()).therapyCase();
    }

    /**
     * Books the case (at PANEL_APPROVED, or back at SLOT_BOOKED after a failed attempt) at the world's manufacturer:
     * the cells go to the booked manufacturer only (ADR 18).
     */
    public void book(World world, org.cartpath.journey.CaseId caseId) {
        bookings.book(world.actor(world.coordinator()), world.actor(world.manufacturerUser()), caseId, "KYMRIAH");
    }

    /** The patient of a case made here, as registered (what a wristband must say). */
    public PatientDetails patientOf(TherapyCase therapyCase) {
        return PATIENTS_OF_CASES.get(therapyCase.patientId());
    }

    /** What the patient's wristband symbol carries for a case made here: their NHS number and date of birth. */
    public static String wristband(TherapyCase therapyCase) {
        PatientDetails patient = PATIENTS_OF_CASES.get(therapyCase.patientId());
        return PatientWristbandCode.forRecord(patient.nhsNumber() == null ? null : NhsNumber.parse(patient.nhsNumber()),
                patient.localHospitalNumber(), patient.dateOfBirth()).orElseThrow().barcodeData();
    }

    public void advance(TherapyCase therapyCase, Stage stage) {
        journey.advance(SETUP, therapyCase.id(), stage, null);
    }

    private String token(Organisation organisation, Role role) {
        return tokens.create(SETUP, new NewApiToken(organisation.id(), "Test system " + UUID.randomUUID(), Set.of(role))).secret();
    }

    static String uniqueFin() {
        return "T" + String.format("%4s", Integer.toString(FINS.incrementAndGet(), 36).toUpperCase()).replace(' ', '0');
    }

    public record World(Organisation centre, Organisation hospital, Organisation manufacturer, Organisation courier,
            UserAccount nurse, UserAccount secondNurse, UserAccount lab, UserAccount secondLab, UserAccount qa,
            UserAccount coordinator, UserAccount wardNurse, UserAccount consultant, String manufacturerToken,
            String courierToken, UserAccount manufacturerUser, UserAccount courierUser) {

        public Actor actor(UserAccount user) {
            Organisation organisation = user.organisationId().equals(centre.id()) ? centre
                    : user.organisationId().equals(manufacturer.id()) ? manufacturer : courier;
            return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                    organisation.id(), organisation.name(), organisation.kind(), false, user.roles());
        }
    }
}
