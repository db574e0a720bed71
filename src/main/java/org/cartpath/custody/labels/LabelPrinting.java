package org.cartpath.custody.labels;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.Product;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.custody.ChainOfIdentity;
import org.cartpath.custody.ChainOfIdentityId;
import org.cartpath.custody.Din;
import org.cartpath.custody.chain.CustodyCommand;
import org.cartpath.custody.chain.CustodyEventType;
import org.cartpath.custody.chain.CustodyItem;
import org.cartpath.custody.chain.CustodyLog;
import org.cartpath.custody.chain.ItemKind;
import org.cartpath.custody.internal.CaseAccess;
import org.cartpath.custody.internal.HardStopQuery;
import org.cartpath.custody.internal.IdentifierStore;
import org.cartpath.identity.ElectronicSignature;
import org.cartpath.identity.ElectronicSignatures;
import org.cartpath.identity.SignatureMeaning;
import org.cartpath.identity.SignedRecord;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.scheduling.SlotBooking;
import org.cartpath.scheduling.SlotBookings;
import org.cartpath.shared.Actor;
import org.cartpath.shared.EventDates;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Printing chain-of-identity labels (ADR 0006). The first collection bag label of a collection allocates
 * the case's COI (if it has none) and the collection's DIN, and registers the bag in the custody log. Every
 * later print of a label is a reprint: allowed, but only with a reason, recorded, and marked REPRINT.
 */
@Service
public class LabelPrinting {

    private static final Role[] COLLECTORS = {Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB};
    private static final Role[] PRINTERS = {Role.APHERESIS_NURSE, Role.CELL_THERAPY_LAB, Role.WARD_NURSE};
    private static final int MAX_REASON = 500;

    private final CaseAccess access;
    private final ChainOfIdentity chainOfIdentity;
    private final IdentifierStore identifiers;
    private final CustodyLog log;
    private final HardStopQuery hardStops;
    private final LabelPrintStore prints;
    private final Catalogue catalogue;
    private final CaseJourney journey;
    private final PatientManagement patients;
    private final SlotBookings bookings;
    private final ElectronicSignatures signatures;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final LabelRenderer renderer = new LabelRenderer();

