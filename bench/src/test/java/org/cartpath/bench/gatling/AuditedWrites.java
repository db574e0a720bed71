package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Audited writes alone: each client is a treatment centre's system (its API token) recording a patient's weight
 * (POST /api/v1/patients/{id}/measurements): validation, a row in patient_measurement and its audit row in one
 * transaction. Run at 1, 8, 32 and 128 clients (-Dclients).
 */
public class AuditedWrites extends Simulation {

    static ChainBuilder measurement() {
        return exec(http("audited write").post("/api/v1/patients/#{patientId}/measurements")
                .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
                .body(StringBody(session -> "{\"measuredOn\":\"" + LocalDate.now().minusDays(
                        ThreadLocalRandom.current().nextInt(30)) + "\",\"weightKg\":"
                        + (40 + ThreadLocalRandom.current().nextInt(600) / 10.0) + "}"))
                .check(status().is(201)));
    }

    private static ChainBuilder exec(io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return io.gatling.javaapi.core.CoreDsl.exec(request);
    }

    {
        setUp(scenario("audited writes").exec(during(Bench.DURATION).on(
                        io.gatling.javaapi.core.CoreDsl.feed(csv(Bench.feeder("patients.csv")).circular().random()),
                        measurement()))
                .injectOpen(atOnceUsers(Bench.CLIENTS)))
                .protocols(Bench.protocol());
    }
}
