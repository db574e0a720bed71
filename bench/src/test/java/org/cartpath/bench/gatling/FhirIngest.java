package org.cartpath.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * FHIR ingest (issue 16, "Performance"): a ward or laboratory system of a treatment centre posting a FHIR R4
 * transaction Bundle of {@value #PER_BUNDLE} Observations to {@code POST /fhir} with its API token (scope
 * system/Observation.write): ten patients with an open case at the centre, each with four vital signs (temperature,
 * heart rate, respiratory rate, oxygen saturation; the R4 vital signs profile's LOINC codes and UCUM units) and six
 * laboratory results (ANC, platelets, haemoglobin, CRP, ferritin, creatinine; LOINC codes of the interface's code table),
 * every entry a conditional create on its own new identifier. The answer must be 200 with every entry 201 Created.
 * One request is one Bundle: resources per second = Bundles per second × {@value #PER_BUNDLE}.
 */
public class FhirIngest extends Simulation {

    static final int PER_BUNDLE = 100;
    static final int PATIENTS_PER_BUNDLE = 10;
    static final String SENDER = "https://ward.bench.example.nhs.uk/Id/observation";
    /** LOINC code, UCUM unit, lowest and highest value sent */
    private static final Object[][] KINDS = {
            {"8310-5", "Cel", 36.0, 40.0}, {"8867-4", "/min", 50, 160}, {"9279-1", "/min", 10, 40},
            {"2708-6", "%", 88, 100}, {"751-8", "10*9/L", 0.1, 8.0}, {"777-3", "10*9/L", 10, 400},
            {"718-7", "g/L", 70, 160}, {"1988-5", "mg/L", 1, 300}, {"2276-4", "ug/L", 50, 20000},
            {"14682-9", "umol/L", 30, 200}};

    static String bundle(List<String> patients) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String effective = Instant.now().minus(5 + random.nextInt(600), ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder b = new StringBuilder(64 * 1024).append("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < PER_BUNDLE; i++) {
            String patient = patients.get(i / KINDS.length % patients.size());
            Object[] kind = KINDS[i % KINDS.length];
            double low = ((Number) kind[2]).doubleValue();
            double high = ((Number) kind[3]).doubleValue();
            String value = String.format(java.util.Locale.ROOT, "%.1f", low + random.nextDouble() * (high - low));
            String id = UUID.randomUUID().toString();
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"fullUrl\":\"urn:uuid:").append(UUID.randomUUID()).append("\",\"resource\":{")
                    .append("\"resourceType\":\"Observation\",\"identifier\":[{\"system\":\"").append(SENDER)
                    .append("\",\"value\":\"").append(id).append("\"}],\"status\":\"final\",")
                    .append("\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"").append(kind[0])
                    .append("\"}]},\"subject\":{\"reference\":\"Patient/").append(patient).append("\"},")
                    .append("\"effectiveDateTime\":\"").append(effective).append("\",")
                    .append("\"valueQuantity\":{\"value\":").append(value).append(",\"unit\":\"").append(kind[1])
                    .append("\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"").append(kind[1]).append("\"}},")
                    .append("\"request\":{\"method\":\"POST\",\"url\":\"Observation\",\"ifNoneExist\":\"identifier=")
                    .append(SENDER).append('|').append(id).append("\"}}");
        }
        return b.append("]}").toString();
    }

    {
        // the open patients of each centre; a client is one centre's system (its token)
        Map<String, List<String>> byToken = csv(Bench.feeder("open.csv")).readRecords().stream()
                .collect(Collectors.groupingBy(r -> r.get("token").toString(), LinkedHashMap::new,
                        Collectors.mapping(r -> r.get("patientId").toString(), Collectors.toList())));
        List<Map<String, Object>> clients = new ArrayList<>();
        byToken.forEach((token, patients) -> {
            if (patients.size() >= PATIENTS_PER_BUNDLE) {
                clients.add(Map.of("token", token, "patients", patients));
            }
        });
        if (clients.isEmpty()) {
            throw new IllegalStateException("open.csv has no centre with " + PATIENTS_PER_BUNDLE + " open patients");
        }
        setUp(scenario("FHIR ingest").exec(feed(listFeeder(clients).circular()), during(Bench.DURATION).on(
                        exec(http("FHIR transaction Bundle of " + PER_BUNDLE + " Observations").post("/fhir")
                                .header("Authorization", "Bearer #{token}")
                                .header("Content-Type", "application/fhir+json")
                                .header("Accept", "application/fhir+json")
                                .body(StringBody(session -> {
                                    List<String> all = session.getList("patients");
                                    List<String> some = new ArrayList<>();
                                    ThreadLocalRandom random = ThreadLocalRandom.current();
                                    int from = random.nextInt(all.size());
                                    for (int i = 0; i < PATIENTS_PER_BUNDLE; i++) {
                                        some.add(all.get((from + i) % all.size()));
                                    }
                                    return bundle(some);
                                }))
                                .check(status().is(200), substring("201 Created").count().is(PER_BUNDLE)))))
                .injectOpen(atOnceUsers(Bench.CLIENTS)))
                .protocols(Bench.protocol());
    }
}
