package org.cartpath.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.catalogue.LabelVersion;
import org.cartpath.catalogue.Product;
import org.cartpath.catalogue.ProductCode;
import org.cartpath.catalogue.SourcedNumber;
import org.cartpath.followup.internal.AlertCardPainter;
import org.cartpath.followup.internal.CentreContactStore;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseView;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.Demographics;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents a patient leaves the centre with (docs/clinical/discharge-documents.md): the patient alert card every
 * CAR-T label requires, regenerated from the record at each print, reprintable, each print audited; and the centre's
 * 24-hour contact it prints.
 */
@Service
public class DischargeDocuments {

    /** Who prints a card: the treating centre's clinical staff and data managers. */
    static final Role[] PRINTERS = {Role.CONSULTANT, Role.COORDINATOR, Role.WARD_NURSE, Role.DATA_MANAGER};
    /** Who sets the centre's 24-hour contact. */
    static final Role[] CONTACT_KEEPERS = {Role.COORDINATOR, Role.CONSULTANT, Role.ADMINISTRATOR};

    private final CaseJourney journey;
    private final FollowUpPlans plans;
    private final PatientManagement patients;
    private final Catalogue catalogue;
    private final OrganisationManagement organisations;
    private final CentreContactStore contacts;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    DischargeDocuments(CaseJourney journey, FollowUpPlans plans, PatientManagement patients, Catalogue catalogue,
            OrganisationManagement organisations, CentreContactStore contacts, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.journey = journey;
        this.plans = plans;
        this.patients = patients;
        this.catalogue = catalogue;
        this.organisations = organisations;
        this.contacts = contacts;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** The actor's own centre's contact, if set. */
    @Transactional(readOnly = true)
    public Optional<CentreContact> centreContact(Actor actor) {
        return actor.organisationId() == null ? Optional.empty() : contacts.find(actor.organisationId());
    }

    public static boolean mayKeepContact(Actor actor) {
        return actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                && (actor.type() == Actor.ActorType.INTERNAL || actor.hasAnyRole(CONTACT_KEEPERS));
    }

    /**
     * Sets the actor's centre's 24-hour contact. 403 outside a treatment centre's coordinators, consultants and
     * administrators; 400 naming {@code serviceName} or {@code phone}. The same contact again changes nothing.
     */
    @Transactional
    public CentreContact setCentreContact(Actor actor, String serviceName, String phone) {
        if (!mayKeepContact(actor)) {
            throw ProblemException.forbidden("A treatment centre's coordinators, consultants and administrators set"
                    + " its 24-hour contact");
        }
        String name = serviceName == null ? "" : serviceName.trim();
        String number = phone == null ? "" : phone.trim().replaceAll("\\s+", " ");
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (name.length() < 2 || name.length() > 200) {
            problems.add(new FieldProblem("serviceName", "enter who answers, e.g. CAR-T team (24 hours)"));
        }
        if (!number.matches("[0-9+() -]{6,40}") || number.chars().filter(Character::isDigit).count() < 6) {
            problems.add(new FieldProblem("phone", "enter a telephone number, e.g. 020 7405 9200"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Optional<CentreContact> before = contacts.find(actor.organisationId());
        if (before.filter(c -> c.serviceName().equals(name) && c.phone().equals(number)).isPresent()) {
            return before.get();
        }
        contacts.save(actor.organisationId(), name, number, actor, clock.instant());
        CentreContact after = contacts.find(actor.organisationId()).orElseThrow();
        audit.record(actor, "CENTRE_CONTACT_SET", "Organisation", actor.organisationId().toString(),
                before.map(DischargeDocuments::auditView).orElse(null), auditView(after), null);
        return after;
    }

    /** Whether the actor may print the case's alert card (the case page's link). */
    public boolean mayPrint(Actor actor, CaseView view) {
        return view.isTreatingCentre(actor, PRINTERS);
    }

    /**
     * The case's patient alert card as a PDF, made from the record now, and the print audited. 404 for another
     * organisation's case; 403 for a role that does not print; 409 {@code not-infused} before the infusion and
     * {@code centre-contact-missing} until the centre has set its 24-hour contact.
     */
    @Transactional
    public byte[] printAlertCard(Actor actor, CaseId id) {
        CaseView view = journey.get(actor, id).requireCentreStaff(actor, List.of(PRINTERS),
                "print the patient alert card");
        AlertCard card = alertCard(actor, view);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseId", id.toString());
        after.put("product", card.productName());
        after.put("infusedOn", card.infusedOn().toString());
        after.put("contactPhone", card.contact().phone());
        after.put("drivingUntil", card.drivingUntil() == null ? null : card.drivingUntil().toString());
        audit.record(actor, "ALERT_CARD_PRINTED", "TherapyCase", id.toString(), null, after, null);
        return AlertCardPainter.paint(card);
    }

    AlertCard alertCard(Actor actor, CaseView view) {
        TherapyCase c = view.therapyCase();
        FollowUpPlan plan = plans.find(view).orElseThrow(() -> ProblemException.conflict("not-infused",
                "Case " + c.reference() + " has no infusion recorded: the alert card names the infusion date"));
        CentreContact contact = contacts.find(c.treatingCentre()).orElseThrow(() -> ProblemException.conflict(
                "centre-contact-missing", "Set your centre's 24-hour contact first (Follow-up, 24-hour contact):"
                        + " the card must say whom to call"));
        Demographics who = patients.get(actor, new PatientId(c.patientId()), "print the patient alert card")
                .demographics();
        Product product = Arrays.stream(ProductCode.values()).filter(p -> p.name().equals(c.productCode()))
                .findFirst().map(catalogue::product).orElse(null);
        String centreName = organisations.directory().stream().filter(o -> o.id().equals(c.treatingCentre()))
                .map(Organisation::name).findFirst().orElse("");
        Optional<LabelVersion> version = catalogue.labelVersion(c.labelVersionId());
        SourcedNumber noDriving = version.map(LabelVersion::monitoring).map(m -> m.noDrivingDays()).orElse(null);
        Integer days = noDriving == null || noDriving.value() == null ? null : noDriving.value().intValueExact();
        String drivingSource = version.isEmpty() ? "no label version is recorded for the case"
                : days != null ? c.labelVersionId() + ", " + noDriving.source()
                : c.labelVersionId() + " gives no period" + (noDriving == null ? "" : " (" + noDriving.note() + ")");
        return new AlertCard(c.reference(), who.givenName() + " " + who.familyName(), who.dateOfBirth(),
                who.nhsNumber() == null ? null : who.nhsNumber().value(),
                product == null ? c.productCode() : product.name(), product == null ? "" : product.inn(),
                plan.dayZero(), centreName, contact, days == null ? null : plan.dayZero().plusDays(days), days,
                drivingSource, LocalDate.now(clock.withZone(zone)));
    }

    private static Map<String, Object> auditView(CentreContact contact) {
        return Map.of("serviceName", contact.serviceName(), "phone", contact.phone(), "version", contact.version());
    }
}
