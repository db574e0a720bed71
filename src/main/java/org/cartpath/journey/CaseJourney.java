package org.cartpath.journey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.audit.AuditTrail;
import org.cartpath.catalogue.Catalogue;
import org.cartpath.identity.OrganisationManagement;
import org.cartpath.journey.internal.JourneyStore;
import org.cartpath.patient.NhsNumber;
import org.cartpath.patient.PatientId;
import org.cartpath.patient.PatientManagement;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.NotFoundException;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.OrganisationKind;
import org.cartpath.shared.Page;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public API of the journey. Stage modules call it inside their own transactions: a refused
 * transition (409 {@code illegal-transition}) rolls their change back with it. Every transition and note
 * appends exactly one timeline entry and one audit row.
 *
 * <p>Authorisation of the step itself (is this person the consultant who may confirm eligibility?) is the
 * calling module's; the journey checks that the actor's organisation is a party to the case.
 */
@Service
public class CaseJourney {

    private final JourneyStore store;
    private final AuditTrail audit;
    private final PatientManagement patients;
    private final OrganisationManagement organisations;
    private final ObjectProvider<CaseFinder> finders;
    private final ObjectProvider<StageWork> stageWork;
    private final CaseUrgency urgency;
    private final ApplicationEventPublisher events;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ZoneId zone;

    CaseJourney(JourneyStore store, AuditTrail audit, PatientManagement patients, OrganisationManagement organisations,
            ObjectProvider<CaseFinder> finders, ObjectProvider<StageWork> stageWork, CaseUrgency urgency,
            ApplicationEventPublisher events, Catalogue catalogue, Clock clock,
            @Value("${cartpath.time.zone:Europe/London}") String zone) {
        this.catalogue = catalogue;
        this.finders = finders;
        this.stageWork = stageWork;
        this.urgency = urgency;
        this.events = events;
        this.store = store;
        this.audit = audit;
        this.patients = patients;
        this.organisations = organisations;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Opens a case at stage REFERRED, with the referring hospital and the treating centre as its parties. */
    @Transactional
    public TherapyCase open(Actor actor, NewCase command) {
        if (command.patientId() == null || command.referringOrganisation() == null || command.treatingCentre() == null) {
            throw ProblemException.invalid("case", "patient, referring organisation and treating centre are required");
        }
        if (!command.referringOrganisation().equals(actor.organisationId())
                && !command.treatingCentre().equals(actor.organisationId()) && actor.type() != Actor.ActorType.INTERNAL) {
            throw ProblemException.forbidden("Only the referring hospital or the treating centre opens a case");
        }
        store.openCaseOfPatient(command.patientId()).ifPresent(existing -> {
            throw ProblemException.conflict("case-already-open",
                    "This patient already has an open case (" + existing.reference() + ") at stage '"
                            + existing.stage().label() + "'");
        });
        Instant now = Instant.now(clock);
        TherapyCase created = new TherapyCase(CaseId.random(), store.nextReference(LocalDate.now(clock.withZone(zone)).getYear()),
                command.patientId(), command.referringOrganisation(), command.treatingCentre(), command.productCode(),
                command.indication(), command.jurisdiction(), null, Stage.REFERRED, 0, now, now);
        try {
            store.insert(created);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("case-already-open", "This patient already has an open case");
        }
        store.addParty(created.id(), command.referringOrganisation(), PartyRole.REFERRING_HOSPITAL, now);
        store.addParty(created.id(), command.treatingCentre(), PartyRole.TREATING_CENTRE, now);
        store.append(created.id(), now, actor, "CASE_OPENED", null, Stage.REFERRED,
                command.summary() == null || command.summary().isBlank() ? "Case opened" : command.summary());
        java.util.Optional<CaseTask> first = openDefaultTask(created.id(), Stage.REFERRED, now);
        audit.record(actor, "CASE_OPENED", "TherapyCase", created.id().toString(), null, auditView(created), null);
        first.ifPresent(task -> auditTaskOpened(actor, task));
        events.publishEvent(CaseStageChanged.of(created, null, now));
        return created;
    }

    /**
     * Moves a case to the next stage. Refused with 409 {@code illegal-transition} (current stage named)
     * when the stage order does not allow it, and with 409 {@code stale-version} when {@code expectedVersion}
     * is given and the case has changed since.
     */
    @Transactional
    public TherapyCase advance(Actor actor, CaseId id, Stage to, String summary) {
        return transition(actor, id, to, summary, null, null);
    }

    /** As {@link #advance}, with the version the caller saw (If-Match). */
    @Transactional
    public TherapyCase advance(Actor actor, CaseId id, Stage to, String summary, int expectedVersion) {
        return transition(actor, id, to, summary, null, expectedVersion);
    }

    /** Ends a case: declined, withdrawn or deceased, always with a reason. */
    @Transactional
    public TherapyCase end(Actor actor, CaseId id, Stage ending, String reason) {
        if (ending == null || !ending.isEnding() || ending == Stage.COMPLETED) {
            throw ProblemException.invalid("ending", "must be DECLINED, WITHDRAWN or DECEASED");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "give the reason the case ends");
        }
        Stage from = store.find(id).map(TherapyCase::stage).orElse(null);
        TherapyCase ended = transition(actor, id, ending, ending.label() + ": " + reason.trim(), reason.trim(), null);
        events.publishEvent(new CaseEnded(id, ended.reference(), from, ending, reason.trim(), actor));
        return ended;
    }

