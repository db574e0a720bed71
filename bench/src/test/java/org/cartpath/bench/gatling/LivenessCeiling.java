package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/** The HTTP ceiling: cartpath's bare liveness endpoint (no database, no security beyond the filter chain). */
public class LivenessCeiling extends Simulation {
    {
        setUp(scenario("liveness").exec(during(Bench.DURATION).on(
                        http("liveness").get("/actuator/health/liveness").check(status().is(200))))
                .injectOpen(atOnceUsers(Bench.CLIENTS)))
                .protocols(Bench.protocol());
    }
}
