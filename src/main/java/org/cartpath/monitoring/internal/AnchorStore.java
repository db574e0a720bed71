package org.cartpath.monitoring.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.MonitoringAnchor;
import org.cartpath.monitoring.WeightMeasurement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for day-0 anchors and weights. */
@Repository
public class AnchorStore {

    private final JdbcClient jdbc;

    AnchorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the changes to one case's monitoring (assessments, corrections, doses) across threads and
     * instances, so that rule checks and derived episodes see every earlier change.
     */
    public void lockCase(CaseId id) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 60))").param("monitoring:" + id)
                .query(Integer.class).single();
    }

    public void insert(MonitoringAnchor anchor, Actor actor) {
        jdbc.sql("""
                insert into monitoring_anchor (case_id, case_reference, treating_centre_id, infused_at, day_zero,
                    age_years, developmental_delay, label_version_id, started_by, started_by_name, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(anchor.caseId().value(), anchor.caseReference(), anchor.treatingCentre().value(),
                        Timestamp.from(anchor.infusedAt()), anchor.dayZero(), anchor.ageYears(),
                        anchor.developmentalDelay(), anchor.labelVersionId(), actor.id(), actor.displayName(),
                        Timestamp.from(anchor.startedAt()))
                .update();
    }

    public Optional<MonitoringAnchor> find(CaseId id) {
        return jdbc.sql("select * from monitoring_anchor where case_id = ?").param(id.value())
                .query(AnchorStore::anchor).optional();
    }

    /** The anchors of a centre with day 0 on or after a day, most recent infusion first. */
    public List<MonitoringAnchor> ofCentreSince(DataScope scope, LocalDate since) {
        return scope.bind(jdbc.sql("select * from monitoring_anchor where " + scope.owns("treating_centre_id")
                        + " and day_zero >= :since order by infused_at desc"))
                .param("since", since).query(AnchorStore::anchor).list();
    }

    /** Every centre's anchors with day 0 on or after a day, for the scheduled checks. */
    @InternalJob("the missed-assessment round checks every centre's cases; it raises alerts, it shows no row")
    public List<MonitoringAnchor> allSince(LocalDate since) {
        return jdbc.sql("select * from monitoring_anchor where day_zero >= ? order by infused_at")
                .param(since).query(AnchorStore::anchor).list();
    }

    public void insertWeight(CaseId id, BigDecimal weightKg, LocalDate measuredOn, Actor actor, Instant at) {
        jdbc.sql("""
                insert into monitoring_weight (id, case_id, weight_kg, measured_on, recorded_by, recorded_by_name,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), id.value(), weightKg, measuredOn, actor.id(), actor.displayName(),
                        Timestamp.from(at))
                .update();
    }

    /** The latest weight: the last measured, and of two measured the same day the last recorded. */
    public Optional<WeightMeasurement> latestWeight(CaseId id) {
        return jdbc.sql("""
                select * from monitoring_weight where case_id = ?
                order by measured_on desc, recorded_at desc limit 1""")
                .param(id.value()).query(AnchorStore::weight).optional();
    }

    public List<WeightMeasurement> weights(CaseId id) {
        return jdbc.sql("select * from monitoring_weight where case_id = ? order by measured_on desc, recorded_at desc")
                .param(id.value()).query(AnchorStore::weight).list();
    }

    private static MonitoringAnchor anchor(ResultSet row, int n) throws SQLException {
        return new MonitoringAnchor(new CaseId(row.getObject("case_id", UUID.class)), row.getString("case_reference"),
                new OrganisationId(row.getObject("treating_centre_id", UUID.class)),
                row.getTimestamp("infused_at").toInstant(), row.getObject("day_zero", LocalDate.class),
                row.getInt("age_years"), row.getBoolean("developmental_delay"), row.getString("label_version_id"),
                row.getString("started_by_name"), row.getTimestamp("started_at").toInstant());
    }

    private static WeightMeasurement weight(ResultSet row, int n) throws SQLException {
        return new WeightMeasurement(Numbers.plain(row.getBigDecimal("weight_kg")),
                row.getObject("measured_on", LocalDate.class), row.getString("recorded_by_name"),
                row.getTimestamp("recorded_at").toInstant());
    }
}
