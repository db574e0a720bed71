package org.cartpath.custody.telemetry;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.custody.shipment.Shipment;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shipment's readings for its curve, thinned to at most about {@value #POINTS} points per logger: readings are
 * grouped in equal time buckets and each bucket keeps its warmest and coldest reading, so no excursion is
 * smoothed away.
 */
@Component
public class TemperatureSeries {

    static final int POINTS = 600;

    /** One bucket of one logger: its start, and its coldest and warmest reading. */
    public record Point(Instant at, BigDecimal lowest, BigDecimal highest) {
    }

    public record Summary(long readings, Instant first, Instant last, BigDecimal lowest, BigDecimal highest) {
    }

    private final JdbcClient jdbc;

    TemperatureSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Summary summary(Shipment shipment) {
        return jdbc.sql("""
                select count(*), min(read_at), max(read_at), min(celsius), max(celsius)
                from custody_temperature_reading where shipper_id = ? and shipment_id = ?""")
                .params(shipment.shipperId(), shipment.id())
                .query((row, n) -> new Summary(row.getLong(1), instant(row.getTimestamp(2)), instant(row.getTimestamp(3)),
                        row.getBigDecimal(4), row.getBigDecimal(5)))
                .single();
    }

    @Transactional(readOnly = true)
    public Map<String, List<Point>> points(Shipment shipment, Summary summary) {
        Map<String, List<Point>> byLogger = new LinkedHashMap<>();
        if (summary.readings() == 0) {
            return byLogger;
        }
        long span = Math.max(1, Duration.between(summary.first(), summary.last()).toSeconds());
        long bucket = Math.max(1, span / POINTS);
        jdbc.sql("""
                select logger_id, date_bin(make_interval(secs => ?), read_at, ?) as bucket, min(celsius), max(celsius)
                from custody_temperature_reading where shipper_id = ? and shipment_id = ?
                group by logger_id, bucket order by logger_id, bucket""")
                .params(bucket, Timestamp.from(summary.first()), shipment.shipperId(), shipment.id())
                .query((RowCallbackHandler) row -> byLogger.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
                        .add(new Point(row.getTimestamp(2).toInstant(), row.getBigDecimal(3), row.getBigDecimal(4))));
        return byLogger;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
