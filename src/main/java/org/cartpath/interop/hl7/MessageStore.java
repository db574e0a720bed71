package org.cartpath.interop.hl7;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.LabResultFiled;
import org.cartpath.shared.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The received messages and the results filed from them (V170). */
@Repository
class MessageStore {

    private static final String COLUMNS = """
            id, received_at, sending_application, sending_facility, receiving_facility, control_id, message_type,
            hl7_version, raw, organisation_id, ack_code, error_code, reason, status, replay_of, nhs_number, patient_id,
            case_id, resolved_by_name, resolved_at, resolution_reason""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MessageStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
    }

    void insert(StoredMessage m) {
        jdbc.sql("insert into interop_hl7_message (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)")
                .params(m.id(), Timestamp.from(m.receivedAt()), m.sendingApplication(), m.sendingFacility(),
                        m.receivingFacility(), m.controlId(), m.messageType(), m.version(), m.raw(),
                        m.organisationId() == null ? null : m.organisationId().value(), m.ackCode(), m.errorCode(),
                        m.reason(), m.status().name(), m.replayOf(), m.nhsNumber(), m.patientId(), m.caseId(),
                        m.resolvedByName(), m.resolvedAt() == null ? null : Timestamp.from(m.resolvedAt()),
                        m.resolutionReason())
                .update();
    }

    /** The original message with this sender and control id (not a refused one, not a replay). */
    Optional<StoredMessage> original(MessageHeader header) {
        return jdbc.sql("select " + COLUMNS + " from interop_hl7_message where coalesce(sending_facility, '') = ?"
                        + " and coalesce(sending_application, '') = ? and control_id = ?"
                        + " and status not in ('REFUSED', 'REPLAY')")
                .params(orEmpty(header.sendingFacility()), orEmpty(header.sendingApplication()), header.controlId())
                .query(MessageStore::row).optional();
    }

    Optional<StoredMessage> find(UUID id, OrganisationId organisation) {
        return jdbc.sql("select " + COLUMNS + " from interop_hl7_message where id = ? and organisation_id = ?")
                .params(id, organisation.value()).query(MessageStore::row).optional();
    }

    Optional<StoredMessage> lockQueued(UUID id, OrganisationId organisation) {
        return jdbc.sql("select " + COLUMNS + " from interop_hl7_message where id = ? and organisation_id = ?"
                        + " and status = 'QUEUED' for update")
                .params(id, organisation.value()).query(MessageStore::row).optional();
    }

    List<StoredMessage> queued(DataScope scope) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from interop_hl7_message where " + scope.owns("organisation_id")
                        + " and status = 'QUEUED' order by received_at, id")).query(MessageStore::row).list();
    }

    List<StoredMessage> resolved(DataScope scope, int limit) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from interop_hl7_message where " + scope.owns("organisation_id")
                        + " and status in ('MATCHED', 'DISMISSED') order by resolved_at desc, id limit :limit"))
                .param("limit", limit).query(MessageStore::row).list();
    }

    void resolve(UUID id, MessageStatus status, UUID patientId, UUID caseId, Actor actor, Instant at, String reason) {
        int changed = jdbc.sql("update interop_hl7_message set status = ?, patient_id = ?, case_id = ?, resolved_by = ?,"
                        + " resolved_by_name = ?, resolved_at = ?, resolution_reason = ?, version = version + 1"
                        + " where id = ? and status = 'QUEUED'")
                .params(status.name(), patientId, caseId, actor.id(), actor.displayName(), Timestamp.from(at), reason, id)
                .update();
        if (changed != 1) {
            throw new IllegalStateException("message " + id + " was not waiting in the work queue");
        }
    }

    /**
     * Files a result of a message, and publishes it ({@link LabResultFiled}, in this transaction) for the modules that
     * use a case's laboratory results, such as follow-up's counts (ADR 0035); {@code source} says where it came from.
     */
    void insertResult(UUID messageId, OrganisationId organisation, UUID patientId, UUID caseId, FiledResult result,
            Actor actor, Instant at, String source) {
        UUID resultId = UUID.randomUUID();
        jdbc.sql("""
                insert into interop_lab_result (id, message_id, organisation_id, patient_id, case_id, measurement, value,
                    unit, observed_at, local_code, local_value, local_unit, filed_by, filed_by_name, filed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(resultId, messageId, organisation.value(), patientId, caseId,
                        result.measurement().name(), result.value(), result.measurement().unit(),
                        Timestamp.from(result.observedAt()), result.localCode(), result.localValue(), result.localUnit(),
                        actor.id(), actor.displayName(), Timestamp.from(at))
                .update();
        published(resultId, organisation, caseId, result, source);
    }

