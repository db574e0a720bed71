package org.cartpath.platform.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.custody.CustodySteps;
import org.cartpath.custody.CustodySteps.CollectedBag;
import org.cartpath.custody.CustodySteps.RegisteredShipment;
import org.cartpath.custody.CustodySteps.TwoPersonCheck;
import org.cartpath.custody.PatientWristbandCode;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.UserManagement;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.manufacturing.CertificateOfAnalysis;
import org.cartpath.manufacturing.LotReleases;
import org.cartpath.manufacturing.ManufacturingReports;
import org.cartpath.manufacturing.ManufacturingReports.StatusReport;
import org.cartpath.manufacturing.ManufacturingStatus;
import org.cartpath.monitoring.ToxicityTreatment;
import org.cartpath.patient.Address;
import org.cartpath.patient.DiseaseStatus;
import org.cartpath.patient.Measurement;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.OrganFunction;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.Sex;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.DemoDataReady;
import org.cartpath.referral.EligibilityAssessments;
import org.cartpath.referral.EligibilityDecision;
import org.cartpath.referral.NationalPanel;
import org.cartpath.referral.NewReferral;
import org.cartpath.referral.PanelDecisionRequest;
import org.cartpath.referral.PanelMeeting;
import org.cartpath.referral.PanelOutcome;
import org.cartpath.referral.ReferralTriage;
import org.cartpath.referral.Referrals;
import org.cartpath.referral.ReferralView;
import org.cartpath.referral.TriageDecision;
import org.cartpath.scheduling.ApheresisCapacity;
import org.cartpath.scheduling.Availability;
import org.cartpath.scheduling.NewBooking;
import org.cartpath.scheduling.SlotAvailability;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DemoPatientSeeds;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo child whose Kymriah is back at Great Ormond Street, so that the pharmacist and the ward nurse find a case
 * ready for the lymphodepletion plan, the doses, the checklist and the infusion (ADR 17). Referred by Leeds, approved
 * by the panel, booked, collected, manufactured, released and shipped back through the real services by the demo
 * users, with their signatures and audit; the case ends at RECEIVED with QA acceptance left as the centre's next step.
 * The real clock decides every time, so the whole journey is dated today. Seeded once, when no patient has the demo
 * child's NHS number (from the 999 range the NHS keeps for testing); after the referral and capacity seeds.
 */
@Component
class DemoTreatmentSeed {

    static final String NHS_NUMBER = "9990010056";
    static final String LOT = "KYM-DEMO-0001";
    /** 3.0 × 10^6 CAR-T cells per kg for 22 kg: inside Kymriah's 0.2–5.0 × 10^6 per kg for 50 kg or less. */
    static final BigDecimal DOSE_CELLS = new BigDecimal("66000000");
    static final BigDecimal WEIGHT_KG = new BigDecimal("22.0");

    private static final Logger log = LoggerFactory.getLogger(DemoTreatmentSeed.class);
    private static final String PASSWORD = "cartpath-demo";
    private static final String SHIPPER = "CRYO-DEMO-0001";

