package org.cartpath.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cartpath.custody.PatientWristbandCode;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.custody.labels.LabelPrint;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.custody.shipment.ShipmentMovements;
import org.cartpath.custody.shipment.ShipmentRegistration;
import org.cartpath.custody.shipment.ShipmentRequests;
import org.cartpath.custody.verification.Verification;
import org.cartpath.custody.verification.Verifications;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.manufacturing.CertificateOfAnalysis;
import org.cartpath.manufacturing.LotReleases;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.IdentityFixtures;
import org.springframework.stereotype.Component;

/**
 * A released product on its way to the bedside, driven through the real services as the people would: the cells
 * collected and checked by two people, shipped to the manufacturer, released with a certificate (1.1 × 10^8 cells for
 * a 24 kg child of 120 cm), shipped back and received by the laboratory. Each later step is its own method, so that a
 * test stops where it needs to.
 */
@Component
public class TreatmentFixtures {

    public static final String PASSWORD = IdentityFixtures.PASSWORD;
    private static final AtomicInteger SHIPPERS = new AtomicInteger();

    private final CaseFixtures cases;
    private final IdentityFixtures identities;
    private final PatientManagement patients;
    private final LabelPrinting labels;
    private final Verifications verifications;
    private final ShipmentRegistration shipments;
    private final ShipmentMovements movements;
    private final LotReleases manufacturing;
    private final ToxicityTreatment toxicity;
    private final CaseJourney journey;

    TreatmentFixtures(CaseFixtures cases, IdentityFixtures identities, PatientManagement patients, LabelPrinting labels,
            Verifications verifications, ShipmentRegistration shipments, ShipmentMovements movements,
            LotReleases manufacturing, ToxicityTreatment toxicity, CaseJourney journey) {
        this.cases = cases;
        this.identities = identities;
        this.patients = patients;
        this.labels = labels;
        this.verifications = verifications;
        this.shipments = shipments;
        this.movements = movements;
        this.manufacturing = manufacturing;
        this.toxicity = toxicity;
        this.journey = journey;
    }

    /** The world and the people and things treatment needs beyond it. */
    public record Product(World world, UserAccount lab, UserAccount secondLab, Organisation courier,
            UserAccount courierUser, String coi, String lotNumber, UUID productBagId) {

        public Actor actor(UserAccount user) {
            if (user.organisationId().equals(courier.id())) {
                return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                        courier.id(), courier.name(), courier.kind(), false, user.roles());
            }
            return world.actor(user);
        }