    /** A result sent as a FHIR Observation (ADR 0030), filed and published like one of a message. */
    void insertFhirResult(UUID fhirObservationId, OrganisationId organisation, UUID patientId, UUID caseId,
            FiledResult result, Actor actor, Instant at) {
        UUID resultId = UUID.randomUUID();
        jdbc.sql("""
                insert into interop_lab_result (id, fhir_observation_id, organisation_id, patient_id, case_id, measurement,
                    value, unit, observed_at, local_code, local_value, local_unit, filed_by, filed_by_name, filed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(resultId, fhirObservationId, organisation.value(), patientId, caseId,
                        result.measurement().name(), result.value(), result.measurement().unit(),
                        Timestamp.from(result.observedAt()), result.localCode(), result.localValue(), result.localUnit(),
                        actor.id(), actor.displayName(), Timestamp.from(at))
                .update();
        published(resultId, organisation, caseId, result, "FHIR Observation " + fhirObservationId + " ("
                + actor.displayName() + ")");
    }

    private void published(UUID resultId, OrganisationId organisation, UUID caseId, FiledResult result,
            String source) {
        if (caseId != null) {
            events.publishEvent(new LabResultFiled(resultId, caseId, organisation.value(), result.measurement().name(),
                    result.value(), result.measurement().unit(), result.observedAt(), source));
        }
    }

    List<LabResult> resultsOfMessage(UUID messageId) {
        return jdbc.sql("""
                select measurement, value, observed_at, message_id, filed_at from interop_lab_result where message_id = ?
                order by observed_at, measurement""")
                .param(messageId)
                .query((rs, n) -> new LabResult(LabMeasurement.valueOf(rs.getString("measurement")),
                        rs.getBigDecimal("value"), rs.getTimestamp("observed_at").toInstant(),
                        rs.getObject("message_id", UUID.class), rs.getTimestamp("filed_at").toInstant()))
                .list();
    }

    /** The latest result of each measurement filed for a case by an organisation, with the message it came from. */
    List<CaseLabResults.LatestResult> latestOfCase(UUID caseId, OrganisationId organisation) {
        return jdbc.sql("""
                select distinct on (r.measurement) r.measurement, r.value, r.observed_at, r.filed_at,
                    m.sending_facility, coalesce(m.sending_application, f.submitted_by_name) as sending_application,
                    coalesce(m.control_id, 'FHIR Observation ' || f.identifier_value) as control_id
                from interop_lab_result r left join interop_hl7_message m on m.id = r.message_id
                    left join interop_fhir_observation f on f.id = r.fhir_observation_id
                where r.case_id = ? and r.organisation_id = ?
                order by r.measurement, r.observed_at desc, r.filed_at desc""")
                .params(caseId, organisation.value())
                .query((rs, n) -> new CaseLabResults.LatestResult(LabMeasurement.valueOf(rs.getString("measurement")),
                        rs.getBigDecimal("value").stripTrailingZeros(), rs.getTimestamp("observed_at").toInstant(),
                        rs.getTimestamp("filed_at").toInstant(), rs.getString("sending_facility"),
                        rs.getString("sending_application"), rs.getString("control_id")))
                .list().stream()
                .sorted(java.util.Comparator.comparing(CaseLabResults.LatestResult::measurement))
                .toList();
    }

    private static StoredMessage row(ResultSet rs, int n) throws SQLException {
        UUID organisation = rs.getObject("organisation_id", UUID.class);
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new StoredMessage(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant(),
                rs.getString("sending_application"), rs.getString("sending_facility"),
                rs.getString("receiving_facility"), rs.getString("control_id"), rs.getString("message_type"),
                rs.getString("hl7_version"), rs.getString("raw"),
                organisation == null ? null : new OrganisationId(organisation), rs.getString("ack_code"),
                (Integer) rs.getObject("error_code"), rs.getString("reason"),
                MessageStatus.valueOf(rs.getString("status")), rs.getObject("replay_of", UUID.class),
                rs.getString("nhs_number"), rs.getObject("patient_id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getString("resolved_by_name"), resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getString("resolution_reason"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