    private TherapyCase transition(Actor actor, CaseId id, Stage to, String summary, String reason, Integer expectedVersion) {
        TherapyCase before = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("case", id));
        requireParty(actor, before);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw ProblemException.conflict("stale-version", "Case " + before.reference()
                    + " changed since you read it (now version " + before.version() + "); reload it");
        }
        Instant now = Instant.now(clock);
        TherapyCase after = before.moveTo(to, now);
        if (!store.update(after, before.version())) {
            throw ProblemException.conflict("stale-version", "Case " + before.reference() + " changed meanwhile; retry");
        }
        List<CaseTask> closed;
        java.util.Optional<CaseTask> opened = java.util.Optional.empty();
        if (to.isEnding()) {
            closed = store.closeAllTasks(id, now, actor.displayName());
        } else {
            closed = store.closeStageTasks(id, before.stage(), now, actor.displayName());
            opened = openDefaultTask(id, to, now);
        }
        store.append(id, now, actor, "STAGE_CHANGED", before.stage(), to,
                summary == null || summary.isBlank() ? to.label() : summary);
        audit.record(actor, "CASE_STAGE_CHANGED", "TherapyCase", id.toString(), auditView(before), auditView(after), reason);
        // the tasks the stage change closed and opened are state changes of their own: each has its audit row
        for (CaseTask task : closed) {
            audit.record(actor, "CASE_TASK_CLOSED", "TherapyCase", id.toString(), null, Map.of("taskId",
                    task.id().toString(), "task", task.title(), "closure", task.closure().name()), reason);
        }
        opened.ifPresent(task -> auditTaskOpened(actor, task));
        events.publishEvent(CaseStageChanged.of(after, before.stage(), now));
        return after;
    }

    /** Records what happened to a case without changing its stage (a label printed, a document added…). */
    @Transactional
    public void note(Actor actor, CaseId id, String kind, String summary) {
        TherapyCase therapyCase = store.find(id).orElseThrow(() -> new NotFoundException("case", id));
        requireParty(actor, therapyCase);
        if (kind == null || !kind.matches("[A-Z][A-Z0-9_]{2,60}") || summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("a note needs an UPPER_SNAKE_CASE kind and a summary");
        }
        Instant now = Instant.now(clock);
        store.append(id, now, actor, kind, null, null, summary.trim());
        audit.record(actor, kind, "TherapyCase", id.toString(), null, Map.of("summary", summary.trim()), null);
    }

    /** Records the product, indication, jurisdiction and the label version the case is assessed under. */
    @Transactional
    public TherapyCase assignProduct(Actor actor, CaseId id, String productCode, String indication, String jurisdiction,
            String labelVersionId) {
        TherapyCase before = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("case", id));
        requireParty(actor, before);
        TherapyCase after = before.withProduct(productCode, indication, jurisdiction, labelVersionId);
        if (!store.update(after, before.version())) {
            throw ProblemException.conflict("stale-version", "Case " + before.reference() + " changed meanwhile; retry");
        }
        store.append(id, Instant.now(clock), actor, "PRODUCT_ASSIGNED", null, null,
                "Assessed for " + catalogue.productName(productCode) + " (" + Catalogue.indicationName(indication) + ", "
                        + jurisdiction + ", label " + labelVersionId + ")");
        audit.record(actor, "CASE_PRODUCT_ASSIGNED", "TherapyCase", id.toString(), auditView(before), auditView(after), null);
        return after;
    }

    /**
     * Moves the case to another treating centre (the national panel allocates it by geography, capacity or
     * the patient's preference). The new centre becomes a party, is given access to the patient's record,
     * and the case appears on its worklist; the former centre keeps seeing the history it took part in.
     */
    @Transactional
    public TherapyCase transferToCentre(Actor actor, CaseId id, OrganisationId centre, String reason) {
        TherapyCase before = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("case", id));
        requireParty(actor, before);
        if (centre == null || organisations.directory().stream()
                .noneMatch(o -> o.id().equals(centre) && o.kind() == OrganisationKind.TREATMENT_CENTRE)) {
            throw ProblemException.invalid("treatingCentreId", "must be an active treatment centre");
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "give the reason the case moves to another centre");
        }
        if (centre.equals(before.treatingCentre())) {
            return before;
        }
        TherapyCase after = before.withTreatingCentre(centre);
        if (!store.updateTreatingCentre(after, before.version())) {
            throw ProblemException.conflict("stale-version", "Case " + before.reference() + " changed meanwhile; retry");
        }
        Instant now = Instant.now(clock);
        store.addParty(id, centre, PartyRole.TREATING_CENTRE, now);
        // the patient module's grant is a consequence of this transfer, made by cartpath on the actor's behalf
        patients.grantAccess(Actor.system("case transfer"), new PatientId(before.patientId()), centre,
                "Case " + before.reference() + " transferred: " + reason.trim());
        String centreName = organisations.directory().stream().filter(o -> o.id().equals(centre)).findFirst()
                .map(o -> o.name()).orElse(centre.toString());
        store.append(id, now, actor, "TREATING_CENTRE_CHANGED", null, null, "Treating centre changed to " + centreName);
        audit.record(actor, "CASE_TRANSFERRED", "TherapyCase", id.toString(),
                Map.of("treatingCentreId", before.treatingCentre().toString()),
                Map.of("treatingCentreId", centre.toString()), reason.trim());
        return after;
    }

    /** Lets another organisation see the case (the manufacturer once a slot is booked, the panel…). */
    @Transactional
    public void addParty(Actor actor, CaseId id, OrganisationId organisation, PartyRole role) {
        TherapyCase therapyCase = store.find(id).orElseThrow(() -> new NotFoundException("case", id));
        requireParty(actor, therapyCase);
        if (store.isParty(id, organisation, role)) {
            return;
        }
        store.addParty(id, organisation, role, Instant.now(clock));
        audit.record(actor, "CASE_PARTY_ADDED", "TherapyCase", id.toString(), null,
                Map.of("organisationId", organisation.toString(), "role", role.name()), null);
    }

    /** Opens a task with a precise due date; it stays open until someone closes it. */
    @Transactional
    public CaseTask openTask(Actor actor, CaseId id, String title, Role role, LocalDate dueOn) {
        return openTask(actor, id, title, role, dueOn, null);
    }

    /**
     * Opens a task with a precise due date (e.g. the apheresis day) that belongs to a stage: it closes by itself when
     * the case leaves {@code stage}, as the stage's default task does. {@code null}: it stays open until closed.
     */
    @Transactional
    public CaseTask openTask(Actor actor, CaseId id, String title, Role role, LocalDate dueOn, Stage stage) {
        TherapyCase therapyCase = store.find(id).orElseThrow(() -> new NotFoundException("case", id));
        requireParty(actor, therapyCase);
        CaseTask task = new CaseTask(UUID.randomUUID(), id, title, role, dueOn, Instant.now(clock), null, null);
        store.openTask(task, stage);
        audit.record(actor, "CASE_TASK_OPENED", "TherapyCase", id.toString(), null,
                Map.of("taskId", task.id().toString(), "task", title, "role", role.name(), "dueOn", String.valueOf(dueOn)),
                null);
        return task;
    }

    /** Closes a task whose work was done; idempotent (see {@link #closeTask(Actor, CaseId, UUID, CaseTask.Closure)}). */
    @Transactional
    public boolean closeTask(Actor actor, CaseId id, UUID taskId) {
        return closeTask(actor, id, taskId, CaseTask.Closure.DONE);
    }

    /**
     * Closes a task as done, replaced by a more precise one, or cancelled. Only a task whose work happened is closed
     * as done, so the case page never shows a step "Done" before its event (a booking replaces the stage's default
     * collection task with a dated one; the collection itself closes that one when the case leaves "Slot booked").
     * Idempotent: a task already closed (by a person, a stage change or another job) stays as it was and the answer is
     * {@code false}, so callers inside a transaction never need to catch a refusal (which would leave their
     * transaction rollback-only). 404 only for a task that is not the case's.
     */
    @Transactional
    public boolean closeTask(Actor actor, CaseId id, UUID taskId, CaseTask.Closure closure) {
        TherapyCase therapyCase = store.find(id).orElseThrow(() -> new NotFoundException("case", id));
        requireParty(actor, therapyCase);
        if (!store.closeTask(id, taskId, Instant.now(clock), actor.displayName(), closure)) {
            if (!store.hasTask(id, taskId)) {
                throw new NotFoundException("task", taskId);
            }
            return false;
        }
        audit.record(actor, "CASE_TASK_CLOSED", "TherapyCase", id.toString(), null,
                Map.of("taskId", taskId.toString(), "closure", closure.name()), null);
        return true;
    }

    /**
     * Closes the case's open tasks whose title starts with {@code titlePrefix}, when the work they ask for is done
     * (e.g. QA's acceptance of the lot); each closing is audited. Idempotent: none open, none closed.
     */
    @Transactional
    public int closeOpenTasks(Actor actor, CaseId id, String titlePrefix) {
        return closeOpenTasks(actor, id, titlePrefix, CaseTask.Closure.DONE);
    }

    /** As {@link #closeOpenTasks(Actor, CaseId, String)}, closed as {@code closure} (a task replaced by a newer one). */
    @Transactional
    public int closeOpenTasks(Actor actor, CaseId id, String titlePrefix, CaseTask.Closure closure) {
        TherapyCase therapyCase = store.find(id).orElseThrow(() -> new NotFoundException("case", id));
        requireParty(actor, therapyCase);
        int closed = 0;
        for (CaseTask task : store.tasks(id)) {
            if (task.isOpen() && task.title().startsWith(titlePrefix)
                    && store.closeTask(id, task.id(), Instant.now(clock), actor.displayName(), closure)) {
                audit.record(actor, "CASE_TASK_CLOSED", "TherapyCase", id.toString(), null,
                        Map.of("taskId", task.id().toString(), "task", task.title(), "closure", closure.name()), null);
                closed++;
            }
        }
        return closed;
    }

    // --- reading -------------------------------------------------------------------------------------

    /** The case as the actor may see it; 404 for anyone whose organisation is not a party. */
    @Transactional(readOnly = true)
    public CaseView get(Actor actor, CaseId id) {
        return find(actor, id).orElseThrow(() -> new NotFoundException("case", id));
    }

    /** The case as the actor may see it, or empty when there is none or the actor's organisation is not a party. */
    @Transactional(readOnly = true)
    public Optional<CaseView> find(Actor actor, CaseId id) {
        return store.find(id).flatMap(therapyCase -> {
            DataVisibility.Level level = DataVisibility.ofClinicalRecord(actor, store.parties(therapyCase));
            return level == DataVisibility.Level.NONE ? Optional.empty() : Optional.of(new CaseView(therapyCase, level));
        });
    }

    /**
     * The case as an organisation that was once a party in {@code role} sees it in that party's own records — the
     * national panel's past agenda items — after its reach over the case itself has ended ({@link PartyRole#reaches}).
     * Only for the module that keeps those records; never a way into the case's later records. 404 otherwise.
     */
    @Transactional(readOnly = true)
    public CaseView getAsParty(Actor actor, CaseId id, PartyRole role) {
        TherapyCase therapyCase = store.find(id).orElseThrow(() -> new NotFoundException("case", id));
        if (actor.organisationId() == null || !store.isParty(id, actor.organisationId(), role)) {
            throw new NotFoundException("case", id);
        }
        DataVisibility.Level level = DataVisibility.ofClinicalRecord(actor, Set.of(actor.organisationId()));
        return new CaseView(therapyCase, level);
    }

    /**
     * The case's timeline. Manufacturers and couriers see it pseudonymised: the stage changes only, each with
     * the stage's name, never the free text of notes and summaries, which may name the patient.
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(Actor actor, CaseId id) {
        CaseView view = get(actor, id);
        List<TimelineEntry> entries = store.timeline(id);
        if (view.identityVisible()) {
            return entries;
        }
        return entries.stream()
                .filter(e -> e.toStage() != null)
                .map(e -> new TimelineEntry(e.caseId(), e.sequence(), e.at(), e.actorName(), e.organisationName(), e.kind(),
                        e.fromStage(), e.toStage(), e.fromStage() == null ? "Case opened" : "Moved to '" + e.toStage().label() + "'"))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<CaseTask> tasks(Actor actor, CaseId id) {
        get(actor, id);
        return store.tasks(id);
    }

    /** The cases of a patient, for the patient's page (the caller has already checked it may see the patient). */
    @Transactional(readOnly = true)
    public List<TherapyCase> casesOfPatient(Actor actor, UUID patientId) {
        return store.casesOfPatient(patientId).stream()
                .filter(c -> DataVisibility.ofClinicalRecord(actor, store.parties(c)) == DataVisibility.Level.FULL)
                .toList();
    }

    /** Cases the actor's organisation is a party to, newest first. */
    @Transactional(readOnly = true)
    public Page<CaseView> cases(Actor actor, Stage stage, Page.Request request) {
        if (actor.organisationId() == null) {
            return new Page<>(List.of(), request.page(), request.size(), 0);
        }
        DataVisibility.Level level = actor.organisationKind().seesPatientIdentity() ? DataVisibility.Level.FULL
                : DataVisibility.Level.PSEUDONYMISED;
        List<CaseView> items = store.casesOfParty(DataVisibility.clinicalScope(actor), stage, request.size(), request.offset())
                .stream().map(c -> new CaseView(c, level)).toList();
        return new Page<>(items, request.page(), request.size(), store.countCasesOfParty(DataVisibility.clinicalScope(actor), stage));
    }

    /** The actor's treating centre's cases at the given stages (for overviews such as manufacturing status). */
    @Transactional(readOnly = true)
    public List<TherapyCase> casesAtCentre(Actor actor, java.util.Set<Stage> stages) {
        requireCentreStaff(actor);
        return store.casesAtCentre(DataVisibility.clinicalScope(actor), stages);
    }

    /** When the case last entered a stage, from its timeline (e.g. the collection date), if it ever did. */
    @Transactional(readOnly = true)
    public java.util.Optional<Instant> enteredStageAt(Actor actor, CaseId id, Stage stage) {
        get(actor, id);
        return store.timeline(id).stream().filter(e -> e.toStage() == stage).reduce((a, b) -> b).map(TimelineEntry::at);
    }

    /**
     * A line of the coordinator's worklist: the case and its most urgent open task.
     *
     * @param urgent the case comes first in the list ({@link CaseUrgency})
     */
    public record WorklistItem(TherapyCase therapyCase, CaseTask nextTask, boolean overdue, boolean urgent) {
    }

    /**
     * The treatment centre's open cases by urgency: urgent cases first ({@link CaseUrgency}), then overdue tasks
     * (ADR 0008), then by due date. {@code q} finds cases by reference (any part of it), or by the patient's NHS
     * number or name as the patient module's search finds them among the patients the centre may see (at most
     * {@link #SEARCHED_PATIENTS}; each one found is logged as read, purpose "search").
     */
    @Transactional
    public Page<WorklistItem> worklist(Actor actor, Stage stage, String product, String q, Page.Request request) {
        requireCentreStaff(actor);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String term = q == null || q.isBlank() ? null : q.trim();
        String prod = product == null || product.isBlank() ? null : product.trim();
        List<UUID> found = term == null ? List.of() : patientsMatching(actor, term);
        List<UUID> cases = term == null ? List.of() : finders.orderedStream()
                .flatMap(finder -> finder.casesMatching(actor, term).stream()).map(CaseId::value).distinct().toList();
        java.util.Set<CaseId> urgent = urgentAtCentre(actor);
        List<WorklistItem> items = store.worklist(DataVisibility.clinicalScope(actor), stage, prod, term, found, cases, urgent,
                        request.size(), request.offset())
                .stream()
                .map(row -> new WorklistItem(row.therapyCase(), row.nextTask(),
                        row.nextTask() != null && row.nextTask().overdueOn(today), urgent.contains(row.therapyCase().id())))
                .toList();
        return new Page<>(items, request.page(), request.size(),
                store.worklistSize(DataVisibility.clinicalScope(actor), stage, prod, term, found, cases));
    }

    /** How many patients a worklist search by name or NHS number looks at. */
    public static final int SEARCHED_PATIENTS = Page.MAX_SIZE;

    /** Patients the actor's organisation sees whose NHS number is {@code term}, or whose names start with its words. */
    private List<UUID> patientsMatching(Actor actor, String term) {
        boolean nhsNumber = term.matches("[0-9 \\-]+") && NhsNumber.problemIn(term).isEmpty();
        // a case reference (CP-2026-00042) or a part of it is not a name
        boolean name = !nhsNumber && term.length() >= 2 && term.length() <= 100 && term.matches(".*\\p{L}.*")
                && !term.toUpperCase(java.util.Locale.ROOT).startsWith("CP-");
        // a role that may not read patients (the administrator) searches by reference only; asked first, because
        // catching the patient module's refusal would leave this transaction rollback-only (a 500 on commit)
        if (!nhsNumber && !name || !patients.maySearch(actor)) {
            return List.of();
        }
        return patients.search(actor, nhsNumber ? term : null, nhsNumber ? null : term,
                new Page.Request(0, SEARCHED_PATIENTS)).items().stream().map(p -> p.id().value()).toList();
    }

    /**
     * The open tasks waiting for {@code roles} (those the actor holds; any role's for a coordinator, who follows every
     * step) at the actor's treating centre, urgent cases first ({@link CaseUrgency}), then overdue and soonest due: a
     * role's work queue. Each item's task is the task itself, not the case's next one.
     */
    @Transactional(readOnly = true)
    public List<WorklistItem> openTasksFor(Actor actor, java.util.Set<Role> roles, int limit) {
        return openTasksFor(actor, roles, new Page.Request(0, Math.max(1, Math.min(limit, Page.MAX_SIZE)))).items();
    }

    /** As {@link #openTasksFor(Actor, java.util.Set, int)}, page by page, with how many there are in all. */
    @Transactional(readOnly = true)
    public Page<WorklistItem> openTasksFor(Actor actor, java.util.Set<Role> roles, Page.Request request) {
        requireCentreStaff(actor);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // the coordinator follows every step of the centre's cases; everyone else sees the tasks of their own roles
        java.util.Set<Role> own = roles.stream().filter(r -> actor.hasRole(r) || actor.hasRole(Role.COORDINATOR))
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<CaseId> urgent = own.isEmpty() ? java.util.Set.of() : urgentAtCentre(actor);
        List<WorklistItem> items = store.openTasks(DataVisibility.clinicalScope(actor), own, urgent, request.size(), request.offset())
                .stream()
                .map(row -> new WorklistItem(row.therapyCase(), row.nextTask(), row.nextTask().overdueOn(today),
                        urgent.contains(row.therapyCase().id())))
                .toList();
        return new Page<>(items, request.page(), request.size(), store.countOpenTasks(DataVisibility.clinicalScope(actor), own));
    }

    /** The urgent ones among the open cases of the actor's treating centre, for the lists' ORDER BY. */
    private java.util.Set<CaseId> urgentAtCentre(Actor actor) {
        return urgency.urgentAmong(actor, store.openCaseIds(DataVisibility.clinicalScope(actor)));
    }

    /** Open cases per stage at the actor's treating centre, in journey order. */
    @Transactional(readOnly = true)
    public Map<Stage, Long> countsByStage(Actor actor) {
        requireCentreStaff(actor);
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        store.countsByStage(DataVisibility.clinicalScope(actor)).forEach(row -> counts.put((Stage) row[0], (Long) row[1]));
        Map<Stage, Long> ordered = new LinkedHashMap<>();
        for (Stage stage : Stage.path()) {
            if (stage != Stage.COMPLETED) {
                ordered.put(stage, counts.getOrDefault(stage, 0L));
            }
        }
        return ordered;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private void requireParty(Actor actor, TherapyCase therapyCase) {
        if (actor.type() == Actor.ActorType.INTERNAL) {
            return;
        }
        if (DataVisibility.ofClinicalRecord(actor, store.parties(therapyCase)) == DataVisibility.Level.NONE) {
            throw new NotFoundException("case", therapyCase.id());
        }
    }

    private static void requireCentreStaff(Actor actor) {
        if (actor.organisationKind() != OrganisationKind.TREATMENT_CENTRE) {
            throw ProblemException.forbidden("The worklist is for treatment centre staff");
        }
    }

    /** Opens the stage's default task, unless a stage module says its work was already done (see {@link StageWork}). */
    private java.util.Optional<CaseTask> openDefaultTask(CaseId id, Stage stage, Instant now) {
        if (stageWork.orderedStream().anyMatch(w -> w.alreadyDone(id, stage))) {
            return java.util.Optional.empty();
        }
        return StageTasks.forStage(stage).map(d -> {
            CaseTask task = new CaseTask(UUID.randomUUID(), id, d.title(), d.role(),
                    LocalDate.ofInstant(now, zone).plusDays(d.dueInDays()), now, null, null);
            store.openTask(task, stage);
            return task;
        });
    }

    private void auditTaskOpened(Actor actor, CaseTask task) {
        audit.record(actor, "CASE_TASK_OPENED", "TherapyCase", task.caseId().toString(), null, Map.of("taskId",
                task.id().toString(), "task", task.title(), "role", task.role().name(), "dueOn",
                String.valueOf(task.dueOn())), null);
    }

    static Map<String, Object> auditView(TherapyCase c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", c.reference());
        view.put("stage", c.stage().name());
        view.put("productCode", c.productCode());
        view.put("indication", c.indication());
        view.put("jurisdiction", c.jurisdiction());
        view.put("labelVersionId", c.labelVersionId());
        view.put("version", c.version());
        return view;
    }
}
