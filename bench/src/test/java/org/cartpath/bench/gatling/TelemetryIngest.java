package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Data-logger ingest as a courier's system sends it: CSV batches of -Dbatch readings (four loggers, one reading each
 * 30 seconds) posted to a shipper in transit, each client its own shipper; stored with COPY, searched for excursions
 * and audited in one transaction, on the durable default (fsync on). Readings per second = batches per second × batch.
 */
public class TelemetryIngest extends Simulation {

    static final int BATCH = Integer.getInteger("batch", 10_000);

    /** each run's readings start at a different millisecond, so that a second run stores new readings, not replays */
    static final Instant FIRST = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

    static String csvBatch(long batchNumber) {
        Instant first = FIRST;
        StringBuilder body = new StringBuilder(BATCH * 44).append("logger_id,read_at,celsius\n");
        for (int i = 0; i < BATCH; i++) {
            long n = batchNumber * BATCH + i;
            body.append('L').append(n % 4).append(',').append(first.plusSeconds(30 * (n / 4))).append(',')
                    .append(-185 + (n % 7) * 0.5).append('\n');
        }
        return body.toString();
    }

    {
        setUp(scenario("telemetry").exec(feed(csv(Bench.feeder("shippers.csv")).shuffle().queue()),
                        during(Bench.DURATION, "batch").on(exec(http("telemetry batch")
                                .post("/api/v1/shippers/#{shipperId}/temperature-readings")
                                .header("Authorization", "Bearer " + Bench.COURIER_TOKEN)
                                .header("Content-Type", "text/csv")
                                .body(StringBody(session -> csvBatch(session.getInt("batch"))))
                                .check(status().is(201)))))
                .injectOpen(atOnceUsers(Bench.CLIENTS)))
                .protocols(Bench.protocol());
    }
}
