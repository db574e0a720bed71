package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The outcomes at national scale (issue 15, "Performance"): NHS England's analyst (the demo commissioner's user,
 * signed in through the sign-in page) opening the outcomes page for the whole country with no filter (every centre's
 * infused patients: survival curves with numbers at risk, response, toxicity, service figures and the funnel plot of
 * centres, rendered on the server), and the commissioner's analytics system reading the same measures from the API
 * with its token (the summary, overall survival and the centre comparison). Each client repeats its requests for the
 * run's duration; the page's time is the server's render time to the last byte (the charts are drawn in the browser
 * from data in the page).
 */
public class OutcomesNational extends Simulation {

    static final String USER = System.getProperty("analystUser", "analyst");
    static final String PASSWORD = System.getProperty("analystPassword", "cartpath-demo");

    {
        ScenarioBuilder page = scenario("commissioner's outcomes page")
                .exec(http("sign-in page").get("/sign-in").header("Accept", "text/html")
                        .check(css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("sign in").post("/sign-in").header("Accept", "text/html")
                        .formParam("username", USER).formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                        .check(status().is(200)))
                .exec(during(Bench.DURATION).on(exec(http("outcomes page, whole country").get("/outcomes")
                        .header("Accept", "text/html").check(status().is(200), substring("outcomes-charts.js")))));
        ScenarioBuilder api = scenario("commissioner's outcomes API")
                .exec(feed(csv(Bench.feeder("analyst.csv")).circular()))
                .exec(during(Bench.DURATION).on(
                        exec(http("outcomes API: summary").get("/api/v1/outcomes")
                                .header("Authorization", "Bearer #{token}").check(status().is(200))),
                        exec(http("outcomes API: survival").get("/api/v1/outcomes/survival")
                                .header("Authorization", "Bearer #{token}").check(status().is(200))),
                        exec(http("outcomes API: centre comparison").get("/api/v1/outcomes/centre-comparison")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)))));
        int pageClients = Math.max(1, Bench.CLIENTS / 2);
        setUp(page.injectOpen(atOnceUsers(pageClients)),
                api.injectOpen(atOnceUsers(Math.max(1, Bench.CLIENTS - pageClients))))
                .protocols(Bench.protocol());
    }
}
