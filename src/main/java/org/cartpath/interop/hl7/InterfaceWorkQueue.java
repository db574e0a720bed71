package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.patient.NhsNumber;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.cartpath.shared.TextLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interface work queue (ADR 0024): the messages addressed to the actor's centre that could not be filed, each
 * with its reason. A coordinator matches one to a patient by typing the patient's NHS number (then its results are
 * filed, if every one maps) or rejects it with a reason. Nothing is lost (the raw message stays) and nothing is guessed
 * (cartpath never picks the patient); each decision is audited.
 */
@Service
public class InterfaceWorkQueue {

    public static final String NHS_NUMBER = "nhsNumber";
    public static final String REASON = "reason";

    private final MessageStore store;
    private final Hl7Codec codec;
    private final LabCodes codes;
    private final PatientMatching matching;
    private final CreatinineForDosing creatinine;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    InterfaceWorkQueue(MessageStore store, Hl7Codec codec, LabCodes codes, PatientMatching matching,
            CreatinineForDosing creatinine, AuditTrail audit,
            Clock clock, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.codec = codec;
        this.codes = codes;
        this.matching = matching;
        this.creatinine = creatinine;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * A queued message as the coordinator sees it: what it says about the patient, and its results as sent; for an ADT
     * message also the address it gives and, for an A40 merge, the NHS number (or other identifier) of the record it
     * would merge into this patient's.
     */
    public record QueuedMessage(StoredMessage message, String familyName, String givenName, String dateOfBirth,
            List<Row> results, List<LabResult> filed, boolean administrative, String address, String mergedIdentifier) {

        /** Whether the message is matched to a patient to file its results (results), or only reviewed (ADT). */
        public boolean matchable() {
            return !administrative;
        }
    }

    /** One result as the laboratory sent it. */
    public record Row(String code, String text, String value, String unit, String status) {
    }

    /** Whether the actor works the interface work queue: a coordinator at a treatment centre. */
    public boolean mayWork(Actor actor) {
        return actor.organisationId() != null && actor.organisationKind() == OrganisationKind.TREATMENT_CENTRE
                && actor.hasRole(Role.COORDINATOR);
    }

    @Transactional(readOnly = true)
    public List<StoredMessage> queued(Actor actor) {
        requireWorker(actor);
        return store.queued(DataVisibility.clinicalScope(actor));
    }

    @Transactional(readOnly = true)
    public List<StoredMessage> recentlyResolved(Actor actor) {
        requireWorker(actor);
        return store.resolved(DataVisibility.clinicalScope(actor), 20);
    }

    @Transactional(readOnly = true)
    public QueuedMessage get(Actor actor, UUID id) {
        requireWorker(actor);
        StoredMessage message = store.find(id, actor.organisationId())
                .filter(m -> m.status() != MessageStatus.REPLAY)
                .orElseThrow(() -> new NotFoundException("interface message", id));
        if (AdtMessage.event(message.messageType()) != null) {
            Optional<AdtMessage> adt = readAdt(message);
            return new QueuedMessage(message, adt.map(AdtMessage::familyName).orElse(null),
                    adt.map(AdtMessage::givenName).orElse(null),
                    adt.map(a -> a.dateOfBirth() == null ? null : a.dateOfBirth().toString()).orElse(null), List.of(),
                    List.of(), true, adt.map(a -> a.address() == null ? null : java.util.stream.Stream.of(
                            a.address().line1(), a.address().line2(), a.address().town(), a.address().postcode())
                            .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(", ")))
                            .orElse(null),
                    adt.map(a -> a.mergedNhsNumber() != null ? a.mergedNhsNumber() : a.mergedOtherIdentifier())
                            .orElse(null));
        }
        Optional<ResultMessage> read = read(message);
        return new QueuedMessage(message, read.map(ResultMessage::familyName).orElse(null),
                read.map(ResultMessage::givenName).orElse(null),
                read.map(r -> r.dateOfBirth() == null ? null : r.dateOfBirth().toString()).orElse(null),
                read.map(r -> r.results().stream().map(x -> new Row(x.code(), x.text(), x.value(), x.unit(), x.status()))
                        .toList()).orElse(List.of()),
                store.resultsOfMessage(id), false, null, null);
    }

