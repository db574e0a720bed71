package org.cartpath.custody.telemetry;

import java.io.InputStream;
import java.io.Reader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.custody.shipment.Shipment;
import org.cartpath.custody.shipment.Shipments;
import org.cartpath.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data-logger readings from couriers and manufacturers (ADR 0016): a batch is checked whole, stored with
 * COPY in one transaction (a retry adds nothing), then the loggers it touched are searched for excursions
 * longer than the grace period, each raising one alert.
 */
@Service
public class TelemetryIngest {

    /** What a batch did, as answered to the sender. */
    public record Result(UUID batchId, UUID shipmentId, String shipperId, int readings, int stored, int alreadyStored,
            int conflicting, List<ExcursionSummary> newExcursions) {
    }

    public record ExcursionSummary(String loggerId, Instant startedAt, Instant endedAt, long minutes, String extremeCelsius) {
    }

    public enum Format { CSV, JSON }

    private final Shipments shipments;
    private final ReadingStore readings;
    private final ExcursionDetector detector;
    private final CustodyAlerts alerts;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final JsonMapper mapper;
    private final Clock clock;
    private final Duration grace;

    TelemetryIngest(Shipments shipments, ReadingStore readings, ExcursionDetector detector, CustodyAlerts alerts,
            JdbcClient jdbc, AuditTrail audit, JsonMapper mapper, Clock clock,
            @Value("${cartpath.custody.excursion-grace:PT10M}") Duration grace) {
        this.shipments = shipments;
        this.readings = readings;
        this.detector = detector;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.grace = grace;
    }

    public Duration grace() {
        return grace;
    }

    @Transactional
    public Result csv(Actor actor, String shipperId, Reader body) {
        Shipment shipment = shipments.byShipperId(actor, shipperId);
        return ingest(actor, shipment, Format.CSV, new ReadingBatchReader(Instant.now(clock)).csv(body));
    }

    @Transactional
    public Result json(Actor actor, String shipperId, InputStream body) {
        Shipment shipment = shipments.byShipperId(actor, shipperId);
        return ingest(actor, shipment, Format.JSON, new ReadingBatchReader(Instant.now(clock)).json(body, mapper));
    }

    private Result ingest(Actor actor, Shipment shipment, Format format, List<Reading> batch) {
        UUID batchId = UUID.randomUUID();
        ReadingStore.Stored stored = readings.store(shipment.shipperId(), shipment.id(), batchId, batch);
        List<ExcursionSummary> found = new ArrayList<>();
        if (stored.stored() > 0) {
            for (Map.Entry<String, Instant[]> logger : spans(batch).entrySet()) {
                for (ExcursionDetector.Run run : detector.runsLongerThan(grace, shipment.shipperId(), shipment.id(), logger.getKey(),
                        shipment.profile(), logger.getValue()[0], logger.getValue()[1])) {
                    Excursion excursion = upsert(shipment, logger.getKey(), run);
                    if (excursion != null) {
                        alerts.raise(shipment, excursion);
                        found.add(new ExcursionSummary(excursion.loggerId(), excursion.startedAt(), excursion.endedAt(),
                                excursion.duration().toMinutes(), excursion.extremeCelsius().toPlainString()));
                    }
                }
            }
        }
        jdbc.sql("""
                insert into custody_telemetry_batch (id, shipment_id, shipper_id, format, readings, stored, received_at,
                    received_by, organisation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(batchId, shipment.id(), shipment.shipperId(), format.name(), batch.size(), stored.stored(),
                        Timestamp.from(Instant.now(clock)), actor.displayName(),
                        actor.organisationId() == null ? null : actor.organisationId().value())
                .update();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("batchId", batchId.toString());
        view.put("format", format.name());
        view.put("readings", batch.size());
        view.put("stored", stored.stored());
        view.put("alreadyStored", stored.alreadyStored());
        view.put("conflicting", stored.conflicting());
        view.put("newExcursions", found.size());
        audit.record(actor, "TEMPERATURE_READINGS_RECEIVED", "Shipment", shipment.id().toString(), null, view, null);
        return new Result(batchId, shipment.id(), shipment.shipperId(), batch.size(), stored.stored(),
                stored.alreadyStored(), stored.conflicting(), found);
    }

    /** A new excursion, or null when the run was already known (it may have grown: its end is updated). */
    private Excursion upsert(Shipment shipment, String loggerId, ExcursionDetector.Run run) {
        boolean aboveMax = shipment.profile().maxCelsius() != null && run.highest().compareTo(shipment.profile().maxCelsius()) > 0;
        java.math.BigDecimal extreme = aboveMax ? run.highest() : run.lowest();
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        Boolean inserted = jdbc.sql("""
                insert into custody_excursion (id, shipment_id, logger_id, started_at, last_out_at, ended_at, extreme_celsius, detected_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (shipment_id, logger_id, started_at) do update set last_out_at = excluded.last_out_at,
                    ended_at = excluded.ended_at, extreme_celsius = excluded.extreme_celsius, version = custody_excursion.version + 1
                returning (xmax = 0)""")
                .params(id, shipment.id(), loggerId, Timestamp.from(run.startedAt()), Timestamp.from(run.lastOutAt()),
                        run.endedAt() == null ? null : Timestamp.from(run.endedAt()), extreme, Timestamp.from(now))
                .query(Boolean.class).single();
        return Boolean.TRUE.equals(inserted) ? new Excursion(id, shipment.id(), loggerId, run.startedAt(), run.lastOutAt(),
                run.endedAt(), extreme, now) : null;
    }

    /** The first and last reading time of each logger in the batch. */
    private static Map<String, Instant[]> spans(List<Reading> batch) {
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        for (Reading r : batch) {
            spans.computeIfAbsent(r.loggerId(), k -> new Instant[] {r.readAt(), r.readAt()})[1] = r.readAt();
        }
        return spans;
    }

    /** Excursions of a shipment, for its page. */
    @Transactional(readOnly = true)
    public List<Excursion> excursions(UUID shipmentId) {
        return jdbc.sql("select * from custody_excursion where shipment_id = ? order by started_at").param(shipmentId)
                .query((row, n) -> new Excursion(row.getObject("id", UUID.class), shipmentId, row.getString("logger_id"),
                        row.getTimestamp("started_at").toInstant(), row.getTimestamp("last_out_at").toInstant(),
                        row.getTimestamp("ended_at") == null ? null : row.getTimestamp("ended_at").toInstant(),
                        row.getBigDecimal("extreme_celsius"), row.getTimestamp("detected_at").toInstant()))
                .list();
    }
}
