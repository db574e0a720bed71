package org.cartpath.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the suite's one markdown table from a run's results directory (bench/run.sh writes it): Gatling's per-request
 * statistics ({@code gatling/<label>/<simulation>-<time>/js/stats.js}), JMH's JSON results ({@code jmh/<label>.json})
 * and the start-up times ({@code startup.txt}), each figure beside its ceiling from the same run and its target
 * (issue 17 item 6).
 */
public final class Report {

    /** One line of Gatling's statistics: throughput (requests/s) and percentiles in milliseconds. */
    public record Stats(String name, long requests, long failed, double perSecond, long p50, long p95, long p99) {
    }

    private static final Pattern BLOCK = Pattern.compile(
            "stats: \\{\\s*\"name\": \"([^\"]*)\",(.*?)\"meanNumberOfRequestsPerSecond\": \\{\\s*\"total\": \"([^\"]+)\"",
            Pattern.DOTALL);

    /** Every request's statistics in a stats.js, "All Requests" first. Pure, for the test. */
    public static Map<String, Stats> parseGatling(String statsJs) {
        Map<String, Stats> all = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(statsJs);
        while (m.find()) {
            String body = m.group(2);
            all.putIfAbsent(m.group(1), new Stats(m.group(1), number(body, "numberOfRequests", "total"),
                    number(body, "numberOfRequests", "ko"), Double.parseDouble(m.group(3)),
                    number(body, "percentiles1", "total"), number(body, "percentiles3", "total"),
                    number(body, "percentiles4", "total")));
        }
        return all;
    }

    private static long number(String body, String field, String which) {
        Matcher m = Pattern.compile("\"" + field + "\": \\{[^}]*?\"" + which + "\": \"([^\"]+)\"", Pattern.DOTALL)
                .matcher(body);
        if (!m.find() || m.group(1).equals("-")) {
            return 0;
        }
        return Math.round(Double.parseDouble(m.group(1).replace(",", "")));
    }

