package org.cartpath.followup.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.followup.ClinicVisits;
import org.cartpath.followup.FollowUpEntries;
import org.cartpath.followup.FollowUpEntry;
import org.cartpath.followup.FollowUpPlans;
import org.cartpath.followup.OutcomeEvent;
import org.cartpath.followup.OutcomeEvents;
import org.cartpath.followup.PlannedVisit;
import org.cartpath.followup.ResponseAssessments;
import org.cartpath.followup.ResponseFramework;
import org.cartpath.followup.outcomes.BAllResponse;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.identity.UserAccount;
import org.cartpath.identity.UserManagement;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.NewCase;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.monitoring.MonitoringManagement;
import org.cartpath.monitoring.MonitoringStart;
import org.cartpath.patient.Address;
import org.cartpath.patient.PatientDetails;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.patient.Sex;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DemoDataReady;
import org.cartpath.shared.DemoPatientSeeds;
import org.cartpath.shared.OrganisationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo child in follow-up: infused with Kymriah at Great Ormond Street {@value #DAYS_SINCE_INFUSION} days ago,
 * referred by Leeds, so that the follow-up plan, the worklist (an overdue day-90 visit, the day-100 registry form in
 * its window) and the case's follow-up panel have something to show. The case's earlier steps are not part of the
 * demo: its stages are passed by the journey's own transitions, noted as demo data, and the plan is made from the
 * infusion date as the infusion's reaction makes it. The day-28 marrow (an MRD-negative complete remission), the
 * visits up to day 56, the last contact, the daily counts of days 0 to 30 and later ones (with a correction), B cells
 * and IgG, and an infection are recorded through the follow-up services by the demo users, with their
 * audit rows. Seeded once, when no patient has the child's NHS number (from the 999 range the NHS keeps for testing).
 */
@Component
class DemoFollowUpCase {

    static final String NHS_NUMBER = "9990010064";
    static final int DAYS_SINCE_INFUSION = 105;

    private static final Logger log = LoggerFactory.getLogger(DemoFollowUpCase.class);

    private final PatientManagement patients;
    private final CaseJourney journey;
    private final MonitoringManagement monitoring;
    private final FollowUpPlans plans;
    private final ClinicVisits visits;
    private final ResponseAssessments responses;
    private final OutcomeEvents events;
    private final FollowUpEntries entries;
    private final UserManagement users;
    private final OrganisationManagement organisations;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    DemoFollowUpCase(PatientManagement patients, CaseJourney journey, MonitoringManagement monitoring,
            FollowUpPlans plans, ClinicVisits visits, ResponseAssessments responses, OutcomeEvents events,
            FollowUpEntries entries, UserManagement users,
            OrganisationManagement organisations, TransactionTemplate transaction, JdbcClient jdbc,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.patients = patients;
        this.journey = journey;
        this.monitoring = monitoring;
        this.plans = plans;
        this.visits = visits;
        this.responses = responses;
        this.events = events;
        this.entries = entries;
        this.users = users;
        this.organisations = organisations;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    /** After the treatment demo (30): it follows the same conventions. */
    @EventListener
    @Order(40)
    void seed(DemoDataReady ready) {
        Map<String, OrganisationId> demo = ready.organisations();
        if (!demo.keySet().containsAll(List.of("gosh", "leeds", "novartis"))) {
            return;
        }
        if (DemoPatientSeeds.seedOnce(jdbc, transaction, log, "follow-up demo seed", NHS_NUMBER, () -> seed(demo))) {
            log.info("Seeded a demo child in follow-up, infused {} days ago at Great Ormond Street",
                    DAYS_SINCE_INFUSION);
        }
    }

    private void seed(Map<String, OrganisationId> demo) {
        OrganisationId gosh = demo.get("gosh");
        OrganisationId leeds = demo.get("leeds");
        Actor referrer = actor("referrer", leeds);
        Actor consultant = actor("consultant", gosh);
        Actor coordinator = actor("coordinator", gosh);
        LocalDate today = plans.today();
        LocalDate dayZero = today.minusDays(DAYS_SINCE_INFUSION);

        PatientRecord patient = patients.register(referrer, new PatientDetails(NHS_NUMBER, null, "Maya", "OSEI",
                today.minusYears(9).minusDays(40), Sex.FEMALE, new Address("12 Demo Terrace", null, "Leeds",
                        "LS6 1AA")));
        patients.grantAccess(referrer, patient.id(), gosh, "Referral for CAR-T therapy");
        TherapyCase opened = journey.open(referrer, new NewCase(patient.id().value(), leeds, gosh, "KYMRIAH", "B_ALL",
                "UK", "Relapsed B-ALL after transplant; CD19 positive"));
        CaseId id = opened.id();
        Actor setup = Actor.system("demo follow-up");
        journey.addParty(setup, id, demo.get("novartis"), PartyRole.MANUFACTURER);
        for (Stage next : Stage.path()) {
            if (next.ordinal() > Stage.REFERRED.ordinal() && next.ordinal() <= Stage.INFUSED.ordinal()) {
                journey.advance(setup, id, next, "Demo data: " + next.label() + " (this step is not part of the demo)");
            }
        }
        // day 0 on record, as for a child infused before the centre used cartpath: monitoring starts from it (and the
        // outcome figures count the child); the 28 days of monitoring are over, so follow-up follows
        Instant infusedAt = dayZero.atTime(11, 0).atZone(zone).toInstant();
        monitoring.startMonitoring(consultant, id, new MonitoringStart(infusedAt, 9, false, new BigDecimal("28.4")));
        journey.advance(setup, id, Stage.FOLLOW_UP, "Demo data: " + Stage.FOLLOW_UP.label()
                + " (this step is not part of the demo)");
        plans.planAfterInfusion(setup, id, infusedAt);

        // the day-28 marrow: 0 % blasts, counts recovering, flow MRD below 0.01 %
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("marrowBlastsPercent", new BigDecimal("0"));
        inputs.put("circulatingBlasts", false);
        inputs.put("extramedullaryDisease", false);
        inputs.put("ancPerMicrolitre", new BigDecimal("1400"));
        inputs.put("plateletsPerMicrolitre", new BigDecimal("112000"));
        inputs.put("mrdPercent", new BigDecimal("0.005"));
        BAllResponse.Assessment day28 = BAllResponse.assess(new BigDecimal("0"), false, false, new BigDecimal("1400"),
                new BigDecimal("112000"), new BigDecimal("0.005"));
        String derived = day28.category() == BAllResponse.Category.COMPLETE_REMISSION
                && Boolean.TRUE.equals(day28.mrdNegative()) ? "MRD_NEGATIVE_COMPLETE_REMISSION" : day28.category().name();
        responses.record(consultant, id, new ResponseAssessments.Entry(dayZero.plusDays(28), ResponseFramework.B_ALL,
                inputs, derived, null, null, null, "Demo marrow report DM-0028"));

        // the visits to day 56 were attended; day 90 is overdue, so the worklist shows it with the day-100 form
        for (PlannedVisit visit : plans.find(journey.get(coordinator, id)).orElseThrow().visits()) {
            if (visit.dueDate().isAfter(dayZero.plusDays(56))) {
                break;
            }
            visits.record(coordinator, id, visit.key(), new ClinicVisits.Outcome(true, visit.dueDate(), null));
        }
        events.record(coordinator, id, new OutcomeEvents.Entry(OutcomeEvent.Kind.ALIVE, dayZero.plusDays(56),
                OutcomeEvent.InformationSource.CLINIC_VISIT, null, null, null, null, null, null, null, null));

        // daily counts from day 0 to 30 (a complete series: early ICAHT grade 2, 8 days at or below 0.5 x 10^9/L,
        // G-CSF from day 10), then the day-56 and day-90 counts (two at or below 1.5: late ICAHT grade 1)
        for (int day = 0; day < DEMO_ANC.length; day++) {
            counts(coordinator, id, dayZero.plusDays(day), DEMO_ANC[day], DEMO_PLATELETS[day], day >= 10 && day <= 13,
                    day == 7 || day == 9);
        }
        FollowUpEntry day56 = counts(coordinator, id, dayZero.plusDays(56), "1.5", "98", false, false);
        entries.correct(coordinator, id, day56.entryId(), new FollowUpEntries.Entry(FollowUpEntry.Kind.BLOOD_COUNT,
                dayZero.plusDays(56), countValues("1.4", "98", false, false), "Demo laboratory report DL-0056"),
                "ANC transcribed from the wrong line of the report", null);
        counts(coordinator, id, dayZero.plusDays(90), "1.3", "121", false, false);
        Map<String, Object> bCells = new LinkedHashMap<>();
        bCells.put("cd19BCells", "0");
        bCells.put("igg", "3.8");
        bCells.put("ivigGiven", true);
        entries.record(coordinator, id, new FollowUpEntries.Entry(FollowUpEntry.Kind.B_CELLS_AND_IMMUNOGLOBULIN,
                dayZero.plusDays(56), bCells, "Demo laboratory report DL-0056"));
        Map<String, Object> infection = new LinkedHashMap<>();
        infection.put("site", "Upper respiratory tract");
        infection.put("organismType", "VIRAL");
        infection.put("organism", "Rhinovirus");
        infection.put("severityGrade", "2");
        infection.put("admission", "NONE");
        infection.put("treatment", "Supportive care");
        entries.record(coordinator, id, new FollowUpEntries.Entry(FollowUpEntry.Kind.INFECTION, dayZero.plusDays(41),
                infection, null));
    }

    /** ANC (10^9/L) of days 0 to 30 of the demo child: the nadir around day 7, recovery from day 12. */
    static final String[] DEMO_ANC = {"2.1", "1.5", "0.9", "0.6", "0.4", "0.2", "0.15", "0.08", "0.06", "0.12",
        "0.3", "0.45", "0.6", "0.8", "1.1", "1.2", "1.2", "1.3", "1.3", "1.4", "1.4", "1.5", "1.4", "1.5", "1.6",
        "1.5", "1.6", "1.7", "1.6", "1.7", "1.8"};
    private static final String[] DEMO_PLATELETS = {"160", "140", "110", "80", "60", "40", "30", "22", "18", "19",
        "25", "31", "40", "48", "55", "60", "64", "70", "72", "75", "80", "83", "85", "88", "90", "92", "95", "96",
        "98", "100", "104"};

    private FollowUpEntry counts(Actor actor, CaseId id, LocalDate on, String anc, String platelets,
            boolean growthFactor, boolean plateletTransfusion) {
        return entries.record(actor, id, new FollowUpEntries.Entry(FollowUpEntry.Kind.BLOOD_COUNT, on,
                countValues(anc, platelets, growthFactor, plateletTransfusion), null));
    }

    private static Map<String, Object> countValues(String anc, String platelets, boolean growthFactor,
            boolean plateletTransfusion) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("anc", anc);
        values.put("platelets", platelets);
        values.put("growthFactor", growthFactor);
        values.put("redCellTransfusion", false);
        values.put("plateletTransfusion", plateletTransfusion);
        return values;
    }

    private Actor actor(String username, OrganisationId organisationId) {
        Organisation organisation = organisations.directory().stream().filter(o -> o.id().equals(organisationId))
                .findFirst().orElseThrow();
        UserAccount user = users.list(Actor.system("demo follow-up"), organisationId).stream()
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow();
        return new Actor(user.id().toString(), Actor.ActorType.PERSON, user.username(), user.displayName(),
                organisation.id(), organisation.name(), organisation.kind(), organisation.operator(), user.roles());
    }
}
