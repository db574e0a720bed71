package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.interop.hl7.Hl7Codec.Answer;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every message the listener receives (ADR 0024): stored raw with its control id and the answer given, in one
 * transaction with what it files and its audit row. A results message addressed to a treatment centre (MSH-6 its ODS
 * code) is filed when its patient matches and every result maps; otherwise it waits in that centre's work queue with
 * the reason (AE). An ADT message (A01, A03, A08, A31, A40) is handled by {@link PatientAdministration}, with the same
 * answers. A message that cannot be read, has no control id or is of a type cartpath does not take is refused (AR; 201
 * for another ADT event, 200 for another type). A replay (same sender and control id) gets the first answer and files
 * nothing.
 */
@Service
public class InboundMessages {

    static final String ENTITY = "Hl7Message";
    static final String RESULTS = "ORU^R01";
    static final String ACCEPTED_TYPES = "ORU^R01 and ADT^A01, A03, A08, A31, A40";

    private final Hl7Codec codec;
    private final MessageStore store;
    private final LabCodes codes;
    private final PatientMatching matching;
    private final PatientAdministration administration;
    private final CreatinineForDosing creatinine;
    private final OrganisationManagement organisations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    InboundMessages(Hl7Codec codec, MessageStore store, LabCodes codes, PatientMatching matching,
            PatientAdministration administration, CreatinineForDosing creatinine, OrganisationManagement organisations,
            AuditTrail audit, TransactionTemplate transactions, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.codec = codec;
        this.store = store;
        this.codes = codes;
        this.matching = matching;
        this.administration = administration;
        this.creatinine = creatinine;
        this.organisations = organisations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Where a message's results came from, in words: the sending system and facility and the control id. */
    static String resultSource(String application, String facility, String controlId) {
        String system = application == null ? "" : application;
        String at = facility == null ? "" : (system.isEmpty() ? "" : " at ") + facility;
        return "HL7 v2 result from " + ((system + at).isEmpty() ? "a laboratory system" : system + at)
                + ", message " + controlId;
    }

    /** The interface's actor at a centre: what it does is done in the centre's name, as its coordinator would. */
    static Actor interfaceAt(Organisation centre) {
        return new Actor("system:hl7-interface", Actor.ActorType.SYSTEM, "hl7-interface", "HL7 v2 interface",
                centre.id(), centre.name(), centre.kind(), false, Set.of(Role.COORDINATOR));
    }

    /** Receives a message HAPI has parsed and answers it. */
    public Message receive(String raw, Message parsed) throws HL7Exception {
        MessageHeader header = Hl7Codec.header(parsed);
        Answer answer;
        try {
            answer = transactions.execute(status -> receiveOnce(raw, parsed, header));
        } catch (DuplicateKeyException raced) {
            // the same message arrived twice at once and the other copy was stored first: this one is its replay
            answer = transactions.execute(status -> replay(raw, header, store.original(header).orElseThrow()));
        }
        return Hl7Codec.acknowledgement(parsed, answer);
    }

    /** Stores a message HAPI could not parse and answers AR with HAPI's reason. */
    public String refuse(String raw, HL7Exception problem, String errorAcknowledgement) {
        MessageHeader header = codec.headerOf(raw);
        ErrorCode code = problem.getError() == null || problem.getError() == ErrorCode.MESSAGE_ACCEPTED
                ? ErrorCode.SEGMENT_SEQUENCE_ERROR : problem.getError();
        Answer answer = Answer.refused(code, "The message could not be read: " + problem.getMessage());
        transactions.executeWithoutResult(status -> store(raw, header == null ? new MessageHeader(null, null, null, null,
                null, null) : header, centre(header).orElse(null), answer, MessageStatus.REFUSED, null, null, null, null));
        return codec.refusal(raw, errorAcknowledgement, answer);
    }

    private Answer receiveOnce(String raw, Message parsed, MessageHeader header) {
        Optional<Organisation> centre = centre(header);
        if (header.controlId() == null) {
            return refused(raw, header, centre, ErrorCode.REQUIRED_FIELD_MISSING,
                    "MSH-10 (message control id) is missing");
        }
        String event = AdtMessage.event(header.messageType());
        if (event != null && !AdtMessage.EVENTS.contains(event)) {
            return refused(raw, header, centre, ErrorCode.UNSUPPORTED_EVENT_CODE, "ADT event " + event
                    + " is not accepted; only " + ACCEPTED_TYPES);
        }
        if (event == null && !RESULTS.equals(header.messageType())) {
            return refused(raw, header, centre, ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "Message type "
                    + (header.messageType() == null ? "(none)" : header.messageType()) + " is not accepted; only "
                    + ACCEPTED_TYPES);
        }
        if (centre.isEmpty()) {
            return refused(raw, header, centre, ErrorCode.UNKNOWN_KEY_IDENTIFIER, "MSH-6 receiving facility "
                    + (header.receivingFacility() == null ? "(none)" : header.receivingFacility())
                    + " is not the ODS code of a treatment centre using cartpath");
        }
        Optional<StoredMessage> original = store.original(header);
        if (original.isPresent()) {
            return replay(raw, header, original.get());
        }
        if (event != null) {
            return receiveAdt(raw, parsed, header, centre.get());
        }
        ResultMessage message;
        try {
            message = ResultMessage.of(parsed, header, zone);
        } catch (HL7Exception | IllegalArgumentException | ClassCastException e) {
            return refused(raw, header, centre, ErrorCode.DATA_TYPE_ERROR, "The results could not be read: "
                    + e.getMessage());
        }
        Actor actor = interfaceAt(centre.get());
        PatientMatching.Match match = matching.match(actor, message.nhsNumber(), message.dateOfBirth());
        if (!match.matched()) {
            Answer answer = Answer.error(match.errorCode(), match.problem());
            store(raw, header, centre.get(), answer, MessageStatus.QUEUED, message.nhsNumber(), null, null, actor);
            return answer;
        }
        ResultMapping.Outcome mapped = ResultMapping.map(message, codes);
        if (!mapped.mapped()) {
            Answer answer = Answer.error(mapped.errorCode(), String.join("; ", mapped.problems()));
            store(raw, header, centre.get(), answer, MessageStatus.QUEUED, message.nhsNumber(), match.patientId(),
                    match.caseId(), actor);
            return answer;
        }
        UUID id = store(raw, header, centre.get(), Answer.ACCEPTED, MessageStatus.FILED, message.nhsNumber(),
                match.patientId(), match.caseId(), actor);
        Instant now = Instant.now(clock);
        String source = resultSource(header.sendingApplication(), header.sendingFacility(), header.controlId());
        mapped.results().forEach(r -> store.insertResult(id, centre.get().id(), match.patientId(), match.caseId(), r,
                actor, now, source));
        creatinine.record(actor, match.patientId(), mapped.results());
        return Answer.ACCEPTED;
    }

    /**
     * An ADT message: decided first (nothing changed), then stored, claiming its control id, then applied, so that two
     * copies arriving at once change nothing twice (the second fails on the unique index and is answered as a replay).
     */
    private Answer receiveAdt(String raw, Message parsed, MessageHeader header, Organisation centre) {
        AdtMessage message;
        try {
            message = AdtMessage.of(parsed, header, zone);
        } catch (HL7Exception | IllegalArgumentException | ClassCastException e) {
            return refused(raw, header, Optional.of(centre), ErrorCode.DATA_TYPE_ERROR, "The message could not be"
                    + " read: " + e.getMessage());
        }
        Actor actor = interfaceAt(centre);
        PatientAdministration.Decision decision = administration.decide(actor, message);
        store(raw, header, centre, decision.answer(), decision.status(), decision.nhsNumber(), decision.patientId(),
                decision.caseId(), actor);
        administration.apply(actor, message, decision, "HL7 " + header.messageType() + " message "
                + header.controlId() + (header.sendingFacility() == null ? "" : " from " + header.sendingFacility()));
        return decision.answer();
    }

    private Answer refused(String raw, MessageHeader header, Optional<Organisation> centre, ErrorCode code,
            String reason) {
        Answer answer = Answer.refused(code, reason);
        store(raw, header, centre.orElse(null), answer, MessageStatus.REFUSED, null, null, null, null);
        return answer;
    }

    private Answer replay(String raw, MessageHeader header, StoredMessage original) {
        Answer first = original.ackCode().equals("AA") ? Answer.ACCEPTED
                : new Answer(AcknowledgmentCode.valueOf(original.ackCode()), ErrorCode.errorCodeFor(
                        original.errorCode() == null ? ErrorCode.APPLICATION_INTERNAL_ERROR.getCode()
                                : original.errorCode()), original.reason());
        UUID id = UUID.randomUUID();
        store.insert(new StoredMessage(id, Instant.now(clock), header.sendingApplication(), header.sendingFacility(),
                header.receivingFacility(), header.controlId(), header.messageType(), header.version(), raw,
                original.organisationId(), original.ackCode(), original.errorCode(), original.reason(),
                MessageStatus.REPLAY, original.id(), original.nhsNumber(), null, null, null, null, null));
        audit.record(Actor.system("hl7 listener"), "HL7_MESSAGE_REPLAYED", ENTITY, id.toString(), null,
                summary(id, header, MessageStatus.REPLAY, first, null, null), "Replay of message " + original.id());
        return first;
    }

    private UUID store(String raw, MessageHeader header, Organisation centre, Answer answer, MessageStatus status,
            String nhsNumber, UUID patientId, UUID caseId, Actor actor) {
        UUID id = UUID.randomUUID();
        store.insert(new StoredMessage(id, Instant.now(clock), header.sendingApplication(), header.sendingFacility(),
                header.receivingFacility(), header.controlId(), header.messageType(), header.version(), raw,
                centre == null ? null : centre.id(), answer.code().name(),
                answer.errorCode() == null ? null : answer.errorCode().getCode(), answer.reason(), status, null,
                nhsNumber, patientId, caseId, null, null, null));
        String action = switch (status) {
            case FILED -> "HL7_MESSAGE_FILED";
            case QUEUED -> "HL7_MESSAGE_QUEUED";
            default -> "HL7_MESSAGE_REFUSED";
        };
        audit.record(actor != null ? actor : Actor.system("hl7 listener"), action, ENTITY, id.toString(), null,
                summary(id, header, status, answer, caseId, patientId), auditReason(answer));
        return id;
    }

    /**
     * The audit row's reason: the acknowledgement and its HL7 error code only. The answer's own words may name the NHS
     * number or the date of birth, and audit rows carry no patient identity (ADR 0009); they stay with the stored
     * message, which is scoped as patient data.
     */
    static String auditReason(Answer answer) {
        return answer.errorCode() == null ? "Acknowledged " + answer.code().name()
                : "Acknowledged " + answer.code().name() + " with HL7 error " + answer.errorCode().getCode() + " ("
                        + answer.errorCode().getMessage() + "); the reason is kept with the message";
    }

    private static Map<String, Object> summary(UUID id, MessageHeader header, MessageStatus status, Answer answer,
            UUID caseId, UUID patientId) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id.toString());
        summary.put("controlId", header.controlId());
        summary.put("sendingFacility", header.sendingFacility());
        summary.put("messageType", header.messageType());
        summary.put("status", status.name());
        summary.put("acknowledgement", answer.code().name());
        summary.put("caseId", caseId == null ? null : caseId.toString());
        if (patientId != null) {
            summary.put("patientId", patientId.toString());
        }
        return summary;
    }

    /** The active treatment centre whose ODS code is MSH-6. */
    private Optional<Organisation> centre(MessageHeader header) {
        if (header == null || header.receivingFacility() == null) {
            return Optional.empty();
        }
        return organisations.directory().stream()
                .filter(o -> o.kind() == OrganisationKind.TREATMENT_CENTRE)
                .filter(o -> header.receivingFacility().equalsIgnoreCase(o.odsCode()))
                .findFirst();
    }
}
