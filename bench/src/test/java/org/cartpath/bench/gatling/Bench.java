package org.cartpath.bench.gatling;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/** The settings every simulation reads (system properties, set by bench/run.sh). */
final class Bench {

    static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18090");
    /** the generator's feeders (NationalHistory --out) */
    static final String FEEDERS = System.getProperty("feeders", "target/feeders");
    static final int CLIENTS = Integer.getInteger("clients", 8);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("seconds", 20));
    /** the demo courier's token (src/main/java/org/cartpath/platform/demo/DemoData.java), a party to every shipment */
    static final String COURIER_TOKEN = System.getProperty("courierToken",
            "cpt_democourier_demo0courier0tracking0token0f6g7h8i9");

    private Bench() {
    }

    static HttpProtocolBuilder protocol() {
        return http.baseUrl(BASE_URL).acceptHeader("application/json").shareConnections()
                .disableCaching().warmUp(BASE_URL + "/actuator/health/liveness");
    }

    static String feeder(String name) {
        return FEEDERS + "/" + name;
    }
}