    private final Referrals referrals;
    private final ReferralTriage triage;
    private final EligibilityAssessments eligibility;
    private final NationalPanel panel;
    private final PatientManagement patients;
    private final SlotAvailability slots;
    private final SlotBookings bookings;
    private final ApheresisCapacity apheresis;
    private final CustodySteps custody;
    private final ManufacturingReports manufacturing;
    private final LotReleases releases;
    private final ToxicityTreatment toxicity;
    private final UserManagement users;
    private final OrganisationManagement organisations;
    private final CaseJourney journey;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoTreatmentSeed(Referrals referrals, ReferralTriage triage, EligibilityAssessments eligibility,
            NationalPanel panel, PatientManagement patients, SlotAvailability slots, SlotBookings bookings,
            ApheresisCapacity apheresis, CustodySteps custody, ManufacturingReports manufacturing,
            LotReleases releases, ToxicityTreatment toxicity, UserManagement users, OrganisationManagement organisations,
            CaseJourney journey, TransactionTemplate transaction, JdbcClient jdbc, Clock clock) {
        this.referrals = referrals;
        this.triage = triage;
        this.eligibility = eligibility;
        this.panel = panel;
        this.patients = patients;
        this.slots = slots;
        this.bookings = bookings;
        this.apheresis = apheresis;
        this.custody = custody;
        this.manufacturing = manufacturing;
        this.releases = releases;
        this.toxicity = toxicity;
        this.users = users;
        this.organisations = organisations;
        this.journey = journey;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** After the capacity (10) and referral (20) seeds: it books a demo slot and follows their conventions. */
    @EventListener
    @Order(30)
    void seed(DemoDataReady ready) {
        Map<String, OrganisationId> demo = ready.organisations();
        if (!demo.keySet().containsAll(List.of("gosh", "leeds", "panel", "novartis", "courier"))) {
            return;
        }
        if (DemoPatientSeeds.seedOnce(jdbc, transaction, log, "treatment demo seed", NHS_NUMBER, () -> seed(demo))) {
            log.info("Seeded a demo child whose Kymriah is received at Great Ormond Street, ready for lymphodepletion");
        }
    }

    private void seed(Map<String, OrganisationId> demo) {
        OrganisationId gosh = demo.get("gosh");
        Actor referrer = actor("referrer", demo.get("leeds"));
        Actor coordinator = actor("coordinator", gosh);
        Actor apheresisNurse = actor("apheresis.nurse", gosh);
        Actor lab = actor("cell.lab", gosh);
        Actor pharmacist = actor("pharmacist", gosh);
        Actor courier = actor("courier", demo.get("courier"));
        Actor maker = actor("manufacturer", demo.get("novartis"));
        LocalDate today = journey.today();

        CaseId caseId = approved(referrer, coordinator, actor("consultant", gosh), actor("panel.member", demo.get("panel")),
                gosh, today);
        LocalDate apheresisDay = book(coordinator, caseId, today);

        CollectedBag bag = collect(apheresisNurse, caseId, apheresisDay);
        String coi = bag.coi().barcodeData();
        // the patient's wristband carries her own NHS number and date of birth, never the COI (ADR 0006)
        String wristband = PatientWristbandCode.of(new NhsNumber(NHS_NUMBER), born(today)).barcodeData();
        twoPersonCheck(caseId, bag.itemId(), TwoPersonCheck.COLLECTION, List.of(wristband, coi, bag.din().barcodeData()),
                apheresisNurse, lab);

        RegisteredShipment out = custody.shipToManufacturer(lab, caseId, List.of(bag.itemId()), SHIPPER,
                maker.organisationId(), null, leg("Great Ormond Street cell therapy laboratory",
                        "Novartis Stein (demo site)", courier.organisationId()), "Cell therapy laboratory");
        custody.handOver(courier, out.id(), gosh, courier.organisationId(), "Loading bay", null, 1, coi, PASSWORD);
        custody.depart(courier, out.id(), 1, null, null, 2);
        custody.receive(maker, out.id(), "Goods-in", null, 3, coi, PASSWORD);

        for (ManufacturingStatus status : List.of(ManufacturingStatus.MATERIAL_RECEIVED,
                ManufacturingStatus.MANUFACTURING_STARTED, ManufacturingStatus.IN_QC)) {
            manufacturing.report(maker, caseId, new StatusReport(status, null, null, null, today));
        }
        // Kymriah's shelf life is 9 months from manufacture (SmPC §6.3); 20 mL in one bag, 88 % viable
        releases.release(maker, caseId, new CertificateOfAnalysis(LOT, coi, DOSE_CELLS, null, null,
                new BigDecimal("88"), new BigDecimal("20"), 1, today.plusMonths(9)), null);

        RegisteredShipment back = custody.shipBackToCentre(maker, caseId, SHIPPER + "-B", null,
                leg("Novartis Stein (demo site)", "Great Ormond Street cell therapy laboratory", courier.organisationId()),
                List.of(new CustodySteps.ProductBag(LOT, 1)), "Manufacturing site dispatch");
        custody.handOver(courier, back.id(), maker.organisationId(), courier.organisationId(), "Site dock", null, 1, coi,
                PASSWORD);
        custody.depart(courier, back.id(), 1, null, null, 2);
        custody.receive(lab, back.id(), "Cell therapy laboratory", null, 3, coi, PASSWORD);
        twoPersonCheck(caseId, back.contents().get(0), TwoPersonCheck.RECEIPT_AT_CENTRE, List.of(coi), lab, pharmacist);

        PatientId patient = new PatientId(journey.get(pharmacist, caseId).therapyCase().patientId());
        patients.record(pharmacist, patient, new OrganFunction(today, new BigDecimal("32"), null, null, null, null));
        toxicity.recordStock(pharmacist, caseId, 2);
    }

    /** The referral, triage, eligibility and the panel's approval, as DemoReferralsSeed makes them. */
    private CaseId approved(Actor referrer, Actor coordinator, Actor consultant, Actor panelMember, OrganisationId gosh,
            LocalDate today) {
        LocalDate born = born(today);
        ReferralView isla = referrals.refer(referrer, new NewReferral(null, new PatientDetails(NHS_NUMBER, null, "Isla",
                "MCKENZIE", born, Sex.FEMALE, new Address("4 Demo Street", null, "Leeds", "LS2 2BB")), "B_ALL", null,
                born.plusYears(4), gosh.toString(), "KYMRIAH", "B_ALL", "UK", "URGENT",
                "Second relapse of B-ALL at 7 years; CD19 positive; fit for CAR-T therapy.", List.of()));
        PatientId patient = new PatientId(isla.referral().patientId());
        patients.record(referrer, patient, new DiseaseStatus(today.minusDays(5), false, 2, false, today.minusDays(20), null));
        patients.record(referrer, patient, new Measurement(today, WEIGHT_KG, new BigDecimal("121")));
        CaseId caseId = isla.referral().caseId();
        triage.triage(coordinator, isla.referral().id(), new TriageDecision(TriageDecision.Outcome.ACCEPT, null, null));
        eligibility.record(consultant, caseId, EligibilityAssessments.Choice.OF_THE_CASE, EligibilityDecision.CONFIRMED,
                null, PASSWORD, null);
        UserId member = UserId.of(panelMember.id());
        PanelMeeting meeting = panel.schedule(panelMember, null, member);
        panel.submit(coordinator, meeting.id(), caseId);
        panel.recordAttendance(panelMember, meeting.id(), List.of(new NationalPanel.Attendee(member, true)));
        panel.vote(panelMember, meeting.id(), caseId, PanelOutcome.APPROVE, null);
        panel.decide(panelMember, meeting.id(), caseId, new PanelDecisionRequest(PanelOutcome.APPROVE, null, null, null,
                null, PASSWORD));
        return caseId;
    }

    private static LocalDate born(LocalDate today) {
        return today.minusYears(7).minusDays(75);
    }

    /**
     * The collection as the dates rules want it (docs/clinical/dates.md): now, to the minute, so that the shipment
     * leaving this minute is not before it; on the booked day. A demo started at a weekend or on a bank holiday books
     * the unit's next open day, so its collection carries the signed reason that a collection off the booked day needs.
     */
    private CollectedBag collect(Actor apheresisNurse, CaseId caseId, LocalDate apheresisDay) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
        if (apheresisDay.equals(journey.today())) {
            return custody.collect(apheresisNurse, caseId, now, "Apheresis unit", null, null);
        }
        return custody.collect(apheresisNurse, caseId, now, "Apheresis unit", "Demo data: collected ahead of the booked"
                + " apheresis day " + apheresisDay + " because the demo was started on a day the unit is closed", PASSWORD);
    }

