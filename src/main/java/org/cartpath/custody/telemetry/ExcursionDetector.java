package org.cartpath.custody.telemetry;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cartpath.custody.shipment.TemperatureProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds excursions among a logger's stored readings around a new batch: runs of readings out of range, from the
 * last reading in range before the batch to the first in range after it, so that a run begun in an earlier
 * batch is measured whole. A run lasts from its first reading out of range to the first reading back in range
 * (or to its last reading while none has come) and is an excursion when that is longer than the grace period.
 */
@Component
class ExcursionDetector {

    record Run(Instant startedAt, Instant lastOutAt, Instant endedAt, BigDecimal highest, BigDecimal lowest) {

        Duration duration() {
            return Duration.between(startedAt, endedAt != null ? endedAt : lastOutAt);
        }
    }

    private static final String OUT_OF_RANGE = "((cast(:lo as numeric) is not null and %1$s.celsius < cast(:lo as numeric))"
            + " or (cast(:hi as numeric) is not null and %1$s.celsius > cast(:hi as numeric)))";

    private final JdbcClient jdbc;

    ExcursionDetector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Run> runsLongerThan(Duration grace, String shipperId, UUID shipmentId, String loggerId, TemperatureProfile profile,
            Instant from, Instant to) {
        String sql = """
                with r as (
                    select t.read_at, t.celsius, %s as out_of_range
                    from custody_temperature_reading t
                    where t.shipper_id = :shipper and t.logger_id = :logger and t.shipment_id = :shipment
                      and t.read_at >= coalesce((select max(x.read_at) from custody_temperature_reading x
                            where x.shipper_id = :shipper and x.logger_id = :logger and x.shipment_id = :shipment and x.read_at < :from
                              and not %s), '-infinity')
                      and t.read_at <= coalesce((select min(x.read_at) from custody_temperature_reading x
                            where x.shipper_id = :shipper and x.logger_id = :logger and x.shipment_id = :shipment and x.read_at > :to
                              and not %s), 'infinity')
                ), g as (
                    select read_at, celsius, out_of_range,
                           count(*) filter (where not out_of_range) over (order by read_at) as run,
                           lead(read_at) over (order by read_at) as next_at
                    from r
                )
                select min(read_at) as started_at, max(read_at) as last_out_at,
                       (array_agg(next_at order by read_at desc))[1] as ended_at,
                       max(celsius) as highest, min(celsius) as lowest
                from g where out_of_range group by run order by 1""".formatted(OUT_OF_RANGE.formatted("t"),
                OUT_OF_RANGE.formatted("x"), OUT_OF_RANGE.formatted("x"));
        return jdbc.sql(sql)
                .param("shipper", shipperId)
                .param("shipment", shipmentId)
                .param("logger", loggerId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("lo", profile.minCelsius(), java.sql.Types.NUMERIC)
                .param("hi", profile.maxCelsius(), java.sql.Types.NUMERIC)
                .query((row, n) -> new Run(row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("last_out_at").toInstant(),
                        row.getTimestamp("ended_at") == null ? null : row.getTimestamp("ended_at").toInstant(),
                        row.getBigDecimal("highest"), row.getBigDecimal("lowest")))
                .list()
                .stream().filter(run -> run.duration().compareTo(grace) > 0).toList();
    }
}
