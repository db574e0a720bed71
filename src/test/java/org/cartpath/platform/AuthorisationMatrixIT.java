package org.cartpath.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cartpath.identity.ApiTokenManagement;
import org.cartpath.identity.ApiTokenManagement.NewApiToken;
import org.cartpath.identity.IssuedApiToken;
import org.cartpath.identity.Organisation;
import org.cartpath.identity.UserAccount;
import org.cartpath.interop.outbound.WebhookSubscriptions;
import org.cartpath.shared.Actor;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Role;
import org.cartpath.testing.CartpathIntegrationTest;
import org.cartpath.testing.Http;
import org.cartpath.testing.IdentityFixtures;
import org.cartpath.treatment.TreatmentFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorisation matrix ({@code src/test/resources/authorisation-matrix.csv}, ADR 0019) is the
 * build's statement of who reaches every endpoint. This test holds the application to it: every handler mapping is a
 * row of the matrix and every row a mapping; then every row is called by a set of identities around one case carried
 * to the product's release (its treating centre's staff, another centre, its referrer, its booked manufacturer and
 * another, its courier, the panel, the operator's administrator and auditor, a commissioner, nobody), with the path's
 * ids replaced by that case's records, and each answer is compared with what the row says.
 */
@CartpathIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIT {

    private static final String MATRIX = "/authorisation-matrix.csv";
    private static final String DEMO_PASSWORD = "cartpath-demo";
    /** The roles a treatment centre may give its people (Role#allowedIn), in the order tried as "own centre". */
    private static final List<Role> CENTRE_ROLES = Arrays.stream(Role.values())
            .filter(r -> r.allowedIn(OrganisationKind.TREATMENT_CENTRE)).toList();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TreatmentFixtures treatment;
    @Autowired
    IdentityFixtures identities;
    @Autowired
    ApiTokenManagement tokens;
    @Autowired
    WebhookSubscriptions webhooks;
    @Autowired
    JdbcClient jdbc;

    private World world;

    // ------------------------------------------------------------------ the matrix

    /** Who may reach an endpoint, relative to the record its path names (or to the caller's organisation). */
    enum Relation {
        /** Anyone, signed in or not. */
        PUBLIC("public", false),
        /** Any signed-in person or system, whatever their organisation. */
        ANY_SIGNED_IN("any-signed-in", false),
        /** People of a treatment centre (their own centre's data only). */
        CENTRE_STAFF("centre-staff", false),
        /** People of a treatment centre or a referring hospital (their own referrals). */
        REFERRING_STAFF("referring-staff", false),
        /** People and systems of a manufacturer (their own capacity and bookings). */
        MANUFACTURER_STAFF("manufacturer-staff", false),
        /** People of a treatment centre or a manufacturer (capacity, calendars). */
        CENTRE_OR_MANUFACTURER_STAFF("centre-or-manufacturer-staff", false),
        /** People of a treatment centre, a manufacturer or a commissioner (counts over their own cases). */
        REPORTING_STAFF("reporting-staff", false),
        /** People of the national panel. */
        PANEL_STAFF("panel-staff", false),
        /** People of the organisation that operates the installation. */
        OPERATOR("operator", false),
        /** The record's own organisation, or the operator's administrators (administrative records). */
        OWN_ORGANISATION("own-organisation", true),
        /** Any party of the case: its treating centre, its referring hospital, its booked manufacturer, its courier. */
        PARTY("party", true),
        /** The case's treating centre or its referring hospital (they see the patient). */
        CENTRE_PARTY("centre-party", true),
        /** The case's treating centre only. */
        TREATING_CENTRE("treating-centre", true),
        /** The case's referring hospital only (shared care: it submits follow-up for the centre to accept). */
        REFERRING_HOSPITAL("referring-hospital", true),
        /** The case's treating centre or the manufacturer holding its booking. */
        CENTRE_OR_BOOKED_MANUFACTURER("centre-or-booked-manufacturer", true),
        /** The manufacturer holding the case's booking. */
        BOOKED_MANUFACTURER("booked-manufacturer", true),
        /** The case's treating centre, or a party moving the shipment: its manufacturer or its courier. */
        SHIPMENT_PARTY("shipment-party", true),
        /** The courier carrying the shipment. */
        SHIPMENT_COURIER("shipment-courier", true),
        /** A treatment centre's data managers and the commissioner's analysts (registry and commissioning exports). */
        EXPORTERS("exporters", false),
        /** People of the commissioner (NHS England): the comparison of centres (ADR 0032). */
        COMMISSIONER("commissioner", false);

        final String word;
        final boolean ofRecord;

        Relation(String word, boolean ofRecord) {
            this.word = word;
            this.ofRecord = ofRecord;
        }

        static Relation of(String word) {
            return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown relation '" + word + "'"));
        }
    }

    record Row(int line, String method, String path, Relation relation, Set<Role> roles, String note) {

        boolean api() {
            return path.startsWith("/api/");
        }

        boolean changesState() {
            return !method.equals("GET");
        }

        boolean knownGap() {
            return note.startsWith("known-gap");
        }

        /**
         * The endpoint checks the body or the record's stage before who calls (bean validation, a required If-Match, a
         * page re-rendering its form with errors), so an empty body cannot show the refusal by its status: a refused
         * caller may be answered 400, 409, 422, 428 or, on a page, the form again or a redirect — but never admitted to
         * a change (no audit row).
         */
        boolean validatesFirst() {
            return note.contains("validates-first");
        }

        boolean mayNotFind() {
            return note.contains("may-404");
        }

        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return "line " + line + " " + key() + " [" + relation.word + "; "
                    + (roles.isEmpty() ? "*" : roles.stream().map(Role::name).collect(Collectors.joining("|"))) + "]";
        }
    }

    static List<Row> matrix() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorisationMatrixIT.class.getResourceAsStream(MATRIX)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", 5);
                if (cells.length < 4 || cells[0].equals("method")) {
                    continue;
                }
                Set<Role> roles = cells[3].strip().equals("*") ? Set.of()
                        : Arrays.stream(cells[3].strip().split("\\|")).map(String::strip).map(Role::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
                rows.add(new Row(i + 1, cells[0].strip(), cells[1].strip(), Relation.of(cells[2].strip()), roles,
                        cells.length > 4 ? cells[4].strip() : ""));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Every handler mapping of the application as "METHOD pattern" (a mapping without methods is one per method). */
    private Map<String, String> endpoints() {
        Map<String, String> all = new java.util.TreeMap<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (String pattern : e.getKey().getPatternValues()) {
                    for (RequestMethod m : methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST)
                            : methods) {
                        all.put(m + " " + pattern, e.getValue().getBeanType().getSimpleName() + "#"
                                + e.getValue().getMethod().getName());
                    }
                }
            }
        }
        return all;
    }

    @Test
    void everyEndpointOfTheApplicationIsARowOfTheMatrixAndEveryRowAnEndpoint() {
        Map<String, String> endpoints = endpoints();
        List<Row> rows = matrix();
        Set<String> listed = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        for (Row row : rows) {
            if (!listed.add(row.key())) {
                duplicates.add(row.toString());
            }
        }
        List<String> missing = endpoints.entrySet().stream().filter(e -> !listed.contains(e.getKey()))
                .map(e -> e.getKey() + "   (" + e.getValue() + ")").toList();
        List<String> stale = listed.stream().filter(k -> !endpoints.containsKey(k)).toList();
        assertThat(missing).as("endpoints the authorisation matrix (%s) does not list: add a row for each", MATRIX)
                .isEmpty();
        assertThat(stale).as("rows of the authorisation matrix with no endpoint: remove or correct them").isEmpty();
        assertThat(duplicates).as("endpoints listed twice in the matrix").isEmpty();
    }

    // ------------------------------------------------------------------ the world the walk calls

    /** Who calls: a signed-in person (or a system with a token), or nobody. */
    record Identity(String name, Supplier<Http> session, String actorId, OrganisationId organisation,
            OrganisationKind kind, boolean operator, Set<Role> roles, boolean token) {

        boolean anonymous() {
            return actorId == null;
        }
    }

    record World(TreatmentFixtures.Product product, Map<String, String> ids, OrganisationId centre,
            OrganisationId hospital, OrganisationId manufacturer, OrganisationId courier,
            Map<Role, Identity> ownCentre, List<Identity> others) {
    }

    @BeforeAll
    void buildTheWorld() {
        TreatmentFixtures.Product p = treatment.released();
        var w = p.world();
        Organisation otherCentre = identities.organisation(OrganisationKind.TREATMENT_CENTRE);
        Organisation otherManufacturer = identities.organisation(OrganisationKind.MANUFACTURER);
        Map<Role, Identity> own = new LinkedHashMap<>();
        own.put(Role.COORDINATOR, person("own centre COORDINATOR", w.coordinator(), w.centre()));
        for (Role role : CENTRE_ROLES) {
            if (role != Role.COORDINATOR) {
                own.put(role, person("own centre " + role, identities.user(w.centre(), role), w.centre()));
            }
        }
        IssuedApiToken bookedToken = tokens.create(Actor.system("test"), new NewApiToken(w.manufacturer().id(),
                "Matrix system " + UUID.randomUUID(), Set.of(Role.MANUFACTURER_OPERATOR)));
        List<Identity> others = new ArrayList<>();
        others.add(new Identity("anonymous", () -> Http.browser(port), null, null, null, false, Set.of(), false));
        others.add(person("another centre's COORDINATOR", identities.user(otherCentre, Role.COORDINATOR), otherCentre));
        others.add(person("referring hospital's REFERRER", w.referrer(), w.hospital()));
        others.add(person("booked manufacturer's operator", w.operator(), w.manufacturer()));
        others.add(new Identity("booked manufacturer's system token", memo(() -> Http.token(port, bookedToken.secret())),
                bookedToken.token().id().toString(), w.manufacturer().id(), OrganisationKind.MANUFACTURER, false,
                Set.of(Role.MANUFACTURER_OPERATOR), true));
        others.add(person("another manufacturer's operator",
                identities.user(otherManufacturer, Role.MANUFACTURER_OPERATOR), otherManufacturer));
        others.add(person("the shipment's courier", p.courierUser(), p.courier()));
        others.add(demo("panel.member"));
        others.add(demo("admin"));
        others.add(demo("auditor"));
        others.add(demo("analyst"));

        Map<String, String> ids = new HashMap<>();
        String caseId = p.caseId().toString();
        ids.put("case", caseId);
        ids.put("patient", w.patientId().value().toString());
        ids.put("custody-item", p.productBagId().toString());
        ids.put("product", "KYMRIAH");
        ids.put("problem", "forbidden");
        ids.put("organisation", w.centre().id().toString());
        // administrative records an administrator may change: throw-away ones, so that the walk cannot lock anyone out
        ids.put("user", identities.user(w.centre(), Role.COORDINATOR).id().toString());
        ids.put("api-token", tokens.create(Actor.system("test"), new NewApiToken(w.centre().id(),
                "Matrix throw-away " + UUID.randomUUID(), Set.of(Role.REFERRER))).token().id().toString());
        ids.put("webhook-subscription", webhooks.create(new Actor("system:test-administrator",
                Actor.ActorType.INTERNAL, "system", "test fixtures (administrator)", w.centre().id(), w.centre().name(),
                w.centre().kind(), false, Set.of(Role.ADMINISTRATOR)), new WebhookSubscriptions.NewSubscription(null,
                "https://integration.example.nhs.uk/matrix/" + UUID.randomUUID(), "Matrix throw-away"))
                .subscription().id().toString());
        ofCase(ids, "shipment", "select id::text from custody_shipment where case_id = ? order by direction", caseId);
        ofCase(ids, "verification", "select id::text from custody_verification where case_id = ?", caseId);
        ofCase(ids, "scan", "select id::text from custody_scan where case_id = ?", caseId);
        ofCase(ids, "booking", "select id::text from slot_booking where case_id = ?", caseId);
        ofCase(ids, "print", "select id::text from custody_label_print where case_id = ?", caseId);
        ofCase(ids, "label-version", "select label_version_id::text from therapy_case where id = ?", caseId);
        ofCase(ids, "entry", "select id::text from patient_measurement where patient_id = ?",
                w.patientId().value().toString());
        world = new World(p, ids, w.centre().id(), w.hospital().id(), w.manufacturer().id(), p.courier().id(), own,
                others);
    }

    private void ofCase(Map<String, String> ids, String kind, String sql, String id) {
        jdbc.sql(sql).param(UUID.fromString(id)).query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(found -> ids.put(kind, found));
    }

    private Identity person(String name, UserAccount user, Organisation organisation) {
        return new Identity(name, memo(() -> Http.signedIn(port, user.username(), IdentityFixtures.PASSWORD)),
                user.id().toString(), organisation.id(), organisation.kind(), organisation.operator(), user.roles(), false);
    }

    private Identity demo(String username) {
        Map<String, Object> row = jdbc.sql("select u.id::text as id, o.id as org, o.kind, o.operator from app_user u "
                + "join organisation o on o.id = u.organisation_id where u.username = ?").param(username)
                .query().singleRow();
        Set<Role> roles = jdbc.sql("select r.role from user_role r join app_user u on u.id = r.user_id where u.username = ?")
                .param(username).query(String.class).list().stream().map(Role::valueOf).collect(Collectors.toSet());
        return new Identity("demo " + username + " (" + row.get("kind") + (Boolean.TRUE.equals(row.get("operator"))
                ? ", operator" : "") + ")", memo(() -> Http.signedIn(port, username, DEMO_PASSWORD)),
                (String) row.get("id"), new OrganisationId((UUID) row.get("org")),
                OrganisationKind.valueOf((String) row.get("kind")), Boolean.TRUE.equals(row.get("operator")), roles, false);
    }

    private static Supplier<Http> memo(Supplier<Http> make) {
        Http[] held = new Http[1];
        return () -> held[0] == null ? (held[0] = make.get()) : held[0];
    }

    // ------------------------------------------------------------------ what each identity should get

    /** The id of the record a path variable names, by the path segment before it; a random UUID when unknown. */
    private Substituted substitute(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        boolean allReal = true;
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            String segment = before.replaceAll("/$", "");
            segment = segment.substring(segment.lastIndexOf('/') + 1);
            String kind = kindOf(segment, m.group(1));
            String value;
            if (m.group(2) != null) {
                value = m.group(2).split("\\|")[0]; // a constrained variable: its first choice
            } else if (kind != null && world.ids().containsKey(kind)) {
                value = world.ids().get(kind);
            } else {
                value = UUID.randomUUID().toString();
                allReal = false;
            }
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return new Substituted(path.toString(), allReal);
    }

    record Substituted(String path, boolean allReal) {
    }

    private static String kindOf(String segment, String variable) {
        if (variable.equals("caseId")) {
            return "case";
        }
        if (variable.equals("scanId")) {
            return "scan";
        }
        if (variable.equals("entryId")) {
            return "entry";
        }
        if (variable.equals("printId")) {
            return "print";
        }
        return switch (segment) {
            case "cases" -> "case";
            case "patients" -> "patient";
            case "shipments" -> "shipment";
            case "verifications" -> "verification";
            case "bookings" -> "booking";
            case "custody-items" -> "custody-item";
            case "products", "waitlists" -> "product";
            case "problems" -> "problem";
            case "organisations" -> "organisation";
            case "users" -> "user";
            case "api-tokens" -> "api-token";
            case "webhooks", "webhook-subscriptions" -> "webhook-subscription";
            case "label-versions" -> "label-version";
            default -> null;
        };
    }

    private boolean holds(Relation relation, Identity who) {
        if (relation == Relation.PUBLIC) {
            return true;
        }
        if (who.anonymous()) {
            return false;
        }
        OrganisationId org = who.organisation();
        return switch (relation) {
            case PUBLIC, ANY_SIGNED_IN -> true;
            case CENTRE_STAFF -> who.kind() == OrganisationKind.TREATMENT_CENTRE;
            case REFERRING_STAFF -> who.kind() == OrganisationKind.TREATMENT_CENTRE
                    || who.kind() == OrganisationKind.REFERRING_HOSPITAL;
            case MANUFACTURER_STAFF -> who.kind() == OrganisationKind.MANUFACTURER;
            case CENTRE_OR_MANUFACTURER_STAFF -> who.kind() == OrganisationKind.TREATMENT_CENTRE
                    || who.kind() == OrganisationKind.MANUFACTURER;
            case REPORTING_STAFF -> who.kind() == OrganisationKind.TREATMENT_CENTRE
                    || who.kind() == OrganisationKind.MANUFACTURER || who.kind() == OrganisationKind.COMMISSIONER;
            case PANEL_STAFF -> who.kind() == OrganisationKind.NATIONAL_PANEL;
            case OPERATOR -> who.operator();
            case OWN_ORGANISATION -> org.equals(world.centre()) || (who.operator() && who.roles().contains(Role.ADMINISTRATOR));
            case PARTY -> Set.of(world.centre(), world.hospital(), world.manufacturer(), world.courier()).contains(org);
            case CENTRE_PARTY -> org.equals(world.centre()) || org.equals(world.hospital());
            case TREATING_CENTRE -> org.equals(world.centre());
            case REFERRING_HOSPITAL -> org.equals(world.hospital());
            case CENTRE_OR_BOOKED_MANUFACTURER -> org.equals(world.centre()) || org.equals(world.manufacturer());
            case BOOKED_MANUFACTURER -> org.equals(world.manufacturer());
            case SHIPMENT_PARTY -> Set.of(world.centre(), world.manufacturer(), world.courier()).contains(org);
            case SHIPMENT_COURIER -> org.equals(world.courier());
            case EXPORTERS -> (who.kind() == OrganisationKind.TREATMENT_CENTRE && who.roles().contains(Role.DATA_MANAGER))
                    || (who.kind() == OrganisationKind.COMMISSIONER && who.roles().contains(Role.ANALYST));
            case COMMISSIONER -> who.kind() == OrganisationKind.COMMISSIONER;
        };
    }

    enum Expected { ADMITTED, SIGN_IN, NOT_FOUND, REFUSED }

    private Expected expected(Row row, Identity who) {
        if (row.relation() == Relation.PUBLIC) {
            return Expected.ADMITTED;
        }
        if (who.anonymous()) {
            return Expected.SIGN_IN;
        }
        boolean related = holds(row.relation(), who);
        boolean roleAllowed = row.roles().isEmpty() || row.roles().stream().anyMatch(who.roles()::contains);
        if (related && roleAllowed) {
            return Expected.ADMITTED;
        }
        // a role that may do this, of an organisation that is no party of the record: the record does not exist for
        // it (ids leak nothing); a party whose relation or role does not reach this may be told 403
        return roleAllowed && row.relation().ofRecord && !holds(Relation.PARTY, who) && !holds(row.relation(), who)
                ? Expected.NOT_FOUND : Expected.REFUSED;
    }

    /** What went wrong, or null when the answer is what the row expects. */
    private static String judge(Row row, Expected expected, boolean allReal, HttpResponse<String> response) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        boolean toSignIn = status == 302 && location.contains("/sign-in");
        if (status >= 500) {
            return "server error";
        }
        if ((expected == Expected.REFUSED || expected == Expected.NOT_FOUND) && row.validatesFirst()
                && (status == 400 || status == 409 || status == 422 || status == 428 || (!row.api() && (status == 200 || status == 302)))) {
            return null; // the refusal is proven by the audit check below: nothing was written
        }
        return switch (expected) {
            case SIGN_IN -> row.api() ? (status == 401 ? null : "expected 401")
                    : (toSignIn ? null : "expected the sign-in redirect");
            case NOT_FOUND -> status == 404 ? null : "expected 404";
            case REFUSED -> status == 403 || status == 404 ? null : "expected 403 or 404";
            case ADMITTED -> status == 401 || status == 403 || toSignIn ? "expected to be admitted"
                    : status == 404 && allReal && !row.mayNotFind() ? "expected to be admitted, got 404 for a real record"
                    : null;
        };
    }

    // ------------------------------------------------------------------ the walk

    @Test
    void everyIdentityReachesEveryEndpointExactlyAsTheMatrixSays() throws InterruptedException {
        List<Row> rows = new ArrayList<>(matrix());
        boolean probe = Boolean.getBoolean("matrix.probe");
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> probed = Collections.synchronizedList(new ArrayList<>());
        List<String> gaps = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        long started = System.nanoTime();
        for (Row row : rows) {
            if (row.knownGap()) {
                gaps.add(row + " " + row.note());
            }
        }
        // everyone signs in before the walk: signing in is audited, and sessions are then only read from many threads
        callers(null, true).forEach(who -> who.session().get());
        // the API description is generated on its first request, which takes seconds: once, before the walkers race to it
        assertThat(Http.browser(port).get("/api/v1/openapi").statusCode()).isEqualTo(200);
        // reads first, then state changes, so that a state change admitted on the case cannot hide a read. Reads change
        // nothing, so they are walked by a few threads at once (the server has two cores to answer them); state changes
        // one at a time, as each is judged by the audit rows its caller wrote
        List<Row> reads = rows.stream().filter(r -> !r.changesState()).toList();
        List<Row> changes = rows.stream().filter(Row::changesState).toList();
        if (probe) {
            reads.forEach(row -> walk(row, true, failures, probed, calls));
        } else {
            ExecutorService walkers = Executors.newFixedThreadPool(3);
            try {
                reads.forEach(row -> walkers.execute(() -> walk(row, false, failures, probed, calls)));
            } finally {
                walkers.shutdown();
                assertThat(walkers.awaitTermination(5, TimeUnit.MINUTES)).as("the reads were walked in time").isTrue();
            }
        }
        changes.forEach(row -> walk(row, probe, failures, probed, calls));
        System.out.printf("AuthorisationMatrixIT: %d rows, %d calls in %d s; known gaps:%n  %s%n", rows.size(), calls.get(),
                (System.nanoTime() - started) / 1_000_000_000, String.join("\n  ", gaps));
        if (probe) {
            write(probed);
            return;
        }
        assertThat(failures).as("answers that differ from the authorisation matrix (row, identity, expected, actual)")
                .isEmpty();
    }

    /** Calls one row as each of its callers and adds what differs from the matrix to {@code failures}. */
    private void walk(Row row, boolean probe, List<String> failures, List<String> probed, AtomicInteger calls) {
        try {
            if (probe) {
                System.out.println("AuthorisationMatrixIT probing " + row);
                write(probed);
            }
            Substituted target = substitute(row.path());
            List<Identity> callers = callers(row, probe);
            // refused callers first: what they must not do, they try before anyone changed the record
            callers.sort((a, b) -> Boolean.compare(expected(row, a) == Expected.ADMITTED,
                    expected(row, b) == Expected.ADMITTED));
            for (Identity who : callers) {
                if (who.token() && !row.api()) {
                    continue;
                }
                Expected expected = expected(row, who);
                long writesBefore = row.changesState() && expected != Expected.ADMITTED ? writesBy(who) : 0;
                HttpResponse<String> response;
                try {
                    response = call(row, target.path(), who);
                } catch (IllegalStateException e) {
                    failures.add(String.format("%-90s %-45s %-16s got no answer: %s", row, who.name(), expected, e.getMessage()));
                    probed.add(row.method() + "\t" + row.path() + "\t" + who.name() + "\t-1\t");
                    continue;
                }
                calls.incrementAndGet();
                if (probe) {
                    probed.add(row.method() + "\t" + row.path() + "\t" + who.name() + "\t" + response.statusCode() + "\t"
                            + response.headers().firstValue("Location").orElse(""));
                    continue;
                }
                // a known gap is held to what it still guarantees: nobody signed out gets in, and what the row refuses
                // writes nothing
                String wrong = row.knownGap() && expected != Expected.SIGN_IN ? null
                        : judge(row, expected, target.allReal(), response);
                if (wrong == null && row.changesState() && expected != Expected.ADMITTED && writesBy(who) != writesBefore) {
                    wrong = "refused, yet it wrote an audit row";
                }
                if (wrong != null) {
                    failures.add(String.format("%-90s %-45s %-16s got %d %s%n        %s", row, who.name(), expected, response.statusCode(),
                            response.headers().firstValue("Location").orElse(""), wrong + ": " + abbreviate(response.body())));
                }
            }
        } catch (RuntimeException e) {
            failures.add(row + " could not be walked: " + e);
        }
    }

    /** The answers seen when probing ({@code -Dmatrix.probe=true}): a tool for writing rows, never an assertion. */
    private static void write(List<String> probed) {
        try {
            Files.write(Path.of(System.getProperty("matrix.probe.file", "target/authorisation-probe.tsv")), probed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The identities that call a row: everyone around the case, and of the case's own centre its coordinator, an
     * analyst, one role the row allows and one it does not (every role when {@code all}); with no row, everyone.
     */
    private List<Identity> callers(Row row, boolean all) {
        List<Identity> callers = new ArrayList<>(world.others());
        Set<Identity> own = new LinkedHashSet<>();
        if (row == null) { // everyone who calls any row
            callers.addAll(world.ownCentre().values());
            return callers;
        }
        own.add(world.ownCentre().get(Role.COORDINATOR));
        // the analyst: a centre role that reads cases but no patient record and does nothing clinical (ADR 0019)
        own.add(world.ownCentre().get(Role.ANALYST));
        if (all) {
            own.addAll(world.ownCentre().values());
        } else {
            world.ownCentre().entrySet().stream().filter(e -> row.roles().isEmpty() || row.roles().contains(e.getKey()))
                    .findFirst().ifPresent(e -> own.add(e.getValue()));
            world.ownCentre().entrySet().stream().filter(e -> !row.roles().isEmpty() && !row.roles().contains(e.getKey()))
                    .findFirst().ifPresent(e -> own.add(e.getValue()));
        }
        callers.addAll(own);
        return callers;
    }

    private HttpResponse<String> call(Row row, String path, Identity who) {
        Http http = who.session().get();
        if (!row.changesState()) {
            return http.get(path);
        }
        if (row.api()) {
            return http.sendJson(row.method(), path, "{}", Map.of());
        }
        return http.postForm(path, Map.of());
    }

    /** Audit rows the identity wrote, refusals apart (those are written on purpose, in their own transaction). */
    private long writesBy(Identity who) {
        if (who.anonymous()) {
            return jdbc.sql("select count(*) from audit_event where actor_type <> 'INTERNAL' and action not like '%REFUSED'")
                    .query(Long.class).single();
        }
        return jdbc.sql("select count(*) from audit_event where actor_id = ? and action not like '%REFUSED'")
                .param(who.actorId()).query(Long.class).single();
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(flat);
        if (title.find()) {
            return title.group(1).strip();
        }
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