        public org.cartpath.journey.CaseId caseId() {
            return world.therapyCase().id();
        }
    }

    /** Up to the product bag received by the centre's laboratory; the case is RELEASED. */
    public Product released() {
        return released(new BigDecimal("24"));
    }

    /** As {@link #released()}, with the weight the referral recorded yesterday (none when null). */
    public Product released(BigDecimal referralWeightKg) {
        // collected four weeks ago, as manufacturing takes (off the booked day, with a signed reason), so that
        // lymphodepletion planned from 14 days back is after the collection (docs/clinical/dates.md)
        return released(referralWeightKg, Instant.now().minus(28, ChronoUnit.DAYS));
    }

    /** As {@link #released(BigDecimal)}, with the cells collected at {@code collectedAt}. */
    public Product released(BigDecimal referralWeightKg, Instant collectedAt) {
        World world = cases.caseAt(Stage.SLOT_BOOKED, referralWeightKg);
        UserAccount lab = identities.user(world.centre(), Role.CELL_THERAPY_LAB);
        UserAccount secondLab = identities.user(world.centre(), Role.CELL_THERAPY_LAB);
        Organisation courier = identities.organisation(OrganisationKind.COURIER);
        UserAccount courierUser = identities.user(courier, Role.COURIER);
        String lot = "LOT-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Product p = new Product(world, lab, secondLab, courier, courierUser, null, lot, null);
        Actor labActor = p.actor(lab);
        // the fixture books apheresis for today; a collection dated earlier carries the signed reason that needs
        LabelPrint bag = labels.newCollection(labActor, p.caseId(), new LabelPrinting.CollectionRequest(collectedAt,
                "Apheresis unit", "Test fixture: collected before the booking the fixture makes for today", PASSWORD));
        String coi = bag.coi().barcodeData();
        twoPersonCheck(p, bag.itemId(), VerificationStep.COLLECTION, List.of(wristband(p), coi, bag.din().barcodeData()),
                lab, secondLab);
        String shipper = "DS-TR-" + SHIPPERS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Shipment out = shipments.outbound(labActor, new ShipmentRequests.Outbound(p.caseId(), List.of(bag.itemId()),
                shipper, world.manufacturer().id(), null, legs(courier), "Cell therapy laboratory"));
        Actor courierActor = p.actor(courierUser);
        Actor maker = world.actor(world.operator());
        movements.handOver(courierActor, out.id(), new ShipmentMovements.HandOver(world.centre().id(), courier.id(),
                "Loading bay", null, 1, coi, PASSWORD));
        movements.depart(courierActor, out.id(), new ShipmentMovements.Departure(1, null, null, 2));
        movements.receive(maker, out.id(), new ShipmentMovements.Receipt("Goods-in", null, 3, coi, PASSWORD));
        manufacturing.release(maker, p.caseId(), new CertificateOfAnalysis(lot, coi, new BigDecimal("110000000"), null, null,
                new BigDecimal("86"), new BigDecimal("10"), 1, journey.today().plusYears(1)), null);
        Shipment back = shipments.back(maker, new ShipmentRequests.Return(p.caseId(), shipper + "-B", null, legs(courier),
                List.of(new ShipmentRequests.ProductBagRequest(lot, 1)), "Manufacturing site dispatch"));
        movements.handOver(courierActor, back.id(), new ShipmentMovements.HandOver(world.manufacturer().id(), courier.id(),
                "Site dock", null, 1, coi, PASSWORD));
        movements.depart(courierActor, back.id(), new ShipmentMovements.Departure(1, null, null, 2));
        movements.receive(labActor, back.id(), new ShipmentMovements.Receipt("Cell therapy laboratory", null, 3, coi,
                PASSWORD));
        assertThat(stage(p)).isEqualTo(Stage.RELEASED);
        return new Product(world, lab, secondLab, courier, courierUser, coi, lot, back.contents().get(0));
    }

    /** The two-person receipt check at the centre: the case moves to RECEIVED. */
    public void receiptChecked(Product p) {
        twoPersonCheck(p, p.productBagId(), VerificationStep.RECEIPT_AT_CENTRE, List.of(p.coi()), p.lab(), p.secondLab());
        assertThat(stage(p)).isEqualTo(Stage.RECEIVED);
    }

    /** QA checks the lot against the label and accepts it with a signature. */
    public void accepted(Product p) {
        Actor qa = p.world().actor(p.world().qa());
        manufacturing.check(qa, p.caseId());
        manufacturing.accept(qa, p.caseId(), PASSWORD, "Certificate read against the label");
    }

    /** Weight, height and creatinine measured today (creatinine in µmol/L), as the pharmacist records them. */
    public void measured(Product p, String weightKg, String heightCm, String creatinine) {
        measuredOn(p, patients.today(), weightKg, heightCm, creatinine);
    }

    public void measuredOn(Product p, LocalDate on, String weightKg, String heightCm, String creatinine) {
        Actor pharmacist = p.world().actor(p.world().pharmacist());
        patients.record(pharmacist, p.world().patientId(), new Measurement(on, new BigDecimal(weightKg),
                new BigDecimal(heightCm)));
        if (creatinine != null) {
            patients.record(pharmacist, p.world().patientId(), new OrganFunction(on, new BigDecimal(creatinine), null, null,
                    null, null));
        }
    }

    /** The pharmacist counts tocilizumab on site (Kymriah UK asks for 1). */
    public void tocilizumab(Product p, int doses) {
        toxicity.recordStock(p.world().actor(p.world().pharmacist()), p.caseId(), doses);
    }

    /**
     * What the patient's wristband symbol carries (their NHS number and date of birth, read from their record): what
     * the wristband prompt of the collection and bedside checks asks for, never the COI.
     */
    public String wristband(Product p) {
        Demographics record = patients.get(p.world().actor(p.world().coordinator()), p.world().patientId(),
                "test: the patient's wristband").demographics();
        return PatientWristbandCode.of(record.nhsNumber(), record.dateOfBirth()).barcodeData();
    }

    /** The two ward nurses' bedside check: wristband and product COI, each scanned and signed by both. */
    public Verification bedside(Product p) {
        return bedside(p, p.world().nurse(), p.world().secondNurse());
    }

    public Verification bedside(Product p, UserAccount first, UserAccount second) {
        return twoPersonCheck(p, p.productBagId(), VerificationStep.BEDSIDE, List.of(wristband(p), p.coi()), first,
                second);
    }

    /** The second person completes a bedside check someone else began (the open check is found by opening it). */
    public Verification secondBedsideCheck(Product p, UserAccount second) {
        Verification opened = verifications.open(p.actor(second), p.caseId(), p.productBagId(), VerificationStep.BEDSIDE,
                "Ward 7");
        for (String scanned : List.of(wristband(p), p.coi())) {
            verifications.scan(p.actor(second), opened.id(), scanned);
        }
        verifications.sign(p.actor(second), opened.id(), PASSWORD);
        return verifications.find(p.actor(second), opened.id());
    }

    /** Opens a check and lets each person scan and sign; returns the completed check. */
    public Verification twoPersonCheck(Product p, UUID item, VerificationStep step, List<String> scans, UserAccount first,
            UserAccount second) {
        Verification opened = verifications.open(p.actor(first), p.caseId(), item, step, "Ward 7");
        for (UserAccount person : List.of(first, second)) {
            for (String scanned : scans) {
                verifications.scan(p.actor(person), opened.id(), scanned);
            }
            verifications.sign(p.actor(person), opened.id(), PASSWORD);
        }
        return verifications.find(p.actor(first), opened.id());
    }

    public Stage stage(Product p) {
        return journey.get(Actor.system("test"), p.caseId()).therapyCase().stage();
    }

    private static List<ShipmentRequests.LegRequest> legs(Organisation courier) {
        Instant departure = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return List.of(new ShipmentRequests.LegRequest("From", "To", courier.id(), departure,
                departure.plus(20, ChronoUnit.HOURS)));
    }
}
