package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * The FHIR ceiling: {@code GET /fhir/metadata} (the CapabilityStatement; public, no token, no database), measured the
 * same way as the ingest, so that a Bundle's cost can be read against a bare request through HAPI's RestfulServer.
 */
public class FhirMetadataCeiling extends Simulation {
    {
        setUp(scenario("FHIR metadata").exec(during(Bench.DURATION).on(
                        http("FHIR metadata").get("/fhir/metadata").header("Accept", "application/fhir+json")
                                .check(status().is(200))))
                .injectOpen(atOnceUsers(Bench.CLIENTS)))
                .protocols(Bench.protocol());
    }
}