    /** The score (operations per second) of a JMH JSON result file. Pure, for the test. */
    public static double parseJmhScore(String json) {
        Matcher m = Pattern.compile("\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([0-9.Ee+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no primaryMetric score");
        }
        return Double.parseDouble(m.group(1));
    }

    /** A JMH sample-time result in milliseconds: the mean and percentiles of the operation's latency. */
    public record Sample(double mean, double p50, double p95, double p99) {
        /** Operations per second of {@code threads} threads each doing one operation after another. */
        public double perSecond(int threads) {
            return threads * 1000 / mean;
        }
    }

    /** The mean and percentiles of a JMH sample-time JSON result. Pure, for the test. */
    public static Sample parseJmhSample(String json) {
        return new Sample(parseJmhScore(json), percentile(json, "50.0"), percentile(json, "95.0"),
                percentile(json, "99.0"));
    }

    private static double percentile(String json, String which) {
        Matcher m = Pattern.compile("\"scorePercentiles\"\\s*:\\s*\\{[^}]*?\"" + Pattern.quote(which)
                + "\"\\s*:\\s*([0-9.Ee+-]+)", Pattern.DOTALL).matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no percentile " + which);
        }
        return Double.parseDouble(m.group(1));
    }

    private final Path dir;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int telemetryBatch = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        new Report(dir).print(telemetryBatch);
    }

    Optional<Map<String, Stats>> gatling(String label) throws IOException {
        Path folder = dir.resolve("gatling").resolve(label);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            Optional<Path> stats = files.filter(p -> p.getFileName().toString().equals("stats.js")).findFirst();
            if (stats.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(parseGatling(Files.readString(stats.get())));
        }
    }

    Optional<Double> jmh(String label) throws IOException {
        Path file = dir.resolve("jmh").resolve(label + ".json");
        return Files.exists(file) ? Optional.of(parseJmhScore(Files.readString(file))) : Optional.empty();
    }

    void print(int telemetryBatch) throws IOException {
        Optional<Double> http = gatling("liveness-32").map(s -> s.get("All Requests").perSecond());
        gatling("liveness-32").ifPresentOrElse(s -> row("HTTP ceiling: GET /actuator/health/liveness", "32",
                s.get("All Requests"), 1, "req/s", null, null, "—", null), () -> missing("HTTP ceiling"));
        // issue 17's scenarios (bench/run.sh --only core, or all): reported when any of them ran
        if (label("writes").isPresent() || jmh("insert-1").isPresent() || label("mixed").isPresent()
                || label("worklist").isPresent() || label("telemetry").isPresent()) {
            core(http, telemetryBatch);
        }
        interop();
        outcomes();
        Path startup = dir.resolve("startup.txt");
        if (Files.exists(startup)) {
            for (String line : Files.readAllLines(startup)) {
                String[] parts = line.split("\t");
                double seconds = Double.parseDouble(parts[1]);
                boolean restart = parts[0].startsWith("restart");
                rows.add(String.format(Locale.ROOT, "| Start-up: %s | — | readiness in %.1f s | | | | | | %s | %s |",
                        parts[0], seconds, restart ? "≤ 8 s" : "(≤ 20 s first start)",
                        restart ? (seconds <= 8 ? "yes" : "**no**") : (seconds <= 20 ? "yes" : "**no**")));
            }
        } else {
            missing("start-up");
        }
        System.out.println("| scenario | clients | throughput | p50 | p95 | p99 | ceiling | ratio | target | met? |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        if (!notes.isEmpty()) {
            System.out.println();
            notes.forEach(n -> System.out.println("- not run or no result: " + n));
        }
    }

    private void core(Optional<Double> http, int telemetryBatch) throws IOException {
        for (int clients : new int[] {1, 8, 32, 128}) {
            jmh("insert-" + clients).ifPresentOrElse(score -> rows.add(String.format(
                    "| DB ceiling: JDBC insert loop (1 row a transaction, audit_event's shape) | %d | %s rows/s | | | | | | | |",
                    clients, whole(score))), () -> missing("JDBC insert ceiling at " + clients));
        }
        Optional<Double> copy = jmh("copy-4");
        copy.ifPresentOrElse(score -> rows.add(String.format(
                "| DB ceiling: COPY of %,d-row batches (custody_temperature_reading's shape) | 4 | %s rows/s | | | | | | | |",
                telemetryBatch, whole(score * telemetryBatch))), () -> missing("COPY ceiling"));
        for (int clients : new int[] {1, 8, 32, 128}) {
            Optional<Double> ceiling = jmh("insert-" + clients);
            Optional<Map<String, Stats>> writes = gatling("writes-" + clients);
            if (writes.isEmpty()) {
                missing("audited writes at " + clients);
                continue;
            }
            Stats s = writes.get().get("All Requests");
            boolean target = clients == 32;
            Boolean met = target ? s.perSecond() >= 1000 && ceiling.map(c -> s.perSecond() / c >= 0.5).orElse(false) : null;
            row("Audited writes: POST /api/v1/patients/{id}/measurements", String.valueOf(clients), s, 1, "req/s",
                    ceiling.orElse(null), "JDBC insert", target ? "≥ 1,000/s and ≥ 50 % of JDBC insert" : "—", met);
        }
        String mixedClients = clients("mixed");
        run("mixed").ifPresentOrElse(m -> {
            Stats s = m.get("All Requests");
            row("Mixed: staff sessions and systems, 80 % reads / 20 % audited writes", mixedClients, s, 1, "req/s",
                    http.orElse(null), "HTTP", "≥ 2,000 req/s, p99 ≤ 150 ms", s.perSecond() >= 2000 && s.p99() <= 150);
        }, () -> missing("mixed workload"));
        String worklistClients = clients("worklist");
        run("worklist").ifPresentOrElse(m -> {
            for (String name : List.of("worklist", "search by name", "search by NHS number")) {
                Stats s = m.get(name);
                if (s != null) {
                    row("Worklist/search: " + name, worklistClients, s, 1, "req/s", http.orElse(null), "HTTP",
                            "p95 ≤ 50 ms", s.p95() <= 50);
                }
            }
        }, () -> missing("worklist and search"));
        String telemetryClients = clients("telemetry");
        run("telemetry").ifPresentOrElse(m -> {
            Stats s = m.get("All Requests");
            row("Telemetry ingest, fsync on: CSV batches of " + String.format("%,d", telemetryBatch), telemetryClients, s,
                    telemetryBatch, "readings/s", copy.map(c -> c * telemetryBatch).orElse(null), "COPY",
                    "≥ 100,000 readings/s", s.perSecond() * telemetryBatch >= 100_000);
        }, () -> missing("telemetry ingest"));
    }

    Optional<Sample> jmhSample(String label) throws IOException {
        Path file = dir.resolve("jmh").resolve(label + ".json");
        return Files.exists(file) ? Optional.of(parseJmhSample(Files.readString(file))) : Optional.empty();
    }

    /** Issue 16's ingest: FHIR transaction Bundles against the bare FHIR request, HL7 v2 ORU against a refusal. */
    private void interop() throws IOException {
        Optional<Map<String, Stats>> metadata = gatling("fhir-metadata-8");
        Optional<Map<String, Stats>> ingest = gatling("fhir-ingest-8");
        if (metadata.isEmpty() && ingest.isEmpty()) {
            return;
        }
        Optional<Double> fhirCeiling = metadata.map(m -> m.get("All Requests").perSecond());
        metadata.ifPresentOrElse(m -> row("FHIR ceiling: GET /fhir/metadata (CapabilityStatement, no database)", "8",
                m.get("All Requests"), 1, "req/s", null, null, "—", null), () -> missing("FHIR metadata ceiling"));
        ingest.ifPresentOrElse(m -> {
            Stats s = m.get("All Requests");
            String failed = s.failed() > 0 ? String.format(" (%,d failed of %,d)", s.failed(), s.requests()) : "";
            double resources = s.perSecond() * 100;
            rows.add(String.format(Locale.ROOT, "| FHIR ingest: POST /fhir, transaction Bundles of 100 Observations"
                    + " (10 patients × 4 vitals + 6 labs), latency per Bundle | 8 | %s resources/s (%.1f Bundles/s)%s"
                    + " | %d ms | %d ms | %d ms | %s | %s | ≥ 2,000 resources/s | %s |", whole(resources),
                    s.perSecond(), failed, s.p50(), s.p95(), s.p99(),
                    fhirCeiling.map(c -> whole(c) + " req/s (FHIR metadata)").orElse("—"),
                    fhirCeiling.map(c -> percent(s.perSecond() / c) + " (Bundles/s ÷ metadata req/s)").orElse("—"), resources >= 2000 ? "yes" : "**no**"));
        }, () -> missing("FHIR ingest"));
        Optional<Double> refused = jmhSample("hl7-refused-1").map(x -> x.perSecond(1));
        jmhSample("hl7-refused-1").ifPresentOrElse(x -> hl7Row("HL7 v2 ceiling: ADT^A04 answered AR before filing"
                + " (stored raw, audited), one MLLP connection, send and wait", 1, x, null, "—", null),
                () -> missing("HL7 v2 ceiling"));
        for (int threads : new int[] {1, 8}) {
            String how = threads == 1 ? "send and wait for each ACK" : "pipelined, 8 messages in flight";
            int t = threads;
            jmhSample("hl7-oru-" + threads).ifPresentOrElse(x -> hl7Row("HL7 v2 ingest: ORU^R01 (5 results) matched,"
                    + " filed, ACK AA, one MLLP connection, " + how, t, x, refused.orElse(null), "≥ 500 messages/s",
                    x.perSecond(t) >= 500), () -> missing("HL7 v2 ORU with " + t + " in flight"));
        }
    }

    private void hl7Row(String scenario, int threads, Sample x, Double ceiling, String target, Boolean met) {
        double perSecond = x.perSecond(threads);
        rows.add(String.format(Locale.ROOT, "| %s | 1 connection%s | %s messages/s | %.1f ms | %.1f ms | %.1f ms | %s |"
                + " %s | %s | %s |", scenario, threads == 1 ? "" : ", " + threads + " threads", rate(perSecond), x.p50(),
                x.p95(), x.p99(), ceiling == null ? "—" : rate(ceiling) + " messages/s (AR before filing)",
                ceiling == null ? "—" : percent(perSecond / ceiling), target,
                met == null ? "—" : met ? "yes" : "**no**"));
    }

    /** Issue 15's national outcomes: the commissioner's page and API, the SACT month export. */
    private void outcomes() throws IOException {
        Optional<Double> http = gatling("liveness-32").map(s -> s.get("All Requests").perSecond());
        Optional<Map<String, Stats>> outcomes = run("outcomes");
        String clients = clients("outcomes");
        outcomes.ifPresent(m -> {
            Stats page = m.get("outcomes page, whole country");
            if (page != null) {
                row("Outcomes page, whole country, as the commissioner (GET /outcomes, no filter), render time",
                        clients + " (half page, half API)", page, 1, "pages/s", http.orElse(null), "HTTP",
                        "< 1 s (p95)", page.p95() < 1000);
            }
            for (String name : List.of("outcomes API: summary", "outcomes API: survival",
                    "outcomes API: centre comparison")) {
                Stats s = m.get(name);
                if (s != null) {
                    row("Outcomes API, whole country: " + name.substring("outcomes API: ".length()), clients
                            + " (half page, half API)", s, 1, "req/s", http.orElse(null), "HTTP", "—", null);
                }
            }
        });
        run("sact").ifPresent(m -> {
            Stats s = m.get("SACT month export: start to file ready");
            if (s == null) {
                missing("SACT export group");
                return;
            }
            String failed = s.failed() > 0 ? String.format(" (%,d failed of %,d)", s.failed(), s.requests()) : "";
            rows.add(String.format(Locale.ROOT, "| SACT month export via the API, national (start to file ready,"
                    + " polled every 100 ms) | 1 | %,d exports%s | %d ms | %d ms | %d ms | — | — | < 10 s | %s |",
                    s.requests(), failed, s.p50(), s.p95(), s.p99(), s.p95() < 10_000 && s.failed() == 0 ? "yes"
                            : "**no**"));
        });
    }

    /** The number of clients of a run labelled {@code <prefix>-<clients>}. */
    private String clients(String prefix) throws IOException {
        return label(prefix).map(l -> l.substring(prefix.length() + 1)).orElse("?");
    }

    private Optional<String> label(String prefix) throws IOException {
        Path gatling = dir.resolve("gatling");
        if (!Files.isDirectory(gatling)) {
            return Optional.empty();
        }
        try (Stream<Path> labels = Files.list(gatling)) {
            return labels.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix + "-")).findFirst();
        }
    }

    private Optional<Map<String, Stats>> run(String prefix) throws IOException {
        Optional<String> label = label(prefix);
        return label.isEmpty() ? Optional.empty() : gatling(label.get());
    }

    private void row(String scenario, String clients, Stats s, int perRequest, String unit, Double ceiling,
            String ceilingName, String target, Boolean met) {
        double throughput = s.perSecond() * perRequest;
        String failed = s.failed() > 0 ? String.format(" (%,d failed of %,d)", s.failed(), s.requests()) : "";
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s %s%s | %d ms | %d ms | %d ms | %s | %s | %s | %s |", scenario,
                clients, rate(throughput), unit, failed, s.p50(), s.p95(), s.p99(),
                ceiling == null ? "—" : whole(ceiling) + " (" + ceilingName + ")",
                ceiling == null ? "—" : percent(throughput / ceiling), target,
                met == null ? "—" : met ? "yes" : "**no**"));
    }

    private void missing(String what) {
        notes.add(what);
    }

    /** A ratio as a percentage: whole from 10 %, else with one decimal. */
    private static String percent(double ratio) {
        return String.format(Locale.ROOT, ratio >= 0.1 ? "%.0f %%" : "%.1f %%", 100 * ratio);
    }

    /** A rate: whole above 10, else with one decimal (a page a second under load must not print as 0). */
    private static String rate(double value) {
        return value >= 10 ? whole(value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
