package org.cartpath.reporting.exports;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cartpath.audit.AuditTrail;
import org.cartpath.shared.Actor;
import org.cartpath.shared.Csv;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registry and commissioning exports (ADR 0026): the completeness check, the start of a run (refused while required
 * fields are missing, unless the data manager exports with the gaps listed in the manifest), the run itself in the
 * background with its progress, the file and manifest kept for download, and the recovery of runs a stopped
 * application left behind. Scope: {@link DataVisibility#exportScope}.
 */
@Service
public class Exports {

    /** A running export whose job has not reported for this long was stopped with its application instance. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final int HISTORY = 50;
    private static final Logger log = LoggerFactory.getLogger(Exports.class);

    private final ExportStore store;
    private final ExportSources sources;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final JsonMapper manifestJson;
    /** The JSON of the registry forms' files: one line per document, keys in the layout's order (ADR 0036). */
    private final JsonMapper documentJson;
    private final TransactionTemplate readSnapshot;
    private final TransactionTemplate write;
    /** The exports this instance is running now: their heartbeat is kept fresh however long the extract takes. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reporting-exports");
        thread.setDaemon(true);
        return thread;
    });

    Exports(ExportStore store, ExportSources sources, AuditTrail audit, Clock clock, JsonMapper json,
            PlatformTransactionManager transactions, @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.store = store;
        this.sources = sources;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.manifestJson = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.documentJson = json.rebuild().disable(SerializationFeature.INDENT_OUTPUT).build();
        this.readSnapshot = new TransactionTemplate(transactions);
        this.readSnapshot.setReadOnly(true);
        this.readSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.write = new TransactionTemplate(transactions);
        this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What an export of {@code kind} for {@code month} would hold, and every required field missing. */
    public record Completeness(ExportKind kind, YearMonth month, String cohort, int patients, List<Gap> gaps) {
        public boolean complete() {
            return gaps.isEmpty();
        }
    }

    /** A request to start an export. */
    public record Start(@Size(max = 40) String kind, @Size(max = 20) String month, @Size(max = 500) String purpose,
            Boolean withGaps, @Size(max = 10) String format) {

        public Start(String kind, String month, String purpose, Boolean withGaps) {
            this(kind, month, purpose, withGaps, null);
        }

        boolean gapsAccepted() {
            return Boolean.TRUE.equals(withGaps);
        }
    }

    public YearMonth month(String text) {
        return ExportMonth.parse(text, LocalDate.now(clock.withZone(zone)));
    }

    public ExportKind kind(String text) {
        return ExportKind.parse(text).orElseThrow(() -> ProblemException.invalid("kind",
                "Choose an export: " + String.join(", ", java.util.Arrays.stream(ExportKind.values())
                        .map(Enum::name).toList())));
    }

    @Transactional(readOnly = true)
    public Completeness completeness(Actor actor, String kindText, String monthText) {
        DataScope scope = DataVisibility.exportScope(actor);
        ExportKind kind = kind(kindText);
        YearMonth month = month(monthText);
        Extract extract = extract(scope, centreOf(scope), kind, month, scope.everyOrganisation(), keyOf(kind, scope));
        return new Completeness(kind, month, extract.cohort(), extract.patients(), extract.gaps());
    }

    /**
     * Starts an export in the background. A replay while the same export (kind, month, scope) runs answers that run and
     * starts nothing. Refused (422, with the gaps) while required fields are missing unless {@code withGaps}.
     */
    @Transactional
    public ExportRun start(Actor actor, Start request) {
        DataScope scope = DataVisibility.exportScope(actor);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        ExportKind kind = null;
        YearMonth month = null;
        ExportFormat format = ExportFormat.parse(request.format()).orElse(null);
        if (format == null) {
            problems.add(new ProblemException.FieldProblem("format", "Choose the file: CSV or JSON"));
        }
        try {
            kind = kind(request.kind());
            if (format == ExportFormat.JSON && !kind.offersJson()) {
                problems.add(new ProblemException.FieldProblem("format", kind.label() + " is exported as CSV only"));
            }
        } catch (ProblemException e) {
            problems.addAll(e.fieldProblems());
        }
        try {
            month = month(request.month());
        } catch (ProblemException e) {
            problems.addAll(e.fieldProblems());
        }
        String purpose = request.purpose() == null ? "" : request.purpose().strip();
        if (purpose.isEmpty() || purpose.length() > 200) {
            problems.add(new ProblemException.FieldProblem("purpose",
                    "Enter what the export is for, in up to 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return begin(actor, scope, kind, format, month, purpose, request.gapsAccepted(), null);
    }

    /** Starts an interrupted or failed export again, as a new run with the same request. */
    @Transactional
    public ExportRun restart(Actor actor, UUID id) {
        DataScope scope = DataVisibility.exportScope(actor);
        ExportRun previous = store.find(scope, id).orElseThrow(() -> new NotFoundException("export", id));
        if (!previous.restartable()) {
            throw ProblemException.conflict("export-not-restartable", "Only an interrupted or failed export can be "
                    + "started again; this one is " + previous.status().label().toLowerCase());
        }
        return begin(actor, scope, previous.kind(), previous.format(), previous.month(), previous.purpose(),
                previous.withGaps(), id);
    }

    private ExportRun begin(Actor actor, DataScope scope, ExportKind kind, ExportFormat format, YearMonth month,
            String purpose, boolean withGaps, UUID restartOf) {
        UUID centre = centreOf(scope);
        var running = store.running(kind, format, month, centre);
        if (running.isPresent()) {
            return running.get();
        }
        if (!withGaps) {
            Extract extract = extract(scope, centre, kind, month, scope.everyOrganisation(), keyOf(kind, scope));
            if (!extract.gaps().isEmpty()) {
                throw new ProblemException("export-has-gaps", 422, "Required fields are missing",
                        extract.gaps().size() + " required field(s) are missing; fix them, or export with the gaps "
                                + "listed in the manifest", List.of(), Map.of("gaps", extract.gaps()));
            }
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        if (!store.insertRunning(id, kind, format, month, purpose, centre, scope.everyOrganisation(), withGaps, actor, now,
                restartOf)) {
            // another request for the same export started it a moment ago: answer that one
            return store.running(kind, format, month, centre).orElseThrow(() -> ProblemException.conflict("export-running",
                    "The same export was started at the same moment; look for it in the history"));
        }
        ExportRun run = store.get(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind.name());
        after.put("format", format.name());
        after.put("month", month.toString());
        after.put("purpose", purpose);
        after.put("centre", centre == null ? "every centre" : centre.toString());
        after.put("pseudonymised", scope.everyOrganisation());
        after.put("withGaps", withGaps);
        if (restartOf != null) {
            after.put("restartOf", restartOf.toString());
        }
        audit.record(actor, restartOf == null ? "EXPORT_STARTED" : "EXPORT_RESTARTED", "RegistryExport",
                id.toString(), null, after, purpose);
        afterCommit(() -> jobs.submit(() -> runInBackground(id)));
        return run;
    }

    /** Runs a started export to its end: the file and its manifest, or a failure. */
    void runInBackground(UUID id) {
        running(id);
        try {
            run(id);
        } catch (RuntimeException e) {
            log.warn("Export {} failed", id, e);
            write.executeWithoutResult(status -> {
                if (store.fail(id, "The export failed: " + e.getClass().getSimpleName(), clock.instant())) {
                    audit.record(Actor.system("registry exports"), "EXPORT_FAILED", "RegistryExport", id.toString(),
                            null, Map.of("failure", e.getClass().getSimpleName()), null);
                }
            });
        } finally {
            stopped(id);
        }
    }

    /** The export is running on this instance (called through the bean, so that tests can say so too). */
    void running(UUID id) {
        inFlight.add(id);
    }

    void stopped(UUID id) {
        inFlight.remove(id);
    }

    /** The export's work, in the calling thread (tests call it to wait for the result). */
    void run(UUID id) {
        ExportRun run = store.get(id).orElseThrow();
        if (run.status() != ExportRun.Status.RUNNING) {
            return;
        }
        DataScope internal = DataVisibility.clinicalScope(Actor.system("registry exports"));
        byte[] key = key(keyPurpose(run.kind(), run.centreId() == null));
        // the data as committed when the read began (one REPEATABLE READ snapshot): that instant is the extraction time
        Snapshot snapshot = readSnapshot.execute(status -> {
            Instant extractedAt = clock.instant();
            return new Snapshot(extractedAt, extract(internal, run.centreId(), run.kind(), run.month(),
                    run.pseudonymised(), key));
        });
        Extract extract = snapshot.extract();
        int total = extract.patients();
        // the patients are read; the file is written from them next (the page shows 0 of n until it is complete)
        write.executeWithoutResult(status -> store.progress(id, 0, total, clock.instant()));
        byte[] file = extract.file(run.format(), documentJson);
        String sha256 = sha256(file);
        String fileName = fileName(run);
        String manifest = manifest(run, snapshot.extractedAt(), extract, sha256, fileName);
        write.executeWithoutResult(status -> {
            if (store.complete(id, snapshot.extractedAt(), clock.instant(), extract.rows().size(), sha256, fileName,
                    file, manifest)) {
                audit.record(Actor.system("registry exports"), "EXPORT_COMPLETED", "RegistryExport", id.toString(),
                        null, Map.of("rows", extract.rows().size(), "sha256", sha256), null);
            }
        });
    }

    /**
     * On start-up (and whenever called): every export still marked running whose job has stopped reporting is marked
     * interrupted — its file was never kept — and offered for restart.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void recoverInterrupted() {
        recoverStale();
    }

    /**
     * Every half minute: the exports running on this instance report that they are alive, and a running export whose
     * instance stopped is marked interrupted (so one left by an instance restarted within {@link #STALE_AFTER} does not
     * stay "running", holding back a new run of the same export, until the next start-up).
     */
    @Scheduled(initialDelayString = "${cartpath.exports.heartbeat-every:PT30S}",
            fixedDelayString = "${cartpath.exports.heartbeat-every:PT30S}")
    public void keepAliveAndRecover() {
        Instant now = clock.instant();
        for (UUID id : inFlight) {
            write.executeWithoutResult(status -> store.heartbeat(id, now));
        }
        recoverStale();
    }

    private void recoverStale() {
        write.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (UUID id : store.stale(now.minus(STALE_AFTER))) {
                if (store.markInterrupted(id, now)) {
                    audit.record(Actor.system("registry exports"), "EXPORT_INTERRUPTED", "RegistryExport",
                            id.toString(), null, Map.of("status", "INTERRUPTED"), "The application stopped");
                }
            }
        });
    }

    @Transactional(readOnly = true)
    public List<ExportRun> history(Actor actor) {
        return store.history(DataVisibility.exportScope(actor), HISTORY);
    }

    @Transactional(readOnly = true)
    public ExportRun get(Actor actor, UUID id) {
        return store.find(DataVisibility.exportScope(actor), id).orElseThrow(() -> new NotFoundException("export", id));
    }

    /** A finished export's file or manifest; 404 while it is not complete. */
    public record Download(String fileName, String contentType, byte[] content) {
    }

    @Transactional(readOnly = true)
    public Download file(Actor actor, UUID id) {
        ExportRun run = get(actor, id);
        ExportStore.Stored stored = store.stored(run.id()).orElseThrow(() -> new NotFoundException("export file", id));
        return new Download(stored.fileName(), run.format().contentType(), stored.file());
    }

    @Transactional(readOnly = true)
    public Download manifest(Actor actor, UUID id) {
        ExportRun run = get(actor, id);
        ExportStore.Stored stored = store.stored(run.id()).orElseThrow(() -> new NotFoundException("export file", id));
        return new Download(stored.fileName().replaceFirst("\\.[a-z]+$", "") + ".manifest.json", "application/json",
                stored.manifest().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether the actor may use exports at all (the navigation and the page ask this). */
    public static boolean allowed(Actor actor) {
        return DataVisibility.mayExport(actor);
    }

    // --- building

    record Extract(String cohort, int patients, List<String> header, List<List<String>> rows, List<Gap> gaps,
            Map<String, String> unfillable, String cutOff, List<Map<String, Object>> documents) {

        Extract(String cohort, int patients, List<String> header, List<List<String>> rows, List<Gap> gaps,
                Map<String, String> unfillable, String cutOff) {
            this(cohort, patients, header, rows, gaps, unfillable, cutOff, List.of());
        }

        byte[] file(ExportFormat format, JsonMapper json) {
            if (format == ExportFormat.CSV) {
                return Csv.write(header, rows);
            }
            StringBuilder lines = new StringBuilder();
            for (Map<String, Object> document : documents) {
                lines.append(json.writeValueAsString(document)).append('\n');
            }
            return lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private record Snapshot(Instant extractedAt, Extract extract) {
    }

    private Extract extract(DataScope scope, UUID centre, ExportKind kind, YearMonth month, boolean pseudonymised,
            byte[] key) {
        return switch (kind) {
            case SACT -> {
                List<SactPatient> patients = sources.sactPatients(scope, centre, month, zone,
                        patient -> Pseudonyms.of(key, patient));
                List<Gap> gaps = patients.stream().flatMap(p -> SactLayout.gaps(p, pseudonymised).stream()).toList();
                yield new Extract("Administrations of the CAR-T regimen (lymphodepletion and cells) in " + month
                        + " (Europe/London)", patients.size(), SactLayout.header(),
                        SactLayout.rows(patients, month, zone, pseudonymised), gaps, SactLayout.UNFILLABLE, null);
            }
            case CDF_OUTCOMES -> {
                LocalDate cutOff = month.atEndOfMonth();
                List<CdfPatient> patients = sources.cdfPatients(scope, centre, cutOff, zone,
                        patient -> Pseudonyms.of(key, patient));
                List<Gap> gaps = patients.stream().flatMap(p -> CdfLayout.gaps(p, cutOff, pseudonymised).stream())
                        .toList();
                yield new Extract("Patients approved by the national panel or infused by " + cutOff
                        + " (data cut-off)", patients.size(), CdfLayout.HEADER, CdfLayout.rows(patients, cutOff), gaps,
                        Map.of(), cutOff.toString());
            }
            case CIBMTR_4100 -> {
                LocalDate cutOff = month.atEndOfMonth();
                List<CibmtrFollowUp> forms = sources.cibmtrFollowUps(scope, centre, month, zone,
                        patient -> Pseudonyms.of(key, patient));
                List<Gap> gaps = forms.stream().flatMap(f -> CibmtrLayout.gaps(f, cutOff, pseudonymised).stream())
                        .toList();
                List<List<String>> rows = CibmtrLayout.rows(forms, cutOff, pseudonymised);
                yield new Extract("CIBMTR registry time points (Form 4100) due in " + month + " on a CIBMTR track",
                        (int) forms.stream().map(CibmtrFollowUp::caseId).distinct().count(), CibmtrLayout.HEADER,
                        rows, gaps, CibmtrLayout.UNFILLABLE, cutOff.toString(),
                        RegistryForm.documents(CibmtrLayout.FORM, kind, CibmtrLayout.HEADER, rows));
            }
            case CIBMTR_4000 -> infusionForms(CibmtrForms.F4000, kind, Registry.CIBMTR, scope, centre, month,
                    pseudonymised, key);
            case CIBMTR_4003 -> infusionForms(CibmtrForms.F4003, kind, Registry.CIBMTR, scope, centre, month,
                    pseudonymised, key);
            case CIBMTR_4006 -> infusionForms(CibmtrForms.F4006, kind, Registry.CIBMTR, scope, centre, month,
                    pseudonymised, key);
            case EBMT_MED_A -> infusionForms(EbmtForms.MED_A, kind, Registry.EBMT, scope, centre, month,
                    pseudonymised, key);
            case EBMT_FOLLOW_UP -> {
                LocalDate cutOff = month.atEndOfMonth();
                List<EbmtForms.FollowUp> forms = sources.followUps(scope, centre, month, zone,
                        patient -> Pseudonyms.of(key, patient), Registry.EBMT).stream()
                        .map(EbmtForms.FollowUp::of).toList();
                yield formExtract(EbmtForms.FOLLOW_UP, kind, "EBMT registry time points (day 100, 6 months, yearly)"
                        + " due in " + month + " on the EBMT track", forms, pseudonymised, cutOff);
            }
        };
    }

    /** A registry's infusion-time form for the patients infused in the month on the registry's track. */
    private Extract infusionForms(RegistryForm<RegistryPatient> form, ExportKind kind, Registry registry,
            DataScope scope, UUID centre, YearMonth month, boolean pseudonymised, byte[] key) {
        List<RegistryPatient> patients = sources.registryPatients(scope, centre, month, zone,
                patient -> Pseudonyms.of(key, patient), registry);
        return formExtract(form, kind, "Patients infused in " + month + " on the " + registry.label()
                + " follow-up track", patients, pseudonymised, month.atEndOfMonth());
    }

    /** The file, documents and gaps of a registry form's layout over its sources (ADR 0036). */
    private static <S extends RegistryForm.Subject> Extract formExtract(RegistryForm<S> form, ExportKind kind,
            String cohort, List<S> sources, boolean pseudonymised, LocalDate cutOff) {
        List<S> ordered = form.ordered(sources, pseudonymised);
        List<Gap> gaps = ordered.stream().flatMap(s -> form.gaps(s, pseudonymised).stream()).toList();
        return new Extract(cohort, (int) sources.stream().map(RegistryForm.Subject::caseId).distinct().count(),
                form.header(), form.rows(ordered, pseudonymised), gaps, form.unfillable(), cutOff.toString(),
                form.documents(ordered, pseudonymised, kind));
    }

    /** The key of the pseudonyms: one per export kind and audience (the national extract, or the centres'). */
    private static String keyPurpose(ExportKind kind, boolean national) {
        return kind.name() + (national ? ":national" : ":centre");
    }

    private byte[] keyOf(ExportKind kind, DataScope scope) {
        return key(keyPurpose(kind, scope.everyOrganisation()));
    }

    /** The purpose's key; made on first use, in its own audited transaction (the secret itself is never recorded). */
    private byte[] key(String purpose) {
        return store.pseudonymKey(purpose).orElseGet(() -> {
            write.executeWithoutResult(status -> {
                if (store.createPseudonymKey(purpose, clock.instant())) {
                    audit.record(Actor.system("registry exports"), "PSEUDONYM_KEY_CREATED", "PseudonymKey", purpose,
                            null, Map.of("purpose", purpose), null);
                }
            });
            return store.pseudonymKey(purpose).orElseThrow();
        });
    }

    private static UUID centreOf(DataScope scope) {
        return scope.everyOrganisation() ? null : scope.organisation().value();
    }

    private static String fileName(ExportRun run) {
        return run.kind().name().toLowerCase().replace('_', '-') + "-" + run.month()
                + (run.centreId() == null ? "-national" : "") + "." + run.format().extension();
    }

    private String manifest(ExportRun run, Instant extractedAt, Extract extract, String sha256, String fileName) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("specification", run.kind().specification());
        manifest.put("specificationVersion", run.kind().version());
        manifest.put("specificationSource", run.kind().source());
        manifest.put("exportId", run.id().toString());
        manifest.put("kind", run.kind().name());
        manifest.put("format", run.format().name());
        if (run.format() == ExportFormat.JSON) {
            manifest.put("formatRule", "JSON Lines: one JSON document per form and patient on each line (UTF-8, LF),"
                    + " keys in the layout's order; each answer carries the manual's question number");
        }
        manifest.put("month", run.month().toString());
        manifest.put("cohort", extract.cohort());
        if (extract.cutOff() != null) {
            manifest.put("dataCutOff", extract.cutOff());
        }
        manifest.put("scope", run.centreId() == null ? "every treatment centre" : "treatment centre " + run.centreId());
        manifest.put("pseudonymised", run.pseudonymised());
        manifest.put("purpose", run.purpose());
        manifest.put("requestedBy", run.requestedByName());
        manifest.put("requestedAt", run.requestedAt().toString());
        manifest.put("extractedAt", extractedAt.toString());
        manifest.put("extractionTimeRule", "the data are as committed at extractedAt (one repeatable-read snapshot); "
                + "extractedAt is kept here, never in the file, so the same data give the same file");
        manifest.put("file", fileName);
        manifest.put("sha256", sha256);
        manifest.put("rows", extract.rows().size());
        manifest.put("patients", extract.patients());
        manifest.put("columns", extract.header());
        manifest.put("unfillableFields", extract.unfillable());
        manifest.put("exportedWithGaps", run.withGaps());
        manifest.put("gaps", extract.gaps());
        return manifestJson.writeValueAsString(manifest) + "\n";
    }

    static String sha256(byte[] file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
