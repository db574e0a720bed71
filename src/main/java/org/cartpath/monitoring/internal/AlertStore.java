package org.cartpath.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.MonitoringAlert;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for alerts and their acknowledgements. */
@Repository
public class AlertStore {

    private static final String SELECT = """
            select a.*, m.case_reference, k.acknowledged_by_name, k.acknowledged_at, k.note
            from monitoring_alert a
            join monitoring_anchor m on m.case_id = a.case_id
            left join monitoring_alert_acknowledgement k on k.alert_id = a.id
            """;

    /** Key of the advisory lock that lets one instance at a time run the missed-assessment check. */
    private static final long MISSED_CHECK_LOCK = 0x6d6f6e69746f72L; // "monitor"

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the alert unless one with its key exists; whether it was new. */
    public boolean insertIfNew(MonitoringAlert alert, OrganisationId centre, String dedupeKey) {
        return jdbc.sql("""
                insert into monitoring_alert (id, case_id, centre_id, kind, grade, day_number, detail, assessment_id,
                    raised_at, dedupe_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (dedupe_key) do nothing""")
                .params(alert.id(), alert.caseId().value(), centre.value(), alert.kind().name(), alert.grade(),
                        alert.dayNumber(), alert.detail(), alert.assessmentId(), Timestamp.from(alert.raisedAt()),
                        dedupeKey)
                .update() == 1;
    }

    public Optional<MonitoringAlert> find(UUID id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(AlertStore::alert).optional();
    }

    public OrganisationId centreOf(UUID id) {
        return jdbc.sql("select centre_id from monitoring_alert where id = ?").param(id)
                .query((row, n) -> new OrganisationId(row.getObject(1, UUID.class))).optional().orElse(null);
    }

    /** A centre's alerts, unacknowledged first, newest first. */
    public List<MonitoringAlert> ofCentre(DataScope scope, boolean includeAcknowledged, int limit) {
        return scope.bind(jdbc.sql(SELECT + " where " + scope.owns("a.centre_id")
                        + (includeAcknowledged ? "" : " and k.alert_id is null")
                        + " order by (k.alert_id is null) desc, a.raised_at desc limit :limit"))
                .param("limit", limit).query(AlertStore::alert).list();
    }

    public List<MonitoringAlert> ofCase(CaseId caseId) {
        return jdbc.sql(SELECT + " where a.case_id = ? order by a.raised_at desc").param(caseId.value())
                .query(AlertStore::alert).list();
    }

    /** Records the acknowledgement unless there is one; whether it was recorded. */
    public boolean acknowledge(UUID id, Actor actor, Instant at, String note) {
        return jdbc.sql("""
                insert into monitoring_alert_acknowledgement (alert_id, acknowledged_by, acknowledged_by_name,
                    acknowledged_at, note)
                values (?, ?, ?, ?, ?) on conflict (alert_id) do nothing""")
                .params(id, actor.id(), actor.displayName(), Timestamp.from(at), note)
                .update() == 1;
    }

    /** Only one instance runs the missed-assessment check at a time; the lock ends with the transaction. */
    public boolean tryLockMissedCheck() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(MISSED_CHECK_LOCK)
                .query(Boolean.class).single());
    }

    private static MonitoringAlert alert(ResultSet row, int n) throws SQLException {
        Timestamp acknowledged = row.getTimestamp("acknowledged_at");
        return new MonitoringAlert(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getString("case_reference"), MonitoringAlert.Kind.valueOf(row.getString("kind")),
                (Integer) row.getObject("grade"), row.getInt("day_number"), row.getString("detail"),
                row.getObject("assessment_id", UUID.class), row.getTimestamp("raised_at").toInstant(),
                row.getString("acknowledged_by_name"), acknowledged == null ? null : acknowledged.toInstant(),
                row.getString("note"));
    }
}