    LabelPrinting(CaseAccess access, ChainOfIdentity chainOfIdentity, IdentifierStore identifiers, CustodyLog log,
            HardStopQuery hardStops, LabelPrintStore prints, Catalogue catalogue, CaseJourney journey,
            PatientManagement patients, SlotBookings bookings, ElectronicSignatures signatures, AuditTrail audit,
            Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.access = access;
        this.chainOfIdentity = chainOfIdentity;
        this.identifiers = identifiers;
        this.log = log;
        this.hardStops = hardStops;
        this.prints = prints;
        this.catalogue = catalogue;
        this.journey = journey;
        this.patients = patients;
        this.bookings = bookings;
        this.signatures = signatures;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * What the apheresis nurse records about a collection.
     *
     * @param collectedAt when the cells were collected; now when not given. Not in the future (beyond
     *                    {@link EventDates#CLOCK_TOLERANCE}): 422 {@code timestamp-in-future}
     * @param reason      required, and signed with {@code password}, when the collection is not on the booked
     *                    apheresis day (422 {@code collection-off-booked-day} otherwise)
     */
    public record CollectionRequest(Instant collectedAt, String place, String reason, String password) {
    }

    /** A collection now, at {@code place}, on the booked apheresis day. */
    @Transactional
    public LabelPrint newCollection(Actor actor, CaseId caseId, String place) {
        return newCollection(actor, caseId, new CollectionRequest(null, place, null, null));
    }

    /**
     * A new collection: allocates a DIN (and the COI on first need), registers the bag as labelled at
     * {@code place} at the collection time (the bag is labelled as it is collected) and records the original print of
     * its label, which carries the recorded collection date. Only at apheresis: the case must be at "Slot booked" or
     * "Cells collected" (409 {@code not-at-collection} otherwise).
     *
     * <p>Dates (docs/clinical/dates.md): a collection in the future is refused; a collection on another day than the
     * booked apheresis day is accepted only with a reason the collector signs (meaning OVERRIDDEN), which goes into the
     * audit trail, the bag's custody log and the case's timeline. Nothing is recorded when it is refused.
     */
    @Transactional
    public LabelPrint newCollection(Actor actor, CaseId caseId, CollectionRequest request) {
        CaseView view = access.centreStaff(actor, caseId, COLLECTORS);
        access.lock(caseId);
        TherapyCase therapyCase = view.therapyCase();
        hardStops.requireNone(caseId, therapyCase.reference());
        if (therapyCase.stage() != Stage.SLOT_BOOKED && therapyCase.stage() != Stage.COLLECTED) {
            throw new ProblemException("not-at-collection", 409, "Conflict with the current state",
                    "Collection labels are printed at apheresis; case " + therapyCase.reference() + " is at stage '"
                            + therapyCase.stage().label() + "'", List.of(), Map.of("currentStage", therapyCase.stage().name()));
        }
        Instant now = Instant.now(clock);
        Instant collectedAt = request.collectedAt() == null ? now : request.collectedAt();
        EventDates.requireNotInFuture("collectedAt", collectedAt, now, "the collection");
        LocalDate collectedOn = LocalDate.ofInstant(collectedAt, zone);
        LocalDate booked = bookings.activeBooking(actor, caseId).map(SlotBooking::apheresisDate).orElse(null);
        String why = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
        boolean offPlan = EventDates.collectionDay(collectedOn, booked) == EventDates.CollectionDay.OFF_BOOKED_DAY;
        if (offPlan) {
            requireSignedReason(collectedOn, booked, why, request.password());
        }
        String productName = productName(therapyCase);
        ChainOfIdentityId coi = chainOfIdentity.allocate(actor, caseId);
        Year year = Year.now(clock.withZone(zone));
        Din din = Din.of(coi.fin(), year, identifiers.next("DIN", coi.fin(), year.getValue() % 100));
        CustodyItem bag = CustodyItem.collectionBag(caseId, coi, din, collectedOn, now);
        List<UUID> signed = List.of();
        String offPlanNote = null;
        if (offPlan) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("caseId", caseId.toString());
            content.put("din", din.value());
            content.put("collectedAt", collectedAt.toString());
            content.put("bookedApheresisDate", booked.toString());
            content.put("reason", why);
            ElectronicSignature signature = signatures.sign(actor, request.password(), collectorRole(actor),
                    SignatureMeaning.OVERRIDDEN, new SignedRecord("CollectionOffBookedDay", bag.id().toString(), content), why);
            signed = List.of(signature.id());
            offPlanNote = "Collected on " + collectedOn + ", not on the booked apheresis day " + booked + ": " + why
                    + " (signed by " + signature.printedName() + ")";
        }
        log.register(actor, bag, therapyCase.reference(), CustodyCommand.of(CustodyEventType.LABELLED, collectedAt,
                access.party(actor), actor.displayName(), placeOr(request.place(), actor), null, signed, offPlanNote));
        LabelPrint print = new LabelPrint(UUID.randomUUID(), caseId, bag.id(), LabelKind.COLLECTION_BAG, coi, din,
                productName, bag.collectionDate(), null, false, null, now, actor.displayName());
        prints.insert(print, actor);
        journey.note(actor, caseId, "COLLECTION_LABELLED", "Collection bag labelled: DIN " + din.eyeReadable()
                + " under COI " + coi.eyeReadable() + (offPlanNote == null ? "" : ". " + offPlanNote));
        audit.record(actor, "CUSTODY_LABEL_PRINTED", "CustodyItem", bag.id().toString(), null, auditView(print), null);
        if (offPlan) {
            Map<String, Object> deviation = new LinkedHashMap<>();
            deviation.put("din", din.value());
            deviation.put("collectedAt", collectedAt.toString());
            deviation.put("bookedApheresisDate", booked.toString());
            deviation.put("signatureId", signed.get(0).toString());
            audit.record(actor, "COLLECTION_OFF_BOOKED_DAY", "CustodyItem", bag.id().toString(), null, deviation, why);
        }
        return print;
    }

    /**
     * A collection away from the booked apheresis day needs a reason and the collector's password to sign it. The
     * apheresis can move by a day in practice (the patient unwell, low counts, a machine down), so it is not refused
     * outright; but it must never pass silently (a collection was once recorded seven days before the booked day with no
     * warning, and its label printed that date).
     */
    private static void requireSignedReason(LocalDate collectedOn, LocalDate booked, String why, String password) {
        if (why == null) {
            throw new ProblemException("collection-off-booked-day", 422, "The request breaks a rule",
                    "The cells are recorded as collected on " + collectedOn + ", not on the booked apheresis day " + booked
                            + ": check the date, or give the reason and sign it with your password",
                    List.of(new FieldProblem("reason", "is needed: the collection is on " + collectedOn
                            + ", not on the booked apheresis day " + booked + "; check the date, or say why and sign")),
                    Map.of("collectedOn", collectedOn.toString(), "bookedApheresisDate", booked.toString()));
        }
        if (why.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password", "is needed to sign the reason for collecting on another day");
        }
    }

    private static Role collectorRole(Actor actor) {
        for (Role role : COLLECTORS) {
            if (actor.hasRole(role)) {
                return role;
            }
        }
        throw ProblemException.forbidden("Only apheresis nurses and the cell therapy laboratory record collections");
    }

    /**
     * Prints a label of a collection bag: the shipper label or the wristband the first time, any label again as
     * a reprint, which needs a reason. A wristband needs the patient's identity as keyed from the hospital record.
     */
    @Transactional
    public LabelPrint print(Actor actor, CaseId caseId, UUID bagId, LabelKind kind, String reason, WristbandEntry patient) {
        CaseView view = access.centreStaff(actor, caseId, PRINTERS);
        access.lock(caseId);
        hardStops.requireNone(caseId, view.therapyCase().reference());
        CustodyItem bag = log.item(bagId);
        if (!bag.caseId().equals(caseId) || bag.kind() != ItemKind.COLLECTION_BAG) {
            throw new NotFoundException("collection bag", bagId);
        }
        if (kind == null) {
            throw ProblemException.invalid("kind", "must be collection-bag, shipper or patient-wristband");
        }
        boolean reprint = prints.printed(bagId, kind);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (reprint && why == null) {
            throw ProblemException.invalid("reason", "this label was printed before: give the reason for the reprint");
        }
        if (why != null && why.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        PatientIdentity identity = null;
        if (kind == LabelKind.PATIENT_WRISTBAND) {
            if (patient == null) {
                throw ProblemException.invalid("patientName", "a wristband needs the patient's name, NHS number and date of birth");
            }
            identity = WristbandIdentityCheck.check(patient.name(), patient.nhsNumber(), patient.hospitalNumber(),
                    patient.dateOfBirth(), LocalDate.now(clock.withZone(zone)));
            requireMatchesRecord(actor, view, identity);
        }
        Instant now = Instant.now(clock);
        LabelPrint print = new LabelPrint(UUID.randomUUID(), caseId, bagId, kind, bag.coi(), bag.din(),
                productName(view.therapyCase()), bag.collectionDate(), identity, reprint, reprint ? why : null, now,
                actor.displayName());
        prints.insert(print, actor);
        journey.note(actor, caseId, reprint ? "LABEL_REPRINTED" : "LABEL_PRINTED", (reprint ? "Label reprinted: " : "Label printed: ")
                + kind.title().toLowerCase() + " for DIN " + bag.din().eyeReadable());
        audit.record(actor, reprint ? "CUSTODY_LABEL_REPRINTED" : "CUSTODY_LABEL_PRINTED", "CustodyItem", bagId.toString(), null,
                auditView(print), print.reason());
        return print;
    }

    /**
     * A wristband must say who the patient's record says: the NHS number and date of birth must be the
     * record's, and the name must include the record's family name. A mismatch refuses the print.
     */
    private void requireMatchesRecord(Actor actor, CaseView view, PatientIdentity identity) {
        Demographics record = patients.get(actor, new PatientId(view.therapyCase().patientId()),
                "Printing a patient wristband").demographics();
        List<FieldProblem> problems = new ArrayList<>();
        if (record.nhsNumber() != null && identity.nhsNumber() == null) {
            // NPSA SPN 24: the NHS number is the identifier; the hospital number only stands in when there is none
            problems.add(new FieldProblem("nhsNumber", "enter the NHS number on the patient's record: a wristband carries"
                    + " the hospital number only for a patient without one"));
        } else if (record.nhsNumber() != null && !record.nhsNumber().value().equals(identity.nhsNumber())) {
            problems.add(new FieldProblem("nhsNumber", "is not the NHS number on the patient's record"));
        } else if (record.nhsNumber() == null && (record.localHospitalNumber() == null || identity.hospitalNumber() == null
                || !record.localHospitalNumber().strip().equalsIgnoreCase(identity.hospitalNumber()))) {
            problems.add(new FieldProblem("hospitalNumber", "is not the hospital number on the patient's record"));
        }
        if (!record.dateOfBirth().equals(identity.dateOfBirth())) {
            problems.add(new FieldProblem("dateOfBirth", "is not the date of birth on the patient's record"));
        }
        if (!identity.name().toLowerCase(Locale.ROOT).contains(record.familyName().toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem("patientName", "does not include the family name on the patient's record"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException("wristband-identity-mismatch", 422, "The request breaks a rule",
                    "The wristband does not match the patient's record: check the patient and their record",
                    problems, Map.of());
        }
    }

    /** The patient's identity from their record, to fill a new wristband's form. */
    @Transactional
    public WristbandEntry fromRecord(Actor actor, CaseId caseId) {
        CaseView view = access.centreStaff(actor, caseId, PRINTERS);
        Demographics record = patients.get(actor, new PatientId(view.therapyCase().patientId()),
                "Filling a patient wristband").demographics();
        return new WristbandEntry(record.familyName().toUpperCase(Locale.ROOT) + ", " + record.givenName(),
                record.nhsNumber() == null ? null : record.nhsNumber().value(),
                record.nhsNumber() == null ? record.localHospitalNumber() : null, record.dateOfBirth());
    }

    /**
     * What a wristband says about the patient, as keyed by the person printing it.
     *
     * @param hospitalNumber only for a patient without an NHS number
     */
    public record WristbandEntry(String name, String nhsNumber, String hospitalNumber, LocalDate dateOfBirth) {

        public WristbandEntry(String name, String nhsNumber, LocalDate dateOfBirth) {
            this(name, nhsNumber, null, dateOfBirth);
        }
    }

    /**
     * A recorded print as PDF or PNG, for the treating centre's staff; the latest of its kind without an id. Not a
     * read-only transaction: showing a wristband is a read of the patient's identity, logged in the data-access log.
     */
    @Transactional
    public byte[] render(Actor actor, CaseId caseId, LabelKind kind, UUID printId, boolean pdf) {
        CaseView view = access.centreStaff(actor, caseId);
        LabelPrint print = (printId == null ? prints.latest(caseId, kind) : prints.find(printId))
                .filter(p -> p.caseId().equals(caseId) && p.kind() == kind)
                .orElseThrow(() -> new NotFoundException("label print", printId == null ? kind : printId));
        if (print.patient() != null) {
            audit.recordAccess(actor, "Patient", String.valueOf(view.therapyCase().patientId()), "wristband label");
        }
        return pdf ? renderer.pdf(print.content()) : renderer.png(print.content());
    }

    @Transactional(readOnly = true)
    public LabelPrint find(Actor actor, CaseId caseId, UUID printId) {
        access.centreStaff(actor, caseId);
        return prints.find(printId).filter(p -> p.caseId().equals(caseId))
                .orElseThrow(() -> new NotFoundException("label print", printId));
    }

    /** The labels printed for a case, oldest first: for the treating centre only (they include wristbands). */
    @Transactional(readOnly = true)
    public List<LabelPrint> prints(Actor actor, CaseId caseId) {
        access.centreStaff(actor, caseId);
        return prints.ofCase(caseId);
    }

    private String productName(TherapyCase therapyCase) {
        ProductCode code;
        try {
            code = therapyCase.productCode() == null ? null : ProductCode.valueOf(therapyCase.productCode());
        } catch (IllegalArgumentException e) {
            code = null;
        }
        if (code == null) {
            throw ProblemException.unprocessable("no-product", "Case " + therapyCase.reference()
                    + " has no product from the catalogue; choose the product before printing labels");
        }
        Product product = catalogue.product(code);
        return product.name() + " (" + product.inn() + ")";
    }

    private static String placeOr(String place, Actor actor) {
        return place == null || place.isBlank() ? actor.organisationName() : place.trim();
    }

    private static Map<String, Object> auditView(LabelPrint print) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("printId", print.id().toString());
        view.put("kind", print.kind().name());
        view.put("coi", print.coi().content());
        view.put("din", print.din() == null ? null : print.din().value());
        view.put("reprint", print.reprint());
        view.put("patientIdentityPrinted", print.patient() != null);
        return view;
    }
}
