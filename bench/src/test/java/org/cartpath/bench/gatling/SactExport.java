package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.YearMonth;

/**
 * A SACT month export (issue 15, "Performance") by the commissioner's analytics system through the API, start to file
 * ready: {@code POST /api/v1/exports} (kind SACT, the last complete month, the national pseudonymised extract; withGaps
 * true, since the generated history leaves fields the SACT layout requires unfilled and a start would otherwise be
 * refused with the gaps listed), then {@code GET /api/v1/exports/{id}} every 100 ms until its status is COMPLETE.
 * The group "SACT month export: start to file ready" is timed as a whole, pauses included (bench/run.sh runs this
 * simulation with gatling.charting.useGroupDurationMetric=true). One client, {@code -Dexports} exports one after the
 * other (5 by default).
 */
public class SactExport extends Simulation {

    static final String MONTH = System.getProperty("sactMonth", YearMonth.now().minusMonths(1).toString());
    static final int EXPORTS = Integer.getInteger("exports", 5);

    {
        ChainBuilder start = exec(http("start export").post("/api/v1/exports")
                .header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
                .body(StringBody("{\"kind\":\"SACT\",\"month\":\"" + MONTH + "\",\"purpose\":"
                        + "\"Benchmark of the SACT month export (issue 15)\",\"withGaps\":true}"))
                .check(status().is(202), jsonPath("$.id").saveAs("exportId"),
                        jsonPath("$.status").saveAs("exportStatus")));
        ChainBuilder poll = exec(pause(Duration.ofMillis(100)), exec(http("export status")
                .get("/api/v1/exports/#{exportId}").header("Authorization", "Bearer #{token}")
                .check(status().is(200), jsonPath("$.status").not("FAILED"), jsonPath("$.status").not("INTERRUPTED"),
                        jsonPath("$.status").saveAs("exportStatus"))));
        ChainBuilder export = group("SACT month export: start to file ready").on(start,
                asLongAs(session -> !"COMPLETE".equals(session.getString("exportStatus"))).on(poll));
        setUp(scenario("SACT month export").exec(feed(csv(Bench.feeder("analyst.csv")).circular()),
                        repeat(EXPORTS).on(export))
                .injectOpen(atOnceUsers(1)))
                .protocols(Bench.protocol());
    }
}
