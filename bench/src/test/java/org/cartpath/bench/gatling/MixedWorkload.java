package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The mixed workload: half the clients are staff signed in through the sign-in page (a session cookie, CSRF on writes)
 * at the first treatment centre, half are centres' systems with API tokens. Each does 80 % reads (the worklist, a case,
 * a patient) and 20 % audited writes (a patient's weight).
 */
public class MixedWorkload extends Simulation {

    static final String STAFF_USER = System.getProperty("staffUser", "coordinator");
    static final String STAFF_PASSWORD = System.getProperty("staffPassword", "cartpath-demo");

    static ChainBuilder write(String authHeader, String authValue) {
        return exec(http("write: measurement").post("/api/v1/patients/#{patientId}/measurements")
                .header(authHeader, authValue).header("Content-Type", "application/json")
                .body(StringBody(session -> "{\"measuredOn\":\"" + LocalDate.now().minusDays(
                        ThreadLocalRandom.current().nextInt(30)) + "\",\"weightKg\":"
                        + (40 + ThreadLocalRandom.current().nextInt(600) / 10.0) + "}"))
                .check(status().is(201)));
    }

    static ChainBuilder reads(String authHeader, String authValue) {
        return uniformRandomSwitch().on(
                exec(http("read: worklist").get("/api/v1/worklist?size=50").header(authHeader, authValue)
                        .check(status().is(200))),
                exec(http("read: case").get("/api/v1/cases/#{caseId}").header(authHeader, authValue)
                        .check(status().is(200))),
                exec(http("read: patient").get("/api/v1/patients/#{patientId}").header(authHeader, authValue)
                        .check(status().is(200))));
    }

    {
        List<Map<String, Object>> cases = csv(Bench.feeder("cases.csv")).readRecords();
        Object firstCentre = cases.get(0).get("token");
        // the staff's centre is the first in clients.csv (the demo's Great Ormond Street, where the demo users work)
        String staffToken = csv(Bench.feeder("clients.csv")).readRecords().get(0).get("token").toString();
        List<Map<String, Object>> staffCases = cases.stream().filter(r -> r.get("token").equals(staffToken)).toList();
        ScenarioBuilder staff = scenario("staff sessions")
                .exec(http("sign-in page").get("/sign-in").header("Accept", "text/html")
                        .check(css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("sign in").post("/sign-in").header("Accept", "text/html")
                        .formParam("username", STAFF_USER).formParam("password", STAFF_PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(200), regex("<meta name=\"_csrf\" content=\"([^\"]+)\"").saveAs("apiCsrf")))
                .exec(during(Bench.DURATION).on(feed(listFeeder(staffCases.isEmpty() ? cases : staffCases).circular().random()),
                        randomSwitch().on(percent(80.0).then(reads("X-Requested-With", "bench")),
                                percent(20.0).then(write("X-CSRF-TOKEN", "#{apiCsrf}")))));
        ScenarioBuilder systems = scenario("system clients")
                .exec(during(Bench.DURATION).on(feed(csv(Bench.feeder("cases.csv")).circular().random()),
                        randomSwitch().on(percent(80.0).then(reads("Authorization", "Bearer #{token}")),
                                percent(20.0).then(write("Authorization", "Bearer #{token}")))));
        int staffClients = Math.max(1, Bench.CLIENTS / 2);
        setUp(staff.injectOpen(atOnceUsers(staffClients)),
                systems.injectOpen(atOnceUsers(Math.max(1, Bench.CLIENTS - staffClients))))
                .protocols(Bench.protocol());
        if (firstCentre == null) {
            throw new IllegalStateException("cases.csv is empty");
        }
    }
}
