package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.ErrorCode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartpath.custody.ChainOfIdentity;
import org.cartpath.interop.hl7.Hl7Codec.Answer;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.patient.PatientRecord;
import org.cartpath.shared.Actor;
import org.cartpath.shared.ProblemException.FieldProblem;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ADT messages (ADR 0024, "ADT messages"): first {@link #decide} reads what a message would do, changing nothing, so that
 * {@link InboundMessages} can store the message (claiming its control id) before {@link #apply} makes the change through
 * the patient and journey modules' public APIs, all in one transaction.
 *
 * <ul>
 *   <li>A08/A31: the demographics of the patient the NHS number names at the centre are updated (name, date of birth,
 *   sex, address), a new version with the message's control id as its reason; if the name or date of birth changes while
 *   the patient's cells are in the chain of custody (collected, or a chain-of-identity identifier allocated, and not yet
 *   infused) the coordinator gets a task to re-verify the printed labels and wristband, which cartpath never reprints by
 *   itself (docs/safety/hazard-log.md H-24).</li>
 *   <li>A01/A03: the admission or discharge goes on the timeline of the patient's one open case at the centre (cartpath
 *   has no inpatient-stay record of its own).</li>
 *   <li>A40: never applied. It waits in the work queue with both NHS numbers for a person to review.</li>
 *   <li>An NHS number cartpath does not know at the centre: never a new patient; the message waits in the work queue.</li>
 * </ul>
 */
@Component
class PatientAdministration {

    /** Stages at which the cells have been collected and not yet infused. */
    static final Set<Stage> CELLS_IN_CUSTODY = EnumSet.of(Stage.COLLECTED, Stage.IN_MANUFACTURING, Stage.RELEASED,
            Stage.RECEIVED, Stage.LYMPHODEPLETION);
    /** Stages before collection at which labels may already be printed, once the case has a COI. */
    private static final Set<Stage> BEFORE_COLLECTION = EnumSet.of(Stage.PANEL_APPROVED, Stage.SLOT_BOOKED);

    static final String LABEL_TASK = "Re-verify the printed labels and wristband: the patient's ";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final PatientMatching matching;
    private final PatientManagement patients;
    private final CaseJourney journey;
    private final ChainOfIdentity identities;
    private final ZoneId zone;

    PatientAdministration(PatientMatching matching, PatientManagement patients, CaseJourney journey,
            ChainOfIdentity identities, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.matching = matching;
        this.patients = patients;
        this.journey = journey;
        this.identities = identities;
        this.zone = ZoneId.of(zone);
    }

    /** What a message will do: its answer and status, the patient and case it is about, and the change to make. */
    record Decision(Answer answer, MessageStatus status, String nhsNumber, UUID patientId, UUID caseId,
            DemographicsUpdate update, int demographicsVersion, List<TherapyCase> openCases) {

        static Decision queued(ErrorCode code, String reason, String nhsNumber, UUID patientId) {
            return new Decision(Answer.error(code, reason), MessageStatus.QUEUED, nhsNumber, patientId, null, null, 0,
                    List.of());
        }
    }

