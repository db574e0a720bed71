package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * The coordinator's worklist (first page of a centre's open cases, urgent and overdue first) and the search for a
 * patient by family name and by NHS number (which also logs each patient found as read) over the generated history.
 */
public class WorklistSearch extends Simulation {
    {
        setUp(scenario("worklist and search").exec(during(Bench.DURATION).on(
                        feed(csv(Bench.feeder("names.csv")).circular().random()),
                        exec(http("worklist").get("/api/v1/worklist?size=50")
                                .header("Authorization", "Bearer #{token}").check(status().is(200))),
                        exec(http("search by name").get("/api/v1/worklist?size=50&q=#{name}")
                                .header("Authorization", "Bearer #{token}").check(status().is(200))),
                        exec(http("search by NHS number").get("/api/v1/patients?nhsNumber=#{nhsNumber}")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)))))
                .injectOpen(atOnceUsers(Bench.CLIENTS)))
                .protocols(Bench.protocol());
    }
}