    /**
     * Files a queued message's results for the patient with {@code nhsNumberText}, who must have one open case at the
     * actor's centre; every result must map. 422 with the reason otherwise, and nothing changes.
     *
     * @return how many results were filed
     */
    @Transactional
    public int match(Actor actor, UUID id, String nhsNumberText) {
        requireWorker(actor);
        Optional<String> invalid = NhsNumber.problemIn(nhsNumberText);
        if (invalid.isPresent()) {
            throw ProblemException.invalid(NHS_NUMBER, invalid.get());
        }
        StoredMessage message = lockQueued(actor, id);
        if (AdtMessage.event(message.messageType()) != null) {
            // a demographics change or a merge is never applied to a patient a person picks: the message names its
            // patient by NHS number, and a merge of two records is done by hand after review (ADR 0024)
            throw ProblemException.unprocessable("not-matchable", "Patient administration (ADT) messages are not"
                    + " matched to a patient here: review the message, make any change in the patient's record"
                    + " yourself, then close it with a reason");
        }
        ResultMessage read = read(message).orElseThrow(() -> ProblemException.unprocessable("unreadable-message",
                "This message cannot be read, so it cannot be filed; reject it"));
        PatientMatching.Match match = matching.match(actor, NhsNumber.parse(nhsNumberText).value(), null);
        if (!match.matched()) {
            throw new ProblemException("patient-not-matched", 422, "Patient not matched", match.problem(),
                    List.of(new ProblemException.FieldProblem(NHS_NUMBER, match.problem())), Map.of());
        }
        ResultMapping.Outcome mapped = ResultMapping.map(read, codes);
        if (!mapped.mapped()) {
            throw ProblemException.unprocessable("results-not-mapped", "These results cannot be filed: "
                    + String.join("; ", mapped.problems()) + ". Add the code or unit to the code table, or reject"
                    + " the message");
        }
        Instant now = Instant.now(clock);
        String source = InboundMessages.resultSource(message.sendingApplication(), message.sendingFacility(),
                message.controlId());
        mapped.results().forEach(r -> store.insertResult(id, actor.organisationId(), match.patientId(), match.caseId(),
                r, actor, now, source));
        creatinine.record(actor, match.patientId(), mapped.results());
        store.resolve(id, MessageStatus.MATCHED, match.patientId(), match.caseId(), actor, now, null);
        audit.record(actor, "HL7_MESSAGE_MATCHED", InboundMessages.ENTITY, id.toString(), status(message),
                resolution(message, MessageStatus.MATCHED, match.caseId(), mapped.results().size()), null);
        return mapped.results().size();
    }

    /** Rejects a queued message with a reason: it stays stored, and files nothing. */
    @Transactional
    public void reject(Actor actor, UUID id, String reason) {
        requireWorker(actor);
        String text = reason == null ? "" : reason.strip();
        if (text.length() < 2 || text.length() > TextLimits.SHORT) {
            throw ProblemException.invalid(REASON, "must be 2 to " + TextLimits.SHORT + " characters");
        }
        StoredMessage message = lockQueued(actor, id);
        store.resolve(id, MessageStatus.DISMISSED, null, null, actor, Instant.now(clock), text);
        audit.record(actor, "HL7_MESSAGE_REJECTED", InboundMessages.ENTITY, id.toString(), status(message),
                resolution(message, MessageStatus.DISMISSED, null, 0), text);
    }

    private StoredMessage lockQueued(Actor actor, UUID id) {
        return store.lockQueued(id, actor.organisationId()).orElseGet(() -> {
            StoredMessage any = store.find(id, actor.organisationId())
                    .filter(m -> m.status() != MessageStatus.REPLAY)
                    .orElseThrow(() -> new NotFoundException("interface message", id));
            throw ProblemException.conflict("already-resolved", "This message is no longer waiting: "
                    + any.status().label().toLowerCase(java.util.Locale.ROOT));
        });
    }

    private Optional<ResultMessage> read(StoredMessage message) {
        try {
            Message parsed = codec.parse(message.raw());
            return Optional.of(ResultMessage.of(parsed, Hl7Codec.header(parsed), zone));
        } catch (HL7Exception | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<AdtMessage> readAdt(StoredMessage message) {
        try {
            Message parsed = codec.parse(message.raw());
            return Optional.of(AdtMessage.of(parsed, Hl7Codec.header(parsed), zone));
        } catch (HL7Exception | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void requireWorker(Actor actor) {
        if (!mayWork(actor)) {
            throw ProblemException.forbidden("The interface work queue is for the treatment centre's coordinators");
        }
    }

    private static Map<String, Object> status(StoredMessage message) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("id", message.id().toString());
        before.put("controlId", message.controlId());
        before.put("status", message.status().name());
        return before;
    }

    private static Map<String, Object> resolution(StoredMessage message, MessageStatus status, UUID caseId, int filed) {
        Map<String, Object> after = status(message);
        after.put("status", status.name());
        after.put("caseId", caseId == null ? null : caseId.toString());
        after.put("resultsFiled", filed);
        return after;
    }
}
