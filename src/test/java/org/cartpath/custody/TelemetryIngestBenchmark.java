package org.cartpath.custody;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.cartpath.CartpathApplication;
import org.cartpath.custody.labels.LabelPrinting;
import org.cartpath.journey.Stage;
import org.cartpath.platform.database.EmbeddedPostgresServer;
import org.cartpath.testing.Http;
import org.cartpath.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints how fast data-logger readings are ingested: cartpath on a fresh embedded database, one shipper in
 * transit, then {@code batches} CSV batches of {@code size} readings (four loggers, one reading each 30 seconds)
 * posted over HTTP as a courier's system would, each stored with COPY and searched for excursions. Not a test:
 * run it with {@code bench/telemetry.sh [batches] [size]} and put the figure in docs/benchmarks.md.
 */
public final class TelemetryIngestBenchmark {

    private TelemetryIngestBenchmark() {
    }

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String database = TestDatabase.newDatabase("bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CartpathApplication.class)
                // command-line arguments: builder properties are only defaults, below application.yml (${PORT:8080})
                .run("--server.port=0", "--cartpath.db.url=" + TestDatabase.url(database),
                        "--cartpath.db.user=" + EmbeddedPostgresServer.APP_ROLE,
                        "--cartpath.db.password=" + EmbeddedPostgresServer.APP_ROLE, "--cartpath.db.owner.user=postgres",
                        "--cartpath.db.owner.password=", "--cartpath.demo=true", "--cartpath.api.rate.limit=100000",
                        "--logging.level.root=WARN", "--logging.level.org.cartpath.requests=WARN")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            CustodyFixtures fixtures = app.getBean(CustodyFixtures.class);
            CustodyFixtures.World world = fixtures.world();
            CustodyScenario scenario = new CustodyScenario(port, world, fixtures.caseAt(world, Stage.SLOT_BOOKED),
                    app.getBean(LabelPrinting.class));
            scenario.inTransit("DS-BENCH");
            Http courier = scenario.courier();
            Instant first = Instant.now().minus(30L * batches * size / 4 + 3600, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
            System.out.printf("Ingesting %d batches of %,d readings on %d cores (%s)%n", batches, size,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
            long total = 0;
            for (int batch = 0; batch < batches; batch++) {
                String body = csv(first, batch, size);
                long began = System.nanoTime();
                HttpResponse<String> response = courier.send("POST", "/api/v1/shippers/DS-BENCH/temperature-readings",
                        "text/csv", body);
                long nanos = System.nanoTime() - began;
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("batch " + batch + ": " + response.statusCode() + " " + response.body());
                }
                total += nanos;
                System.out.printf("batch %2d: %,d readings in %,d ms (%,.0f readings/s)%n", batch + 1, size,
                        nanos / 1_000_000, size / (nanos / 1e9));
            }
            System.out.printf("TOTAL: %,d readings in %.1f s = %,.0f readings per second%n", (long) batches * size,
                    total / 1e9, (long) batches * size / (total / 1e9));
        }
        System.exit(0);
    }

    private static String csv(Instant first, int batch, int size) {
        StringBuilder body = new StringBuilder(size * 44).append("logger_id,read_at,celsius\n");
        for (int i = 0; i < size; i++) {
            long n = (long) batch * size + i;
            body.append('L').append(n % 4).append(',').append(first.plusSeconds(30 * (n / 4))).append(',')
                    .append(-185 + (n % 7) * 0.5).append('\n');
        }
        return body.toString();
    }
}
