package org.cartpath.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.journey.Stage;
import org.cartpath.reliability.OpenApiOperations.Corruption;
import org.cartpath.reliability.OpenApiOperations.Operation;
import org.cartpath.reliability.OpenApiOperations.Parameter;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.CaseFixtures;
import org.cartpath.testing.CaseFixtures.World;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.testing.ProblemAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * No input to any API operation answers a server error, leaks a stack trace or SQL, or writes anything when it is
 * refused (docs/security-and-reliability.md). The operations come from the OpenAPI document the application serves;
 * each is called by every kind of identity (anonymous, a treatment centre's staff in a session, a manufacturer's and a
 * courier's system with a token) with missing, empty, malformed and hostile bodies, wrong content types, and
 * malformed and foreign ids.
 *
 * <p>Deterministic: the seed is {@code -Dfuzz.seed} (default fixed). {@code -Dfuzz.rounds=N} adds N-1 rounds of
 * random variations for a longer (nightly) run; the default single round takes a few minutes.
 */
@CartpathIntegrationTest
@Tag("fuzz")
class ApiFuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 1);

    /** Tables no background job writes to: a refused request must leave their row counts as they were. */
    private static final List<String> WATCHED_TABLES = List.of("organisation", "app_user", "api_token", "patient",
            "patient_access", "patient_measurement", "patient_consent", "patient_diagnosis", "therapy_case", "case_party",
            "referral", "referral_message", "referral_attachment", "eligibility_assessment", "panel_meeting",
            "panel_agenda_item", "panel_vote", "panel_decision", "capacity_publication", "slot_booking",
            "waitlist_entry", "apheresis_exception", "custody_item", "custody_event", "custody_label_print",
            "custody_verification", "custody_scan", "custody_shipment", "custody_temperature_reading",
            "electronic_signature", "manufacturing_report", "product_lot", "product_lot_decision",
            "monitoring_assessment", "monitoring_tocilizumab_dose", "lymphodepletion_plan",
            "lymphodepletion_administration", "pre_infusion_checklist_entry", "infusion");

    @LocalServerPort
    int port;

    @Autowired
    CaseFixtures cases;

    @Autowired
    IdentityFixtures identity;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    JdbcClient jdbc;

    private record Identity(String name, Supplier<Http> http) {
    }

    private record Attempt(String label, String method, String path, String contentType, byte[] body) {
    }

    private final List<String> failures = new ArrayList<>();
    private int requests;
    private long lastSeq;
    private String lastCounts;

    @Test
    void noOperationAnswersAServerErrorLeaksInternalsOrWritesWhenItRefusesWhateverItIsSent() {
        World world = cases.caseAt(Stage.PANEL_APPROVED, new BigDecimal("20"));
        UserAccount staff = identity.user(world.centre(), Role.COORDINATOR, Role.CONSULTANT, Role.APHERESIS_NURSE,
                Role.CELL_THERAPY_LAB, Role.PHARMACIST, Role.WARD_NURSE, Role.QA);
        Organisation courier = identity.organisation(OrganisationKind.COURIER);
        Actor setup = Actor.system("fuzz test");
        String manufacturerToken = tokens.create(setup, new ApiTokenManagement.NewApiToken(world.manufacturer().id(),
                "Fuzz manufacturer system", Set.of(Role.MANUFACTURER_OPERATOR))).secret();
        String courierToken = tokens.create(setup, new ApiTokenManagement.NewApiToken(courier.id(),
                "Fuzz courier system", Set.of(Role.COURIER))).secret();
        Http[] session = {Http.signedIn(port, staff.username(), IdentityFixtures.PASSWORD)};
        Http anonymous = Http.browser(port);
        Http manufacturer = Http.token(port, manufacturerToken);
        Http courierSystem = Http.token(port, courierToken);
        List<Identity> identities = List.of(new Identity("anonymous", () -> anonymous),
                new Identity("centre staff (session)", () -> session[0]),
                new Identity("manufacturer (token)", () -> manufacturer),
                new Identity("courier (token)", () -> courierSystem));

        OpenApiOperations api = OpenApiOperations.served(anonymous);
        List<Operation> operations = new ArrayList<>(api.operations());
        // operations that end the world's case come last, so that the others reach past "this case has ended"
        operations.sort(java.util.Comparator.comparing((Operation o) -> o.path().startsWith("/api/v1/cases/{id}/")
                && (o.path().endsWith("/withdrawal") || o.path().endsWith("/death"))));
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(50);

        Map<String, String> known = new LinkedHashMap<>();
        known.put("caseId", world.therapyCase().id().toString());
        known.put("patientId", world.patientId().value().toString());
        known.put("id", world.therapyCase().id().toString());

        Random random = new Random(SEED);
        long started = System.nanoTime();
        remember();
        for (int round = 0; round < ROUNDS; round++) {
            for (Operation operation : operations) {
                List<Attempt> attempts = attempts(api, operation, known, random, round);
                for (Identity who : identities) {
                    for (Attempt attempt : attempts) {
                        HttpResponse<String> response = send(who.http().get(), attempt);
                        check(who, attempt, response);
                        if (who.name().startsWith("centre") && response.statusCode() == 401) {
                            session[0] = Http.signedIn(port, staff.username(), IdentityFixtures.PASSWORD);
                        }
                    }
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("ApiFuzzIT: %d operations, %d identities, %d requests in %d s (seed %d, %d round(s))%n",
                operations.size(), identities.size(), requests, seconds, SEED, ROUNDS);
        assertThat(failures).as(failures.size() + " failures of " + requests + " requests, first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(60, failures.size())))).isEmpty();
    }

    @Test
    void aMultipartBodyWithoutABoundaryIsRefusedWithAProblemNotAServerError() {
        Organisation centre = identity.organisation(OrganisationKind.TREATMENT_CENTRE);
        Http coordinator = Http.signedIn(port, identity.user(centre, Role.COORDINATOR).username(),
                IdentityFixtures.PASSWORD);
        HttpResponse<String> refused = coordinator.send("POST", "/api/v1/referrals/" + UUID.randomUUID()
                + "/attachments", "multipart/form-data", "--x\r\nnot a part");
        ProblemAssertions.assertProblem(refused, 400, "invalid-request");
    }

    private List<Attempt> attempts(OpenApiOperations api, Operation op, Map<String, String> known, Random random,
            int round) {
        List<Attempt> attempts = new ArrayList<>();
        String own = path(op, known, null);
        String query = query(op, null, random);
        boolean hasPathIds = op.parameters().stream().anyMatch(p -> p.in().equals("path"));
        String foreign = hasPathIds ? path(op, Map.of(), null) : null;
        String malformedId = Payloads.MALFORMED_IDS[round == 0 ? 0 : random.nextInt(Payloads.MALFORMED_IDS.length)];
        String malformed = hasPathIds ? path(op, Map.of(), malformedId) : null;
        String json = "application/json";
        byte[] plausible = body(api, op, Corruption.PLAUSIBLE, known);
        if (!op.writes()) {
            attempts.add(new Attempt("own ids", "GET", own + query, null, null));
            if (hasPathIds) {
                attempts.add(new Attempt("foreign ids", "GET", foreign + query, null, null));
                attempts.add(new Attempt("malformed id " + abbreviate(malformedId), "GET", malformed + query, null, null));
            }
            for (Parameter p : op.parameters()) {
                if (p.in().equals("query") && !p.name().equals("actor")) {
                    String value = Payloads.QUERY_VALUES[random.nextInt(Payloads.QUERY_VALUES.length)];
                    attempts.add(new Attempt("query " + p.name() + "=" + abbreviate(value), "GET",
                            own + query(op, Map.entry(p.name(), value), random), null, null));
                }
            }
            return attempts;
        }
        String method = op.method();
        attempts.add(new Attempt("no body", method, own + query, json, new byte[0]));
        attempts.add(new Attempt("{}", method, own + query, json, bytes("{}")));
        attempts.add(new Attempt("malformed JSON", method, own + query, json, bytes("{\"caseId\": \"")));
        attempts.add(new Attempt(round == 0 ? "[]" : "null", method, own + query, json, bytes(round == 0 ? "[]" : "null")));
        attempts.add(new Attempt("wrong content type", method, own + query, "text/plain", plausible));
        if (op.bodyContentType() != null && !op.bodyContentType().contains("json")) {
            attempts.add(new Attempt("JSON instead of " + op.bodyContentType(), method, own + query, json, plausible));
            attempts.add(new Attempt("garbage " + op.bodyContentType(), method, own + query, op.bodyContentType(),
                    bytes("--x\r\n\u0000\u00ff: ::\r\n" + Payloads.UNICODE)));
        }
        if (op.bodySchema() != null) {
            for (Corruption corruption : Corruption.values()) {
                if (round > 0 && random.nextInt(3) != 0) {
                    continue;
                }
                attempts.add(new Attempt(corruption.name().toLowerCase(java.util.Locale.ROOT), method, own + query,
                        op.bodyContentType() != null && op.bodyContentType().contains("json") ? json : op.bodyContentType(),
                        body(api, op, corruption, known)));
            }
        } else {
            attempts.add(new Attempt("plausible", method, own + query, json, plausible));
        }
        if (hasPathIds) {
            attempts.add(new Attempt("foreign ids", method, foreign + query, json, plausible));
            attempts.add(new Attempt("malformed id " + abbreviate(malformedId), method, malformed + query, json,
                    plausible));
        }
        return attempts;
    }

    private byte[] body(OpenApiOperations api, Operation op, Corruption corruption, Map<String, String> known) {
        if (op.bodySchema() == null) {
            return bytes("{}");
        }
        return bytes(OpenApiOperations.write(api.body(op.bodySchema(), corruption, known, 0)));
    }

    /** The path with its parameters: {@code known} ids where named, random UUIDs otherwise, or {@code forced}. */
    private static String path(Operation op, Map<String, String> known, String forced) {
        String path = op.path();
        for (Parameter p : op.parameters()) {
            if (!p.in().equals("path")) {
                continue;
            }
            String value;
            if (forced != null) {
                value = forced;
            } else if (p.schema().path("enum").isArray() && !p.schema().path("enum").isEmpty()) {
                value = p.schema().path("enum").get(0).asText();
            } else if (p.schema().path("type").asText().equals("integer")) {
                value = "1";
            } else {
                value = known.getOrDefault(p.name(), UUID.randomUUID().toString());
            }
            path = path.replace("{" + p.name() + "}", value);
        }
        return path;
    }

    /** The required query parameters with plausible values, and {@code override} if given. */
    private static String query(Operation op, Map.Entry<String, String> override, Random random) {
        List<String> pairs = new ArrayList<>();
        for (Parameter p : op.parameters()) {
            if (!p.in().equals("query") || p.name().equals("actor")) {
                continue;
            }
            if (override != null && override.getKey().equals(p.name())) {
                pairs.add(p.name() + "=" + override.getValue());
            } else if (p.required()) {
                JsonNode values = p.schema().path("enum");
                String value = values.isArray() && !values.isEmpty() ? values.get(0).asText()
                        : p.schema().path("format").asText().equals("date") ? java.time.LocalDate.now().toString()
                        : p.schema().path("type").asText().equals("integer") ? "1" : "fuzz";
                pairs.add(p.name() + "=" + value);
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private HttpResponse<String> send(Http http, Attempt attempt) {
        requests++;
        if (attempt.body() == null) {
            return http.get(attempt.path());
        }
        return http.send(attempt.method(), attempt.path(), attempt.contentType(), attempt.body(), Map.of());
    }

    private void check(Identity who, Attempt attempt, HttpResponse<String> response) {
        int status = response.statusCode();
        String where = who.name() + " " + attempt.method() + " " + abbreviate(attempt.path()) + " [" + attempt.label()
                + "] -> " + status;
        String body = response.body();
        if (status >= 500) {
            failures.add(where + ": server error " + abbreviate(body));
        }
        for (String leak : Payloads.LEAKS) {
            if (body.contains(leak)) {
                failures.add(where + ": the body contains '" + leak.strip() + "': " + abbreviate(body));
                break;
            }
        }
        if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            failures.add(where + ": not problem+json but '" + response.headers().firstValue("Content-Type").orElse("")
                    + "': " + abbreviate(body));
        }
        if (status >= 300 && status < 400) {
            failures.add(where + ": a redirect from the API to " + response.headers().firstValue("Location").orElse(""));
        }
        if (status >= 300) {
            List<String> written = jdbc.sql("""
                    select action || ' ' || entity_type || ' ' || entity_id || ' by ' || actor_id from audit_event
                    where id > ? and action not like '%\\_REFUSED' escape '\\' and actor_type <> 'INTERNAL'
                    order by id""").param(lastSeq).query(String.class).list();
            String counts = counts();
            if (!written.isEmpty()) {
                failures.add(where + ": refused, but audited " + written);
            }
            if (!counts.equals(lastCounts)) {
                failures.add(where + ": refused, but rows were written (" + lastCounts + " -> " + counts + ")");
            }
        } else if (!counts().equals(lastCounts)) {
            // it wrote: a read must not, and a write must have audited while serving this very request
            String requestId = response.headers().firstValue("X-Request-Id").orElse("");
            long audited = jdbc.sql("select count(*) from audit_event where request_id = ? and actor_type <> 'INTERNAL'")
                    .param(requestId).query(Long.class).single();
            if (!attempt.method().equals("GET") && audited == 0 || attempt.method().equals("GET")) {
                failures.add(where + ": wrote rows (" + lastCounts + " -> " + counts() + ") with " + audited
                        + " audit rows under its request id");
            }
        }
        remember();
    }

    private void remember() {
        lastSeq = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        lastCounts = counts();
    }

    private String counts() {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < WATCHED_TABLES.size(); i++) {
            sql.append(i == 0 ? "" : " || ',' || ").append("(select count(*) from ").append(WATCHED_TABLES.get(i))
                    .append(")");
        }
        return jdbc.sql(sql.toString()).query(String.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 240 ? oneLine : oneLine.substring(0, 240) + "…";
    }
}