    /** Reads what {@code message} would do for the centre whose interface is {@code actor}; changes nothing. */
    Decision decide(Actor actor, AdtMessage message) {
        PatientMatching.Known known = matching.known(actor, message.nhsNumber());
        UUID patientId = known.found() ? known.patient().id().value() : null;
        if ("A40".equals(message.event())) {
            // a merge joins two records into one: if they are two people, one child's cells could be given to the
            // other, so a person decides (docs/safety/hazard-log.md H-24)
            return Decision.queued(ErrorCode.UNSUPPORTED_EVENT_CODE, "A40 merge of NHS number "
                    + orNone(message.mergedNhsNumber() != null ? message.mergedNhsNumber()
                            : message.mergedOtherIdentifier()) + " (MRG-1) into NHS number "
                    + orNone(message.nhsNumber()) + " (PID-3) is never applied automatically: a coordinator reviews"
                    + " both records", message.nhsNumber(), patientId);
        }
        if (!known.found()) {
            return Decision.queued(known.errorCode(), known.problem(), message.nhsNumber(), null);
        }
        if ("A01".equals(message.event()) || "A03".equals(message.event())) {
            List<TherapyCase> open = known.openCases();
            if (open.size() != 1) {
                return Decision.queued(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "The patient with NHS number "
                        + message.nhsNumber() + " has " + (open.isEmpty() ? "no" : String.valueOf(open.size()))
                        + " open case" + (open.size() > 1 ? "s" : "") + " at this centre", message.nhsNumber(),
                        patientId);
            }
            return new Decision(Answer.ACCEPTED, MessageStatus.FILED, message.nhsNumber(), patientId,
                    open.get(0).id().value(), null, 0, open);
        }
        PatientRecord record = patients.get(actor, new PatientId(patientId), "HL7 " + message.header().messageType());
        DemographicsUpdate update = DemographicsUpdate.of(record.demographics(), message);
        if (!update.applicable()) {
            return Decision.queued(update.errorCode(), update.problem(), message.nhsNumber(), patientId);
        }
        List<FieldProblem> problems = update.changed().isEmpty() ? List.of()
                : patients.problemsInDemographics(update.details());
        if (!problems.isEmpty()) {
            return Decision.queued(ErrorCode.DATA_TYPE_ERROR, problems.stream()
                    .map(p -> "PID " + p.field() + " " + p.message()).collect(Collectors.joining("; ")),
                    message.nhsNumber(), patientId);
        }
        UUID caseId = known.openCases().size() == 1 ? known.openCases().get(0).id().value() : null;
        return new Decision(Answer.ACCEPTED, MessageStatus.FILED, message.nhsNumber(), patientId, caseId, update,
                record.demographics().version(), known.openCases());
    }

    /** Makes the change {@link #decide} found, for a message already stored; {@code source} names it for the record. */
    void apply(Actor actor, AdtMessage message, Decision decision, String source) {
        if (decision.status() != MessageStatus.FILED) {
            return;
        }
        switch (message.event()) {
            case "A01" -> journey.note(actor, new org.cartpath.journey.CaseId(decision.caseId()), "PATIENT_ADMITTED",
                    "Admitted as an inpatient" + ward(message) + when(message.admittedAt(), message.eventAt())
                            + " (" + source + ")");
            case "A03" -> journey.note(actor, new org.cartpath.journey.CaseId(decision.caseId()), "PATIENT_DISCHARGED",
                    "Discharged from inpatient care" + ward(message) + when(message.dischargedAt(), message.eventAt())
                            + " (" + source + ")");
            default -> changeDemographics(actor, decision, source);
        }
    }

    private void changeDemographics(Actor actor, Decision decision, String source) {
        DemographicsUpdate update = decision.update();
        if (update.changed().isEmpty()) {
            return;
        }
        patients.changeDemographics(actor, new PatientId(decision.patientId()), update.details(),
                decision.demographicsVersion(), source + ": " + String.join(", ", update.changed()));
        if (!update.changesIdentity()) {
            return;
        }
        String what = update.changed().contains(DemographicsUpdate.NAME)
                ? update.changed().contains(DemographicsUpdate.DATE_OF_BIRTH) ? "name and date of birth" : "name"
                : "date of birth";
        for (TherapyCase therapyCase : decision.openCases()) {
            if (cellsInCustody(actor, therapyCase)) {
                journey.openTask(actor, therapyCase.id(), LABEL_TASK + what + " changed in the hospital's records ("
                        + source + ")", Role.COORDINATOR, journey.today());
                journey.note(actor, therapyCase.id(), "PATIENT_IDENTITY_CHANGED", "The patient's " + what
                        + " changed in the hospital's records (" + source + "); labels already printed still show the"
                        + " former " + what + " and must be re-verified");
            }
        }
    }

    /** Whether the case's cells (or labels for them) exist and have not yet been infused. */
    private boolean cellsInCustody(Actor actor, TherapyCase therapyCase) {
        return CELLS_IN_CUSTODY.contains(therapyCase.stage()) || (BEFORE_COLLECTION.contains(therapyCase.stage())
                && identities.find(actor, therapyCase.id()).isPresent());
    }

    private static String ward(AdtMessage message) {
        return message.ward() == null ? "" : " (ward " + message.ward() + ")";
    }

    private String when(Instant at, Instant fallback) {
        Instant time = at != null ? at : fallback;
        return time == null ? "" : " on " + WHEN.format(time.atZone(zone));
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
