package org.cartpath.bench.generate;

import static org.cartpath.bench.generate.Identifiers.copyText;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates a national history into a running cartpath: organisations and API tokens through the application's own
 * API (signed in as the administrator), then patients, therapy cases with their parties, timelines and open tasks,
 * the chain of identity and custody (items, custody events, shipments to and from the manufacturer, their legs) and
 * data-logger readings, written with {@code COPY} (pgjdbc's CopyManager) into cartpath's own tables as the schema
 * owner, every constraint and foreign key checked by PostgreSQL. Each generated state change gets the audit row the
 * application writes for it (same action names), so the audit sealer chains them like any others.
 *
 * <p>For every infused case, what the outcomes and exports read ({@link FollowUp}): the monitoring anchor (day 0),
 * lymphodepletion doses, CRS and ICANS episodes, and from follow-up on the plan, response assessments, relapse or
 * progression, death and a yearly "alive" contact. Bench centres get an ODS code (RBXnn: the HL7 v2 benchmark's MSH-6)
 * and each centre's token the FHIR scopes {@code system/*.read} and {@code system/Observation.write}; the commissioner
 * gets an analyst token (analyst.csv).
 *
 * <p>Omitted, and why: toxicity assessments (the graders' inputs, as JSON the application re-reads; the episodes'
 * highest grades are what the outcomes read), response assessments' inputs (written as {}, with the category given),
 * eligibility, panel decisions (so the intention-to-treat survival from approval has no patients), booking,
 * manufacturing-report rows and infusion records (the SACT export falls back to the anchor's time and lists the weight
 * as a gap), and the data-access log (written only when a person reads a record).
 *
 * <p>Usage: {@code NationalHistory --base-url=http://localhost:8080 --data-dir=DIR --out=DIR [--scale=quick]
 * [--cases=N] [--years=N] [--readings=N] [--seed=N]}. Writes the load clients' feeders (CSV) into {@code --out}.
 */
public final class NationalHistory {

    static final String ACTOR_ID = "bench-generator";
    static final String ACTOR_NAME = "national history generator (bench)";
    private static final String[] GIVEN = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Noah", "Oliver", "George", "Arthur",
            "Leo", "Harry", "Oscar", "Archie", "Freya", "Lily", "Grace", "Aisha", "Mohammed", "Priya", "Tom", "Ben",
            "Chloe", "Sophie", "Jack", "Ella", "Ruby", "Evie", "Sam", "Zara", "Ivy"};
    private static final String[] FAMILY = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas",
            "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes",
            "Moore", "Khan", "Ali", "Begum", "Okafor", "Nowak", "Kowalski", "Murphy", "Kelly", "Byrne"};
    /** product, indication, UK label version (src/main/resources/catalogue), manufacturer */
    private static final String[][] PRODUCTS = {
            {"KYMRIAH", "B_ALL", "KYMRIAH-UK-2026-11", "Novartis Cell Therapy (demo)"},
            {"YESCARTA", "LBCL", "YESCARTA-UK-2024-11", "Kite, a Gilead company (demo)"},
            {"TECARTUS", "MCL", "TECARTUS-UK-2026-11", "Kite, a Gilead company (demo)"},
            {"BREYANZI", "LBCL", "BREYANZI-UK-2026-11", "Bristol Myers Squibb cell therapy (bench)"},
            {"ABECMA", "MULTIPLE_MYELOMA", null, "2seventy bio (bench)"},
            {"CARVYKTI", "MULTIPLE_MYELOMA", null, "Janssen cell therapy (bench)"},
            {"AUCATZYL", "B_ALL", "AUCATZYL-UK-2026-11", "Autolus Therapeutics (bench)"}};
    private static final String[] EXTRA_MANUFACTURERS = {"Legend Biotech (bench)", "Cellular Biomedicine (bench)"};
    private static final int CHUNK = 1_000;

    record Org(UUID id, String name, String kind, String fin) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Scale scale = Scale.named(options.getOrDefault("scale", "quick"));
        for (String key : List.of("cases", "years", "centres", "manufacturers", "readings", "seed")) {
            if (options.containsKey(key)) {
                scale = scale.with(key, options.get(key));
            }
        }
        String baseUrl = options.getOrDefault("base-url", "http://localhost:8080");
        Path dataDir = Path.of(options.getOrDefault("data-dir", "data"));
        Path out = Path.of(options.getOrDefault("out", "target/feeders"));
        Files.createDirectories(out);
        new NationalHistory(scale, baseUrl, dataDir, out).run();
    }

    private final Scale scale;
    private final String baseUrl;
    private final Path dataDir;
    private final Path out;
    private final Random random;
    private long nextNhs;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    NationalHistory(Scale scale, String baseUrl, Path dataDir, Path out) {
        this.scale = scale;
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
        this.out = out;
        this.random = new Random(scale.seed());
    }

    void run() throws Exception {
        System.out.printf("Generating %s: %,d cases over %d years, %d centres, %d manufacturers, %,d readings%n",
                scale.name(), scale.cases(), scale.years(), scale.centres(), scale.manufacturers(), scale.readings());
        long began = System.nanoTime();
        AdminClient admin = new AdminClient(baseUrl);
        admin.signIn("admin", "cartpath-demo");
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort(dataDir)
                + "/cartpath", "postgres", "")) {
            List<Org> existing = organisations(db);
            createOrganisations(admin, existing);
            List<Org> orgs = organisations(db);
            List<Org> centres = orgs.stream().filter(o -> o.kind().equals("TREATMENT_CENTRE")).limit(scale.centres()).toList();
            List<Org> referrers = orgs.stream().filter(o -> o.kind().equals("REFERRING_HOSPITAL")).toList();
            Map<String, Org> byName = new HashMap<>();
            orgs.forEach(o -> byName.put(o.name(), o));
            Org courier = orgs.stream().filter(o -> o.kind().equals("COURIER")).findFirst().orElseThrow();
            Org panel = orgs.stream().filter(o -> o.kind().equals("NATIONAL_PANEL")).findFirst().orElseThrow();
            List<String> writers = createTokens(admin, centres, orgs);
            generate(db, centres, referrers, byName, courier, panel, writers);
        }
        System.out.printf("%nGenerated in %.1f s; feeders in %s%n", (System.nanoTime() - began) / 1e9, out);
    }

    static int postgresPort(Path dataDir) throws IOException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        return Integer.parseInt(pid.get(3).trim());
    }

    private static List<Org> organisations(Connection db) throws SQLException {
        List<Org> orgs = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("select id, name, kind, fin from organisation order by created_at, name")) {
            while (r.next()) {
                orgs.add(new Org(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4)));
            }
        }
        return orgs;
    }

    /** The centres, manufacturers and referring hospitals the scale needs beyond the demo's, through the API. */
    private void createOrganisations(AdminClient admin, List<Org> existing) {
        long centres = existing.stream().filter(o -> o.kind().equals("TREATMENT_CENTRE")).count();
        for (long i = centres + 1; i <= scale.centres(); i++) {
            createOrganisation(admin, existing, String.format("Bench Treatment Centre %02d", i), "TREATMENT_CENTRE",
                    Identifiers.fin('C', (int) i), String.format("RBX%02d", i));
        }
        List<String> manufacturers = new ArrayList<>();
        for (String[] p : PRODUCTS) {
            if (!manufacturers.contains(p[3])) {
                manufacturers.add(p[3]);
            }
        }
        manufacturers.addAll(List.of(EXTRA_MANUFACTURERS));
        for (int i = 0; i < Math.min(scale.manufacturers(), manufacturers.size()); i++) {
            createOrganisation(admin, existing, manufacturers.get(i), "MANUFACTURER", Identifiers.fin('M', i + 1), null);
        }
        long referrers = existing.stream().filter(o -> o.kind().equals("REFERRING_HOSPITAL")).count();
        for (long i = referrers + 1; i <= 40; i++) {
            createOrganisation(admin, existing, String.format("Bench Referring Hospital %02d", i), "REFERRING_HOSPITAL",
                    null, null);
        }
    }

    /** Creates an organisation; bench centres get an ODS code (RBXnn), the MSH-6 the HL7 v2 benchmark addresses. */
    private static void createOrganisation(AdminClient admin, List<Org> existing, String name, String kind, String fin,
            String odsCode) {
        if (existing.stream().anyMatch(o -> o.name().equalsIgnoreCase(name))) {
            return;
        }
        admin.postJson("/api/v1/organisations", "{\"name\":" + AdminClient.json(name) + ",\"kind\":\"" + kind
                + "\",\"region\":\"England\"" + (fin == null ? "" : ",\"fin\":\"" + fin + "\"")
                + (odsCode == null ? "" : ",\"odsCode\":\"" + odsCode + "\"") + "}");
    }

    /** One coordinator's system token per centre: the load test's audited writers. Written to clients.csv. */
    private List<String> createTokens(AdminClient admin, List<Org> centres, List<Org> organisations) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("clients.csv")))) {
            csv.println("token,organisationId");
            for (Org centre : centres) {
                String issued = admin.postJson("/api/v1/api-tokens", "{\"organisationId\":\"" + centre.id()
                        + "\",\"name\":\"bench writer\",\"roles\":[\"COORDINATOR\"],\"scopes\":[\"system/*.read\","
                        + "\"system/Observation.write\"]}");
                String token = AdminClient.field(issued, "secret");
                tokens.add(token);
                csv.println(token + "," + centre.id());
            }
        }
        // the commissioner's analyst system (national outcomes and exports, pseudonymised): the outcomes scenario's client
        Optional<Org> commissioner = organisations.stream().filter(o -> o.kind().equals("COMMISSIONER")).findFirst();
        if (commissioner.isPresent()) {
            String issued = admin.postJson("/api/v1/api-tokens", "{\"organisationId\":\"" + commissioner.get().id()
                    + "\",\"name\":\"bench analyst\",\"roles\":[\"ANALYST\"]}");
            Files.writeString(out.resolve("analyst.csv"), "token\n" + AdminClient.field(issued, "secret") + "\n");
        }
        return tokens;
    }

    /** The rows of one chunk of cases, table by table, in COPY text format. */
    private static final class Rows {
        final Map<String, StringBuilder> tables = new LinkedHashMap<>();
        final Map<String, String> columns = new LinkedHashMap<>();
        long count;

        void table(String name, String cols) {
            tables.put(name, new StringBuilder());
            columns.put(name, cols);
        }

        void add(String table, Object... values) {
            StringBuilder b = tables.get(table);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    b.append('\t');
                }
                Object v = values[i];
                b.append(v == null ? "\\N" : copyText(v.toString()));
            }
            b.append('\n');
            count++;
        }
    }

    private Rows newRows() {
        Rows rows = new Rows();
        // parents before children: COPY checks every foreign key
        rows.table("patient", "id, nhs_number, given_name, family_name, date_of_birth, sex, town, postcode, "
                + "registered_by_organisation, registered_at, version");
        rows.table("patient_demographics", "patient_id, version, nhs_number, given_name, family_name, date_of_birth, "
                + "sex, town, postcode, changed_at, changed_by_id, changed_by_name, changed_by_organisation, "
                + "changed_by_organisation_name");
        rows.table("patient_access", "patient_id, organisation_id, reason, granted_at, granted_by_id, granted_by_name");
        rows.table("therapy_case", "id, reference, patient_id, referring_organisation_id, treating_centre_id, "
                + "product_code, indication, jurisdiction, label_version_id, stage, version, opened_at, stage_changed_at");
        rows.table("case_party", "case_id, organisation_id, role, added_at");
        rows.table("case_timeline", "case_id, sequence, at, actor_id, actor_name, organisation_name, kind, from_stage, "
                + "to_stage, summary");
        rows.table("case_task", "id, case_id, title, role, stage, due_on, opened_at");
        rows.table("monitoring_anchor", "case_id, case_reference, treating_centre_id, infused_at, day_zero, age_years, "
                + "developmental_delay, label_version_id, started_by, started_by_name, started_at");
        rows.table("monitoring_episode", "case_id, kind, sequence, onset_at, onset_day, highest_grade, highest_at, "
                + "resolved_at, resolved_day");
        rows.table("lymphodepletion_administration", "id, plan_id, case_id, planned_on, drug, status, planned_mg, "
                + "given_mg, given_at, reason, recorded_by, recorded_by_name, recorded_at");
        rows.table("followup_plan", "case_id, day_zero, product_code, track, track_basis, clinic_basis, created_at");
        rows.table("followup_response_assessment", "id, response_id, version, case_id, assessed_on, framework, inputs, "
                + "derived_category, category, recorded_by_id, recorded_by_name, recorded_at");
        rows.table("followup_outcome_event", "id, case_id, kind, occurred_on, details, source, recorded_by_id, "
                + "recorded_by_name, recorded_at");
        rows.table("custody_coi", "case_id, coi, fin, allocated_at, allocated_by");
        rows.table("custody_item", "id, case_id, coi, kind, din, shipper_id, lot, bag_number, collection_date, "
                + "created_at, created_by");
        rows.table("custody_shipment", "id, case_id, shipper_item_id, shipper_id, direction, origin_organisation_id, "
                + "destination_organisation_id, profile, max_celsius, profile_source, registered_at, registered_by_name");
        rows.table("custody_shipment_content", "shipment_id, item_id");
        rows.table("custody_shipment_leg", "shipment_id, sequence, from_place, to_place, courier_organisation_id, "
                + "expected_departure, expected_arrival, actual_departure, actual_arrival");
        rows.table("custody_event", "id, item_id, version, type, occurred_at, recorded_at, actor_id, actor_type, "
                + "actor_name, organisation_id, organisation_name, organisation_kind, place, to_organisation_id, "
                + "to_organisation_name, to_organisation_kind, shipment_id, shipper_id, verification_step, note");
        rows.table("custody_telemetry_batch", "id, shipment_id, shipper_id, format, readings, stored, received_at, "
                + "received_by, organisation_id");
        rows.table("custody_temperature_reading", "shipper_id, logger_id, read_at, celsius, shipment_id, batch_id");
        rows.table("audit_event", "occurred_at, actor_id, actor_type, actor_name, organisation_id, action, entity_type, "
                + "entity_id, before_state, after_state, reason");
        return rows;
    }

    private void generate(Connection db, List<Org> centres, List<Org> referrers, Map<String, Org> byName, Org courier,
            Org panel, List<String> writers) throws Exception {
        db.setAutoCommit(false);
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
        long firstReference;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select nextval('therapy_case_reference_seq')")) {
            r.next();
            firstReference = r.getLong(1);
        }
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "select coalesce(max(nhs_number), '9990000000') from patient where nhs_number like '999%'")) {
            r.next();
            nextNhs = Long.parseLong(r.getString(1)) + 1;
        }
        Map<String, Integer> serials = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "select kind, fin, year, last_value from custody_serial")) {
            while (r.next()) {
                serials.put(r.getString(1) + "/" + r.getString(2) + "/" + r.getInt(3), r.getInt(4));
            }
        }
        // about 0.95 shipments with readings a case (most cases reach collection; those past receipt have two)
        long readingsPerShipment = Math.max(4, scale.readings() / Math.max(1, (long) (scale.cases() * 0.95)));
        long readingsLeft = scale.readings();
        Progress progress = new Progress("cases", scale.cases());
        long rowsWritten = 0;
        try (PrintWriter patientsCsv = new PrintWriter(Files.newBufferedWriter(out.resolve("patients.csv")));
                PrintWriter casesCsv = new PrintWriter(Files.newBufferedWriter(out.resolve("cases.csv")));
                PrintWriter namesCsv = new PrintWriter(Files.newBufferedWriter(out.resolve("names.csv")));
                PrintWriter openCsv = new PrintWriter(Files.newBufferedWriter(out.resolve("open.csv")))) {
            this.openCsv = openCsv;
            openCsv.println("token,patientId,nhsNumber,dateOfBirth,centreId");
            patientsCsv.println("token,patientId");
            casesCsv.println("token,caseId,patientId");
            namesCsv.println("token,name,nhsNumber");
            for (int from = 0; from < scale.cases(); from += CHUNK) {
                Rows rows = newRows();
                int to = Math.min(scale.cases(), from + CHUNK);
                for (int i = from; i < to; i++) {
                    int c = i % centres.size();
                    Org centre = centres.get(c);
                    String token = writers.get(c);
                    readingsLeft -= oneCase(rows, i, firstReference + i, centre, token,
                            referrers.get(random.nextInt(referrers.size())), byName, courier, panel, serials,
                            Math.min(readingsPerShipment, Math.max(0, readingsLeft)), patientsCsv, casesCsv, namesCsv);
                }
                for (Map.Entry<String, StringBuilder> table : rows.tables.entrySet()) {
                    if (table.getValue().length() > 0) {
                        copy.copyIn("copy " + table.getKey() + " (" + rows.columns.get(table.getKey()) + ") from stdin",
                                new java.io.StringReader(table.getValue().toString()));
                    }
                }
                db.commit();
                rowsWritten += rows.count;
                progress.to(to, String.format("%,d rows, %,d readings", rowsWritten, scale.readings() - readingsLeft));
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("select setval('therapy_case_reference_seq', " + (firstReference + scale.cases()) + ")");
            for (Map.Entry<String, Integer> serial : serials.entrySet()) {
                String[] k = serial.getKey().split("/");
                s.execute("insert into custody_serial (kind, fin, year, last_value) values ('" + k[0] + "', '" + k[1]
                        + "', " + k[2] + ", " + serial.getValue() + ") on conflict (kind, fin, year) do update set "
                        + "last_value = greatest(custody_serial.last_value, excluded.last_value)");
            }
            db.commit();
            db.setAutoCommit(true);
            System.out.println("\nAnalysing the tables…");
            s.execute("analyze");
            awaitSealing(s);
        }
        writeShippers(centres, courier);
    }

    /** Waits until cartpath's audit sealer has chained every generated audit row (so the benchmarks do not race it). */
    private static void awaitSealing(Statement s) throws SQLException, InterruptedException {
        long total;
        try (ResultSet r = s.executeQuery("select count(*) from audit_event")) {
            r.next();
            total = r.getLong(1);
        }
        Progress progress = new Progress("audit rows sealed", total);
        while (true) {
            long sealed;
            try (ResultSet r = s.executeQuery("select count(*) from audit_seal")) {
                r.next();
                sealed = r.getLong(1);
            }
            progress.to(Math.min(sealed, total), "");
            if (sealed >= total) {
                System.out.println();
                return;
            }
            Thread.sleep(1000);
        }
    }

    /** Patients with their one open case (the FHIR and HL7 v2 ingest benchmarks' subjects). */
    private PrintWriter openCsv;

    /** Shippers for the ingest benchmark: one in transit per load client, registered by the generator's last cases. */
    private final List<String> shippersInTransit = new ArrayList<>();

    private void writeShippers(List<Org> centres, Org courier) throws IOException {
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("shippers.csv")))) {
            csv.println("shipperId");
            shippersInTransit.forEach(csv::println);
        }
    }

    private long oneCase(Rows rows, int i, long reference, Org centre, String token, Org referrer,
            Map<String, Org> byName, Org courier, Org panel, Map<String, Integer> serials, long readings,
            PrintWriter patientsCsv, PrintWriter casesCsv, PrintWriter namesCsv) {
        // the last cases are opened about 45 days ago, so that they are in transit to the manufacturer
        boolean benchShipper = i >= scale.cases() - 200;
        int ageDays = benchShipper ? 38 : random.nextInt(scale.years() * 365);
        Instant opened = now.minus(ageDays, ChronoUnit.DAYS).minus(random.nextInt(36_000), ChronoUnit.SECONDS);
        List<Journey.Step> steps = benchShipper ? List.of(new Journey.Step("REFERRED", 0), new Journey.Step("TRIAGED", 2),
                new Journey.Step("ELIGIBILITY_ASSESSED", 6), new Journey.Step("PANEL_APPROVED", 13),
                new Journey.Step("SLOT_BOOKED", 20), new Journey.Step("COLLECTED", 37))
                : Journey.of(ageDays, 15, random);
        String stage = steps.get(steps.size() - 1).stage();
        String[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        Org manufacturer = byName.get(product[3]);
        UUID patient = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)] + (i % 7 == 0 ? "-" + FAMILY[random.nextInt(FAMILY.length)] : "");
        String nhs = Identifiers.nhsNumberFrom(nextNhs);
        nextNhs = Long.parseLong(nhs) + 1;
        LocalDate born = LocalDate.ofInstant(opened, ZoneOffset.UTC).minusDays(365L * (product[1].equals("B_ALL")
                ? 3 + random.nextInt(22) : 30 + random.nextInt(50)) + random.nextInt(365));
        String sex = random.nextBoolean() ? "FEMALE" : "MALE";
        Instant registered = opened.minus(1, ChronoUnit.HOURS);
        rows.add("patient", patient, nhs, given, family, born, sex, "Town " + (i % 500), null, referrer.id(), ts(registered), 0);
        rows.add("patient_demographics", patient, 0, nhs, given, family, born, sex, "Town " + (i % 500), null,
                ts(registered), ACTOR_ID, ACTOR_NAME, referrer.id(), referrer.name());
        rows.add("patient_access", patient, referrer.id(), "Registered the patient", ts(registered), ACTOR_ID, ACTOR_NAME);
        String ref = String.format("CP-%d-%05d", LocalDate.ofInstant(opened, ZoneOffset.UTC).getYear(), reference);
        rows.add("patient_access", patient, centre.id(), "Referral " + ref, ts(opened), ACTOR_ID, ACTOR_NAME);
        audit(rows, registered, referrer, "PATIENT_REGISTERED", "Patient", patient.toString(), null,
                "{\"nhsNumber\":\"" + nhs + "\"}");
        Instant changed = opened.plus(steps.get(steps.size() - 1).day(), ChronoUnit.DAYS);
        rows.add("therapy_case", caseId, ref, patient, referrer.id(), centre.id(), product[0], product[1], "UK",
                product[2], stage, steps.size() - 1, ts(opened), ts(changed));
        rows.add("case_party", caseId, referrer.id(), "REFERRING_HOSPITAL", ts(opened));
        rows.add("case_party", caseId, centre.id(), "TREATING_CENTRE", ts(opened));
        rows.add("case_party", caseId, panel.id(), "NATIONAL_PANEL", ts(opened));
        audit(rows, opened, referrer, "CASE_OPENED", "TherapyCase", caseId.toString(), null,
                "{\"reference\":\"" + ref + "\",\"stage\":\"REFERRED\"}");
        String previous = null;
        int sequence = 0;
        for (Journey.Step step : steps) {
            Instant at = opened.plus(step.day(), ChronoUnit.DAYS).plus(sequence, ChronoUnit.MINUTES);
            rows.add("case_timeline", caseId, ++sequence, ts(at), ACTOR_ID, ACTOR_NAME, centre.name(),
                    previous == null ? "CASE_OPENED" : "STAGE_CHANGED", previous, step.stage(),
                    previous == null ? "Case opened" : step.stage().charAt(0) + step.stage().substring(1).toLowerCase().replace('_', ' '));
            if (previous != null) {
                audit(rows, at, centre, "CASE_STAGE_CHANGED", "TherapyCase", caseId.toString(),
                        "{\"stage\":\"" + previous + "\"}", "{\"stage\":\"" + step.stage() + "\"}");
            }
            if (step.stage().equals("SLOT_BOOKED") && manufacturer != null) {
                rows.add("case_party", caseId, manufacturer.id(), "MANUFACTURER", ts(at));
            }
            if (step.stage().equals("COLLECTED")) {
                rows.add("case_party", caseId, courier.id(), "COURIER", ts(at));
            }
            previous = step.stage();
        }
        if (!Journey.terminal(stage)) {
            LocalDate due = LocalDate.ofInstant(changed, ZoneOffset.UTC).plusDays(2 + random.nextInt(14));
            rows.add("case_task", UUID.randomUUID(), caseId, "Next step: " + stage.toLowerCase().replace('_', ' '),
                    "COORDINATOR", stage, due, ts(changed));
        }
        patientsCsv.println(token + "," + patient);
        if (!Journey.terminal(stage)) {
            openCsv.println(token + "," + patient + "," + nhs + "," + born + "," + centre.id());
        }
        casesCsv.println(token + "," + caseId + "," + patient);
        if (i % 10 == 0) {
            namesCsv.println(token + "," + family.split("-")[0] + "," + nhs);
        }
        long used = 0;
        if (Journey.reached(steps, "COLLECTED") && centre.fin() != null && manufacturer != null) {
            used = custody(rows, caseId, opened, steps, centre, manufacturer, courier, serials, readings, benchShipper);
        }
        if (Journey.reached(steps, "INFUSED")) {
            FollowUp.of(rows::add, (at, action, entityId, after) -> audit(rows, at, centre, action, "TherapyCase",
                    entityId, null, after),
                    new FollowUp.Case(caseId, ref, centre.id(), product[0], product[1],
                            product[2] != null ? product[2] : product[0] + "-UK-BENCH", born, steps, opened, now),
                    random);
        }
        return used;
    }

    private long custody(Rows rows, UUID caseId, Instant opened, List<Journey.Step> steps, Org centre, Org manufacturer,
            Org courier, Map<String, Integer> serials, long readings, boolean inTransit) {
        Instant collected = opened.plus(Journey.dayOf(steps, "COLLECTED"), ChronoUnit.DAYS);
        int year = LocalDate.ofInstant(collected, ZoneOffset.UTC).getYear();
        String coi = Identifiers.coi(centre.fin(), year, serials.merge("COI/" + centre.fin() + "/" + year % 100, 1, Integer::sum));
        String din = Identifiers.din(centre.fin(), year, serials.merge("DIN/" + centre.fin() + "/" + year % 100, 1, Integer::sum));
        rows.add("custody_coi", caseId, coi, centre.fin(), ts(collected.minus(2, ChronoUnit.DAYS)), ACTOR_NAME);
        audit(rows, collected.minus(2, ChronoUnit.DAYS), centre, "CHAIN_OF_IDENTITY_ALLOCATED", "TherapyCase",
                caseId.toString(), null, "{\"coi\":\"" + coi + "\"}");
        UUID bag = UUID.randomUUID();
        rows.add("custody_item", bag, caseId, coi, "COLLECTION_BAG", din, null, null, null,
                LocalDate.ofInstant(collected, ZoneOffset.UTC), ts(collected), ACTOR_NAME);
        int[] version = {0};
        event(rows, bag, version, "LABELLED", collected, centre, "Apheresis unit", null, null, null, null);
        event(rows, bag, version, "VERIFIED", collected.plus(10, ChronoUnit.MINUTES), centre, "Apheresis unit", null,
                null, null, "COLLECTION");
        Instant departs = collected.plus(6, ChronoUnit.HOURS);
        long used = shipment(rows, caseId, coi, bag, version, "TO_MANUFACTURER", centre, manufacturer, courier, departs,
                inTransit ? null : departs.plus(30, ChronoUnit.HOURS), readings, inTransit);
        if (Journey.reached(steps, "RECEIVED")) {
            Instant released = opened.plus(Journey.dayOf(steps, "RELEASED"), ChronoUnit.DAYS);
            UUID product = UUID.randomUUID();
            rows.add("custody_item", product, caseId, coi, "PRODUCT_BAG", null, null, "LOT" + caseId.toString().substring(0, 8),
                    1, null, ts(released), ACTOR_NAME);
            int[] productVersion = {0};
            event(rows, product, productVersion, "LABELLED", released, manufacturer, "Manufacturing site", null, null,
                    null, null);
            Instant received = opened.plus(Journey.dayOf(steps, "RECEIVED"), ChronoUnit.DAYS);
            used += shipment(rows, caseId, coi, product, productVersion, "TO_CENTRE", manufacturer, centre, courier,
                    received.minus(30, ChronoUnit.HOURS), received, Math.max(0, readings - used), false);
            event(rows, product, productVersion, "VERIFIED", received.plus(20, ChronoUnit.MINUTES), centre,
                    "Cell therapy laboratory", null, null, null, "RECEIPT_AT_CENTRE");
            event(rows, product, productVersion, "STORED", received.plus(40, ChronoUnit.MINUTES), centre,
                    "Cell therapy laboratory", null, null, null, null);
            if (Journey.reached(steps, "INFUSED")) {
                Instant infused = opened.plus(Journey.dayOf(steps, "INFUSED"), ChronoUnit.DAYS);
                event(rows, product, productVersion, "ISSUED", infused.minus(2, ChronoUnit.HOURS), centre,
                        "Cell therapy laboratory", null, null, null, null);
                event(rows, product, productVersion, "THAWED", infused.minus(1, ChronoUnit.HOURS), centre, "Ward",
                        null, null, null, null);
                event(rows, product, productVersion, "VERIFIED", infused.minus(10, ChronoUnit.MINUTES), centre, "Ward",
                        null, null, null, "BEDSIDE");
                event(rows, product, productVersion, "ADMINISTERED", infused, centre, "Ward", null, null, null, null);
            }
        }
        return used;
    }

    private long shipment(Rows rows, UUID caseId, String coi, UUID content, int[] contentVersion, String direction, Org origin,
            Org destination, Org courier, Instant departs, Instant arrives, long readings, boolean benchShipper) {
        UUID shipment = UUID.randomUUID();
        UUID shipperItem = UUID.randomUUID();
        String shipperId = (benchShipper ? "BENCH" : "DS") + shipment.toString().substring(0, 8).toUpperCase();
        rows.add("custody_item", shipperItem, caseId, coi, "SHIPPER", null, shipperId, null, null, null,
                ts(departs.minus(1, ChronoUnit.HOURS)), ACTOR_NAME);
        rows.add("custody_shipment", shipment, caseId, shipperItem, shipperId, direction, origin.id(), destination.id(),
                "CRYOPRESERVED", "-150", "Default for cryopreserved cells (at or below -150 °C, in the vapour phase of "
                        + "liquid nitrogen): the catalogue holds no transport temperature for this product",
                ts(departs.minus(1, ChronoUnit.HOURS)), ACTOR_NAME);
        rows.add("custody_shipment_content", shipment, content);
        rows.add("custody_shipment_leg", shipment, 1, origin.name(), destination.name(), courier.id(),
                ts(departs), ts(departs.plus(30, ChronoUnit.HOURS)), ts(departs), arrives == null ? null : ts(arrives));
        audit(rows, departs.minus(1, ChronoUnit.HOURS), origin, "SHIPMENT_REGISTERED", "Shipment", shipment.toString(),
                null, "{\"shipperId\":\"" + shipperId + "\",\"direction\":\"" + direction + "\"}");
        int[] shipperVersion = {0};
        event(rows, shipperItem, shipperVersion, "HANDED_OVER", departs, origin, origin.name(), courier, shipment,
                shipperId, null);
        event(rows, content, contentVersion, "SHIPPED", departs, origin, origin.name(), courier, shipment, shipperId, null);
        if (arrives != null) {
            event(rows, shipperItem, shipperVersion, "RECEIVED", arrives, destination, destination.name(), null,
                    shipment, shipperId, null);
            event(rows, content, contentVersion, "RECEIVED", arrives, destination, destination.name(), null, shipment,
                    shipperId, null);
        }
        if (benchShipper) {
            shippersInTransit.add(shipperId);
        }
        if (readings > 0) {
            UUID batch = UUID.randomUUID();
            Instant first = departs.plus(1, ChronoUnit.MINUTES);
            for (long n = 0; n < readings; n++) {
                Instant at = first.plusSeconds(60 * (n / 4));
                rows.add("custody_temperature_reading", shipperId, "L" + (n % 4), ts(at),
                        String.format("%.2f", -190 + (n % 13) * 0.5), shipment, batch);
            }
            Instant received = first.plusSeconds(60 * (readings / 4) + 60);
            rows.add("custody_telemetry_batch", batch, shipment, shipperId, "CSV", readings, readings, ts(received),
                    "token:democourier", courier.id());
            audit(rows, received, courier, "TELEMETRY_RECEIVED", "Shipment", shipment.toString(), null,
                    "{\"batchId\":\"" + batch + "\",\"readings\":" + readings + ",\"stored\":" + readings + "}");
        }
        return readings;
    }

    private void event(Rows rows, UUID item, int[] version, String type, Instant at, Org org, String place, Org to,
            UUID shipment, String shipperId, String verificationStep) {
        UUID id = UUID.randomUUID();
        rows.add("custody_event", id, item, ++version[0], type, ts(at), ts(at), ACTOR_ID, "INTERNAL", ACTOR_NAME,
                org.id(), org.name(), org.kind(), place, to == null ? null : to.id(), to == null ? null : to.name(),
                to == null ? null : to.kind(), shipment, shipperId, verificationStep, null);
        audit(rows, at, org, "CUSTODY_EVENT_RECORDED", "CustodyItem", item.toString(), null,
                "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\"}");
    }

    private static void audit(Rows rows, Instant at, Org org, String action, String entityType, String entityId,
            String before, String after) {
        rows.add("audit_event", ts(at), ACTOR_ID, "INTERNAL", ACTOR_NAME, org.id(), action, entityType, entityId, before,
                after, null);
    }

    private static String ts(Instant instant) {
        return instant.toString();
    }
}
