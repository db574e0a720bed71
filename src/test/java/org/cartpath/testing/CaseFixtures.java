package org.cartpath.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.NewCase;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.PatientTestData;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.stereotype.Component;

/**
 * A whole little world for a case test: a referring hospital, a treatment centre with its own ISBT 128 FIN and
 * staff in every centre role, a manufacturer with an operator, a registered patient with a weight on record, and a case
 * moved to the stage the test needs (from SLOT_BOOKED on, with a real booking of a slot at the world's manufacturer). Everything has unique names; every user's password is
 * {@link IdentityFixtures#PASSWORD}.
 */
@Component
public class CaseFixtures {

    /** FINs of these centres start with U (custody's fixtures use T), so that no two centres share one. */
    private static final AtomicInteger FINS = new AtomicInteger();

    private final IdentityFixtures identity;
    private final PatientManagement patients;
    private final CaseJourney journey;
    private final BookingFixtures bookings;

    CaseFixtures(IdentityFixtures identity, PatientManagement patients, CaseJourney journey, BookingFixtures bookings) {
        this.bookings = bookings;
        this.identity = identity;
        this.patients = patients;
        this.journey = journey;
    }

    /** The world of one test. */
    public record World(Organisation hospital, UserAccount referrer, Organisation centre, UserAccount coordinator,
            UserAccount consultant, UserAccount qa, UserAccount secondQa, UserAccount pharmacist, UserAccount nurse,
            UserAccount secondNurse, Organisation manufacturer, UserAccount operator, PatientId patientId,
            TherapyCase therapyCase) {

        public Actor actor(UserAccount user) {
            Organisation organisation = user.organisationId().equals(hospital.id()) ? hospital
                    : user.organisationId().equals(centre.id()) ? centre : manufacturer;
            return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                    organisation.id(), organisation.name(), organisation.kind(), false, user.roles());
        }
    }

    /** A Kymriah B-ALL case (UK) for a child weighing {@code weightKg}, moved to {@code stage}. */
    public World caseAt(Stage stage, BigDecimal weightKg) {
        Organisation hospital = identity.organisation(OrganisationKind.REFERRING_HOSPITAL);
        Organisation centre = identity.organisation(OrganisationKind.TREATMENT_CENTRE, uniqueFin());
        Organisation manufacturer = identity.organisation(OrganisationKind.MANUFACTURER);
        UserAccount referrer = identity.user(hospital, Role.REFERRER);
        UserAccount operator = identity.user(manufacturer, Role.MANUFACTURER_OPERATOR);
        World partial = new World(hospital, referrer, centre, identity.user(centre, Role.COORDINATOR),
                identity.user(centre, Role.CONSULTANT), identity.user(centre, Role.QA), identity.user(centre, Role.QA),
                identity.user(centre, Role.PHARMACIST), identity.user(centre, Role.WARD_NURSE),
                identity.user(centre, Role.WARD_NURSE), manufacturer, operator, null, null);
        Actor referring = partial.actor(referrer);
        PatientRecord patient = patients.register(referring, PatientTestData.details(PatientTestData.nhsNumber(),
                "Fixture" + System.nanoTime(), LocalDate.of(2017, 5, 1)));
        if (weightKg != null) {
            patients.record(referring, patient.id(), new Measurement(patients.today().minusDays(1), weightKg, null));
        }
        patients.grantAccess(referring, patient.id(), centre.id(), "Referral for CAR-T therapy");
        Actor setup = Actor.system("test fixtures");
        TherapyCase opened = journey.open(referring, new NewCase(patient.id().value(), hospital.id(), centre.id(),
                "KYMRIAH", "B_ALL", "UK", "Fixture referral"));
        journey.addParty(setup, opened.id(), manufacturer.id(), PartyRole.MANUFACTURER);
        for (Stage next : Stage.path()) {
            if (next.ordinal() <= Stage.REFERRED.ordinal() || next.ordinal() > stage.ordinal()) {
                continue;
            }
            if (next == Stage.SLOT_BOOKED) {
                // booked at the world's manufacturer: only the booked manufacturer receives, reports and releases
                bookings.book(partial.actor(partial.coordinator()), partial.actor(operator), opened.id(), "KYMRIAH");
                continue;
            }
            journey.advance(setup, opened.id(), next, "Fixture: " + next.label());
        }
        TherapyCase current = journey.get(setup, opened.id()).therapyCase();
        return new World(hospital, referrer, centre, partial.coordinator(), partial.consultant(), partial.qa(),
                partial.secondQa(), partial.pharmacist(), partial.nurse(), partial.secondNurse(), manufacturer, operator,
                patient.id(), current);
    }

    private static String uniqueFin() {
        return "U" + String.format("%4s", Integer.toString(FINS.incrementAndGet(), 36).toUpperCase()).replace(' ', '0');
    }
}
