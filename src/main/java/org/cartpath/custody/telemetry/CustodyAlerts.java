package org.cartpath.custody.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseJourney;
import org.cartpath.journey.CaseTask;
import org.cartpath.shared.Actor;
import org.cartpath.shared.AlertAcknowledgements;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts to the treating centre's coordinator and QA (ADR 0016): each excursion raises one alert, opens a
 * task for each role on the case's worklist, and stays listed until acknowledged (who, when, a note).
 */
@Service
public class CustodyAlerts {

    private static final Actor MONITOR = Actor.system("temperature monitoring");

    private final JdbcClient jdbc;
    private final CaseJourney journey;
    private final AuditTrail audit;
    private final Clock clock;
    private final DateTimeFormatter times;

    CustodyAlerts(JdbcClient jdbc, CaseJourney journey, AuditTrail audit, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.jdbc = jdbc;
        this.journey = journey;
        this.audit = audit;
        this.clock = clock;
        this.times = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of(zone));
    }

    /** Raises the alert of a newly found excursion. */
    @Transactional
    public void raise(Shipment shipment, Excursion excursion) {
        String summary = "Temperature excursion on shipper " + shipment.shipperId() + " (logger " + excursion.loggerId()
                + "): outside " + shipment.profile().describe() + " from " + times.format(excursion.startedAt())
                + " for " + minutes(excursion.duration()) + ", extreme " + excursion.extremeCelsius().toPlainString() + " °C";
        CaseTask coordinator = journey.openTask(MONITOR, shipment.caseId(), "Review temperature excursion: shipper "
                + shipment.shipperId(), Role.COORDINATOR, journey.today());
        CaseTask qa = journey.openTask(MONITOR, shipment.caseId(), "QA review of temperature excursion: shipper "
                + shipment.shipperId(), Role.QA, journey.today());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into custody_alert (id, case_id, shipment_id, excursion_id, summary, raised_at, coordinator_task_id, qa_task_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, shipment.caseId().value(), shipment.id(), excursion.id(), summary,
                        Timestamp.from(Instant.now(clock)), coordinator.id(), qa.id())
                .update();
        journey.note(MONITOR, shipment.caseId(), "TEMPERATURE_EXCURSION", summary);
        audit.record(MONITOR, "TEMPERATURE_EXCURSION_ALERTED", "Shipment", shipment.id().toString(), null,
                Map.of("alertId", id.toString(), "excursionId", excursion.id().toString(), "summary", summary), null);
    }

    /** Open alerts of the cases the actor's treating centre runs, oldest first. */
    @Transactional(readOnly = true)
    public List<CustodyAlert> open(Actor actor) {
        requireCentreReviewer(actor);
        DataScope scope = DataVisibility.clinicalScope(actor);
        return scope.bind(jdbc.sql(SELECT + " where " + scope.owns("c.treating_centre_id")
                        + " and a.acknowledged_at is null order by a.raised_at")).query(CustodyAlerts::read).list();
    }

    /** The alerts of one shipment, for anyone who may see the shipment (the caller has checked). */
    @Transactional(readOnly = true)
    public List<CustodyAlert> ofShipment(UUID shipmentId) {
        return jdbc.sql(SELECT + " where a.shipment_id = ? order by a.raised_at").param(shipmentId)
                .query(CustodyAlerts::read).list();
    }

    /**
     * Acknowledges an alert (coordinators and QA of the treating centre), once. As a monitoring alert's
     * ({@link AlertAcknowledgements}): 404 unless the alert is the actor's centre's, then 403 for another role, 400
     * for a note too long, 409 {@code alert-already-acknowledged} naming who and when.
     */
    @Transactional
    public CustodyAlert acknowledge(Actor actor, UUID alertId, String note) {
        DataScope scope = DataVisibility.clinicalScope(actor);
        CustodyAlert alert = scope.bind(jdbc.sql(SELECT + " where a.id = :id and " + scope.owns("c.treating_centre_id")))
                .param("id", alertId).query(CustodyAlerts::read).optional()
                .orElseThrow(() -> new NotFoundException("alert", alertId));
        requireCentreReviewer(actor);
        String text = AlertAcknowledgements.note(note);
        int updated = jdbc.sql("""
                update custody_alert set acknowledged_at = ?, acknowledged_by_id = ?, acknowledged_by_name = ?,
                    acknowledgement_note = ?, version = version + 1
                where id = ? and acknowledged_at is null""")
                .params(Timestamp.from(Instant.now(clock)), actor.id(), actor.displayName(), text, alertId).update();
        if (updated != 1) {
            CustodyAlert already = jdbc.sql(SELECT + " where a.id = ?").param(alertId).query(CustodyAlerts::read).single();
            throw AlertAcknowledgements.alreadyAcknowledged(already.acknowledgedByName(), already.acknowledgedAt());
        }
        for (String column : List.of("coordinator_task_id", "qa_task_id")) {
            UUID task = jdbc.sql("select " + column + " from custody_alert where id = ?").param(alertId).query(UUID.class).single();
            closeIfOpen(actor, alert, task);
        }
        audit.record(actor, "TEMPERATURE_ALERT_ACKNOWLEDGED", "Shipment", alert.shipmentId().toString(), null,
                Map.of("alertId", alertId.toString()), text);
        return jdbc.sql(SELECT + " where a.id = ?").param(alertId).query(CustodyAlerts::read).single();
    }

    private void closeIfOpen(Actor actor, CustodyAlert alert, UUID task) {
        if (task != null && journey.tasks(actor, alert.caseId()).stream().anyMatch(t -> t.id().equals(task) && t.isOpen())) {
            journey.closeTask(actor, alert.caseId(), task);
        }
    }

    private static void requireCentreReviewer(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE || !actor.hasAnyRole(Role.COORDINATOR, Role.QA)) {
            throw ProblemException.forbidden("Temperature alerts are for the treating centre's coordinators and QA");
        }
    }

    static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 120 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    private static final String SELECT = """
            select a.*, c.reference, s.shipper_id from custody_alert a
            join therapy_case c on c.id = a.case_id
            join custody_shipment s on s.id = a.shipment_id""";

    private static CustodyAlert read(ResultSet row, int n) throws SQLException {
        Timestamp acknowledged = row.getTimestamp("acknowledged_at");
        return new CustodyAlert(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getString("reference"), row.getObject("shipment_id", UUID.class), row.getString("shipper_id"),
                row.getObject("excursion_id", UUID.class), row.getString("summary"), row.getTimestamp("raised_at").toInstant(),
                acknowledged == null ? null : acknowledged.toInstant(), row.getString("acknowledged_by_name"),
                row.getString("acknowledgement_note"));
    }
}
