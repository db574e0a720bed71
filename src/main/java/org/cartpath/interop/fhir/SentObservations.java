package org.cartpath.interop.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Observations sent in transaction Bundles (V206): append-only, one per sender's identifier within a centre. */
@Repository
class SentObservations {

    private static final String COLUMNS = """
            id, organisation_id, identifier_system, identifier_value, patient_id, case_id, kind, code, measurement, value,
            second_value, unit, observed_at, sent_value, sent_unit, submitted_at""";

    private final JdbcClient jdbc;

    SentObservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The one the centre already holds with this identifier (a replay), if any. */
    Optional<SentObservation> byIdentifier(OrganisationId centre, String system, String value) {
        return jdbc.sql("select " + COLUMNS + " from interop_fhir_observation where organisation_id = ?"
                        + " and identifier_system = ? and identifier_value = ?")
                .params(centre.value(), system, value).query(SentObservations::row).optional();
    }

    Optional<SentObservation> find(UUID id, OrganisationId centre) {
        return jdbc.sql("select " + COLUMNS + " from interop_fhir_observation where id = ? and organisation_id = ?")
                .params(id, centre.value()).query(SentObservations::row).optional();
    }

    /** The patient's observations sent to the centre, newest first. */
    List<SentObservation> ofPatient(UUID patientId, OrganisationId centre) {
        return jdbc.sql("select " + COLUMNS + " from interop_fhir_observation where patient_id = ? and organisation_id = ?"
                        + " order by observed_at desc, id")
                .params(patientId, centre.value()).query(SentObservations::row).list();
    }

    void insert(SentObservation o, UUID bundleId, Actor actor) {
        jdbc.sql("insert into interop_fhir_observation (" + COLUMNS + ", bundle_id, submitted_by, submitted_by_name)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.id(), o.organisationId(), o.identifierSystem(), o.identifierValue(), o.patientId(), o.caseId(),
                        o.kind().name(), o.code(), o.measurement(), o.value(), o.secondValue(), o.unit(),
                        Timestamp.from(o.observedAt()), o.sentValue(), o.sentUnit(), Timestamp.from(o.submittedAt()),
                        bundleId, actor.id(), actor.displayName())
                .update();
    }

    private static SentObservation row(ResultSet rs, int n) throws SQLException {
        return new SentObservation(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("identifier_system"), rs.getString("identifier_value"),
                rs.getObject("patient_id", UUID.class), rs.getObject("case_id", UUID.class),
                SentObservation.Kind.valueOf(rs.getString("kind")), rs.getString("code"), rs.getString("measurement"),
                rs.getBigDecimal("value").stripTrailingZeros(),
                rs.getBigDecimal("second_value") == null ? null : rs.getBigDecimal("second_value").stripTrailingZeros(),
                rs.getString("unit"), instant(rs, "observed_at"), rs.getString("sent_value"), rs.getString("sent_unit"),
                instant(rs, "submitted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