    /** The first demo slot that fits apheresis on the unit's next open day (not a weekend or a bank holiday). */
    private LocalDate book(Actor coordinator, CaseId caseId, LocalDate today) {
        LocalDate day = today;
        for (int i = 0; i < 14 && !apheresis.day(DataVisibility.clinicalScope(coordinator), coordinator.organisationId(), day).open(); i++) {
            day = day.plusDays(1);
        }
        Availability availability = slots.availability(coordinator, caseId, day, 6);
        if (availability.slots().isEmpty()) {
            throw new IllegalStateException("no demo manufacturing slot fits apheresis on " + day);
        }
        bookings.book(coordinator, new NewBooking(caseId, availability.slots().get(0).slotId(), day, false));
        return day;
    }

    private void twoPersonCheck(CaseId caseId, UUID item, TwoPersonCheck check, List<String> scans, Actor first,
            Actor second) {
        UUID opened = custody.openCheck(first, caseId, item, check, "Cell therapy laboratory");
        for (Actor person : List.of(first, second)) {
            for (String scanned : scans) {
                custody.scanForCheck(person, opened, scanned);
            }
            custody.signCheck(person, opened, PASSWORD);
        }
    }

    /** One leg by the demo courier, leaving now and arriving in 20 hours: every movement is recorded at the present. */
    private List<CustodySteps.Leg> leg(String from, String to, OrganisationId courier) {
        Instant departure = Instant.now(clock).truncatedTo(ChronoUnit.MINUTES);
        return List.of(new CustodySteps.Leg(from, to, courier, departure, departure.plus(20, ChronoUnit.HOURS)));
    }

    private Actor actor(String username, OrganisationId organisationId) {
        Organisation organisation = organisations.directory().stream().filter(o -> o.id().equals(organisationId))
                .findFirst().orElseThrow();
        UserAccount user = users.list(Actor.system("demo treatment"), organisationId).stream()
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                organisation.id(), organisation.name(), organisation.kind(), organisation.operator(), user.roles());
    }
}
