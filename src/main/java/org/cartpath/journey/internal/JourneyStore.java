package org.cartpath.journey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cartpath.journey.CaseId;
import org.cartpath.journey.CaseTask;
import org.cartpath.journey.PartyRole;
import org.cartpath.journey.Stage;
import org.cartpath.journey.TherapyCase;
import org.cartpath.journey.TimelineEntry;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for cases, parties, timeline and tasks. Queries that list cases take the organisation in scope. */
@Repository
public class JourneyStore {

    private final JdbcClient jdbc;

    JourneyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String nextReference(int year) {
        long n = jdbc.sql("select nextval('therapy_case_reference_seq')").query(Long.class).single();
        return String.format("CP-%d-%05d", year, n);
    }

    public void insert(TherapyCase c) {
        jdbc.sql("""
                insert into therapy_case (id, reference, patient_id, referring_organisation_id, treating_centre_id,
                    product_code, indication, jurisdiction, label_version_id, stage, version, opened_at, stage_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id().value(), c.reference(), c.patientId(), c.referringOrganisation().value(),
                        c.treatingCentre().value(), c.productCode(), c.indication(), c.jurisdiction(),
                        c.labelVersionId(), c.stage().name(), c.version(), Timestamp.from(c.openedAt()),
                        Timestamp.from(c.stageChangedAt()))
                .update();
    }

    /** Saves a changed case if nobody changed it since it was read; false otherwise. */
    public boolean update(TherapyCase c, int expectedVersion) {
        return jdbc.sql("""
                update therapy_case set stage = ?, version = ?, stage_changed_at = ?, product_code = ?, indication = ?,
                    jurisdiction = ?, label_version_id = ?
                where id = ? and version = ?""")
                .params(c.stage().name(), c.version(), Timestamp.from(c.stageChangedAt()), c.productCode(),
                        c.indication(), c.jurisdiction(), c.labelVersionId(), c.id().value(), expectedVersion)
                .update() == 1;
    }

    public boolean updateTreatingCentre(TherapyCase c, int expectedVersion) {
        return jdbc.sql("update therapy_case set treating_centre_id = ?, version = ? where id = ? and version = ?")
                .params(c.treatingCentre().value(), c.version(), c.id().value(), expectedVersion)
                .update() == 1;
    }

    public Optional<TherapyCase> find(CaseId id) {
        return jdbc.sql("select * from therapy_case where id = ?").param(id.value()).query(JourneyStore::therapyCase)
                .optional();
    }

    public Optional<TherapyCase> findForUpdate(CaseId id) {
        return jdbc.sql("select * from therapy_case where id = ? for update").param(id.value())
                .query(JourneyStore::therapyCase).optional();
    }

    public Optional<TherapyCase> openCaseOfPatient(UUID patientId) {
        return jdbc.sql("""
                select * from therapy_case where patient_id = ?
                  and stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')""")
                .param(patientId).query(JourneyStore::therapyCase).optional();
    }

    public List<TherapyCase> casesOfPatient(UUID patientId) {
        return jdbc.sql("select * from therapy_case where patient_id = ? order by opened_at").param(patientId)
                .query(JourneyStore::therapyCase).list();
    }

    // --- parties -------------------------------------------------------------------------------------

    public void addParty(CaseId id, OrganisationId organisation, PartyRole role, Instant at) {
        jdbc.sql("""
                insert into case_party (case_id, organisation_id, role, added_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(id.value(), organisation.value(), role.name(), Timestamp.from(at))
                .update();
    }

    /** The organisations whose party role still reaches the case at its current stage ({@link PartyRole#reaches}). */
    public Set<OrganisationId> parties(TherapyCase therapyCase) {
        return jdbc.sql("select organisation_id, role from case_party where case_id = ?").param(therapyCase.id().value())
                .query((row, n) -> Map.entry(new OrganisationId(row.getObject("organisation_id", UUID.class)),
                        PartyRole.valueOf(row.getString("role"))))
                .list().stream().filter(party -> party.getValue().reaches(therapyCase.stage())).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isParty(CaseId id, OrganisationId organisation, PartyRole role) {
        return jdbc.sql("select count(*) from case_party where case_id = ? and organisation_id = ? and role = ?")
                .params(id.value(), organisation.value(), role.name()).query(Long.class).single() > 0;
    }

    // --- timeline ------------------------------------------------------------------------------------

    public int append(CaseId id, Instant at, Actor actor, String kind, Stage from, Stage to, String summary) {
        int sequence = jdbc.sql("select coalesce(max(sequence), 0) + 1 from case_timeline where case_id = ?")
                .param(id.value()).query(Integer.class).single();
        jdbc.sql("""
                insert into case_timeline (case_id, sequence, at, actor_id, actor_name, organisation_name, kind,
                    from_stage, to_stage, summary)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), sequence, Timestamp.from(at), actor.id(), actor.displayName(),
                        actor.organisationName(), kind, from == null ? null : from.name(), to == null ? null : to.name(),
                        summary)
                .update();
        return sequence;
    }

    public List<TimelineEntry> timeline(CaseId id) {
        return jdbc.sql("select * from case_timeline where case_id = ? order by sequence").param(id.value())
                .query((row, n) -> new TimelineEntry(new CaseId(row.getObject("case_id", UUID.class)),
                        row.getInt("sequence"), row.getTimestamp("at").toInstant(), row.getString("actor_name"),
                        row.getString("organisation_name"), row.getString("kind"), stage(row, "from_stage"),
                        stage(row, "to_stage"), row.getString("summary")))
                .list();
    }

    // --- tasks ---------------------------------------------------------------------------------------

    public void openTask(CaseTask task, Stage stage) {
        jdbc.sql("""
                insert into case_task (id, case_id, title, role, stage, due_on, opened_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(task.id(), task.caseId().value(), task.title(), task.role().name(),
                        stage == null ? null : stage.name(), task.dueOn(), Timestamp.from(task.openedAt()))
                .update();
    }

    /** Closes the open tasks that belonged to a stage the case has left: their work is done. */
    public List<CaseTask> closeStageTasks(CaseId id, Stage stage, Instant at, String by) {
        return jdbc.sql("update case_task set closed_at = ?, closed_by = ?, closed_as = 'DONE' where case_id = ?"
                        + " and stage = ? and closed_at is null returning *")
                .params(Timestamp.from(at), by, id.value(), stage.name())
                .query(JourneyStore::task).list();
    }

    /** Closes every open task of a case that ended: their work will not happen. */
    public List<CaseTask> closeAllTasks(CaseId id, Instant at, String by) {
        return jdbc.sql("update case_task set closed_at = ?, closed_by = ?, closed_as = 'CANCELLED' where case_id = ?"
                        + " and closed_at is null returning *")
                .params(Timestamp.from(at), by, id.value())
                .query(JourneyStore::task).list();
    }

    public boolean closeTask(CaseId id, UUID taskId, Instant at, String by, CaseTask.Closure closure) {
        return jdbc.sql("update case_task set closed_at = ?, closed_by = ?, closed_as = ? where case_id = ? and id = ?"
                        + " and closed_at is null")
                .params(Timestamp.from(at), by, closure.name(), id.value(), taskId)
                .update() == 1;
    }

    public boolean hasTask(CaseId id, UUID taskId) {
        return jdbc.sql("select count(*) from case_task where case_id = ? and id = ?").params(id.value(), taskId)
                .query(Long.class).single() > 0;
    }

    public List<CaseTask> tasks(CaseId id) {
        return jdbc.sql("select * from case_task where case_id = ? order by closed_at nulls first, due_on, opened_at")
                .param(id.value()).query(JourneyStore::task).list();
    }

    // --- worklist ------------------------------------------------------------------------------------

    /** A case in the worklist with its most urgent open task. */
    public record WorklistRow(TherapyCase therapyCase, CaseTask nextTask) {
    }

    /** The ids of the open cases the scope treats. */
    public List<CaseId> openCaseIds(DataScope scope) {
        return scope.bind(jdbc.sql("select id from therapy_case where " + scope.owns("treating_centre_id")
                        + " and stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')"))
                .query((row, n) -> new CaseId(row.getObject(1, UUID.class))).list();
    }

    /**
     * Open cases of which {@code organisation} is the treating centre, with each case's most urgent task; the
     * {@code urgent} cases first (journey's {@code CaseUrgency}), then cases with an overdue task, then by due date,
     * then oldest stage change.
     */
    public List<WorklistRow> worklist(DataScope scope, Stage stage, String product, String reference,
            List<UUID> patients, List<UUID> cases, Set<CaseId> urgent, int limit, int offset) {
        return urgentParam(worklistParams(jdbc.sql("""
                select c.*, t.id as task_id, t.title as task_title, t.role as task_role, t.due_on as task_due_on,
                       t.opened_at as task_opened_at
                from therapy_case c
                left join lateral (select * from case_task t where t.case_id = c.id and t.closed_at is null
                                   order by t.due_on nulls last, t.opened_at limit 1) t on true
                where %s
                  and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')
                  and (cast(:stage as text) is null or c.stage = :stage)
                  and (cast(:product as text) is null or c.product_code = :product)
                  and (cast(:reference as text) is null or %s)
                order by %s t.due_on nulls last, c.stage_changed_at, c.reference
                limit :limit offset :offset""".formatted(scope.owns("c.treating_centre_id"), search(patients, cases),
                        urgentFirst(urgent))), scope,
                stage, product, reference, patients, cases), urgent)
                .param("limit", limit)
                .param("offset", offset)
                .query((row, n) -> new WorklistRow(therapyCase(row, n), row.getObject("task_id") == null ? null
                        : new CaseTask(row.getObject("task_id", UUID.class), new CaseId(row.getObject("id", UUID.class)),
                                row.getString("task_title"), Role.valueOf(row.getString("task_role")),
                                localDate(row, "task_due_on"), row.getTimestamp("task_opened_at").toInstant(), null, null)))
                .list();
    }

    public long worklistSize(DataScope scope, Stage stage, String product, String reference,
            List<UUID> patients, List<UUID> cases) {
        return worklistParams(jdbc.sql("""
                select count(*) from therapy_case c
                where %s
                  and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')
                  and (cast(:stage as text) is null or c.stage = :stage)
                  and (cast(:product as text) is null or c.product_code = :product)
                  and (cast(:reference as text) is null or %s)""".formatted(scope.owns("c.treating_centre_id"),
                        search(patients, cases))), scope,
                stage, product, reference, patients, cases)
                .query(Long.class).single();
    }

    /**
     * The search term matches the case reference, or the case is of one of the patients the term found, or is one
     * of the cases a finder found (by chain-of-identity number).
     */
    private static String search(List<UUID> patients, List<UUID> cases) {
        return "(c.reference ilike :reference" + (patients.isEmpty() ? "" : " or c.patient_id in (:patients)")
                + (cases.isEmpty() ? "" : " or c.id in (:cases)") + ")";
    }

    /** The ORDER BY term that puts the urgent cases first (true sorts after false, hence DESC); none without any. */
    private static String urgentFirst(Set<CaseId> urgent) {
        return urgent.isEmpty() ? "" : "(c.id in (:urgent)) desc,";
    }

    private static JdbcClient.StatementSpec urgentParam(JdbcClient.StatementSpec spec, Set<CaseId> urgent) {
        return urgent.isEmpty() ? spec : spec.param("urgent", urgent.stream().map(CaseId::value).toList());
    }

    private static JdbcClient.StatementSpec worklistParams(JdbcClient.StatementSpec sql, DataScope scope,
            Stage stage, String product, String reference, List<UUID> patients, List<UUID> cases) {
        JdbcClient.StatementSpec spec = scope.bind(sql)
                .param("stage", stage == null ? null : stage.name())
                .param("product", product)
                .param("reference", reference == null ? null : "%" + reference + "%");
        if (!patients.isEmpty()) {
            spec = spec.param("patients", patients);
        }
        return cases.isEmpty() ? spec : spec.param("cases", cases);
    }

    /**
     * Open tasks for any of {@code roles} on the open cases of a treating centre, with their cases: the {@code urgent}
     * cases' tasks first (journey's {@code CaseUrgency}), then overdue first, then by due date (no date last), then
     * oldest.
     */
    public List<WorklistRow> openTasks(DataScope scope, Set<Role> roles, Set<CaseId> urgent, int limit, int offset) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return scope.bind(urgentParam(jdbc.sql("""
                select c.*, t.id as task_id, t.title as task_title, t.role as task_role, t.due_on as task_due_on,
                       t.opened_at as task_opened_at
                from case_task t join therapy_case c on c.id = t.case_id
                where %s and t.closed_at is null and t.role in (:roles)
                  and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')
                order by %s t.due_on nulls last, t.opened_at, c.reference, t.id
                limit :limit offset :offset""".formatted(scope.owns("c.treating_centre_id"), urgentFirst(urgent))),
                urgent))
                .param("roles", roles.stream().map(Role::name).toList())
                .param("limit", limit)
                .param("offset", offset)
                .query((row, n) -> new WorklistRow(therapyCase(row, n),
                        new CaseTask(row.getObject("task_id", UUID.class), new CaseId(row.getObject("id", UUID.class)),
                                row.getString("task_title"), Role.valueOf(row.getString("task_role")),
                                localDate(row, "task_due_on"), row.getTimestamp("task_opened_at").toInstant(), null, null)))
                .list();
    }

    /** How many open tasks {@link #openTasks} lists in all. */
    public long countOpenTasks(DataScope scope, Set<Role> roles) {
        if (roles.isEmpty()) {
            return 0;
        }
        return scope.bind(jdbc.sql("""
                select count(*) from case_task t join therapy_case c on c.id = t.case_id
                where t.closed_at is null and t.role in (:roles)
                  and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED') and\s"""
                        + scope.owns("c.treating_centre_id")))
                .param("roles", roles.stream().map(Role::name).toList())
                .query(Long.class).single();
    }

    /** Open cases per stage at a treating centre. */
    public List<Object[]> countsByStage(DataScope scope) {
        return scope.bind(jdbc.sql("""
                select stage, count(*) from therapy_case
                where stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED') and\s"""
                        + scope.owns("treating_centre_id") + " group by stage"))
                .query((row, n) -> new Object[] {Stage.valueOf(row.getString(1)), row.getLong(2)})
                .list();
    }

    public List<TherapyCase> casesAtCentre(DataScope scope, Set<Stage> stages) {
        if (stages.isEmpty()) {
            return List.of();
        }
        return scope.bind(jdbc.sql("select * from therapy_case where " + scope.owns("treating_centre_id")
                        + " and stage in (:stages) order by stage_changed_at"))
                .param("stages", stages.stream().map(Stage::name).toList())
                .query(JourneyStore::therapyCase).list();
    }

    /** Every case the scope reaches as a party, newest first. */
    public List<TherapyCase> casesOfParty(DataScope scope, Stage stage, int limit, int offset) {
        return scope.bind(jdbc.sql("""
                select c.* from therapy_case c
                where %s
                  and (cast(:stage as text) is null or c.stage = :stage)
                order by c.opened_at desc, c.reference
                limit :limit offset :offset""".formatted(scope.reachesCase("c.id"))))
                .param("stage", stage == null ? null : stage.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(JourneyStore::therapyCase).list();
    }

    public long countCasesOfParty(DataScope scope, Stage stage) {
        return scope.bind(jdbc.sql("""
                select count(*) from therapy_case c
                where %s
                  and (cast(:stage as text) is null or c.stage = :stage)""".formatted(scope.reachesCase("c.id"))))
                .param("stage", stage == null ? null : stage.name())
                .query(Long.class).single();
    }

    // --- mapping -------------------------------------------------------------------------------------

    static TherapyCase therapyCase(ResultSet row, int n) throws SQLException {
        return new TherapyCase(
                new CaseId(row.getObject("id", UUID.class)),
                row.getString("reference"),
                row.getObject("patient_id", UUID.class),
                new OrganisationId(row.getObject("referring_organisation_id", UUID.class)),
                new OrganisationId(row.getObject("treating_centre_id", UUID.class)),
                row.getString("product_code"),
                row.getString("indication"),
                row.getString("jurisdiction"),
                row.getString("label_version_id"),
                Stage.valueOf(row.getString("stage")),
                row.getInt("version"),
                row.getTimestamp("opened_at").toInstant(),
                row.getTimestamp("stage_changed_at").toInstant());
    }

    static CaseTask task(ResultSet row, int n) throws SQLException {
        Timestamp closed = row.getTimestamp("closed_at");
        return new CaseTask(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getString("title"), Role.valueOf(row.getString("role")), localDate(row, "due_on"),
                row.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(),
                row.getString("closed_by"), closed == null ? null
                        : row.getString("closed_as") == null ? CaseTask.Closure.DONE : CaseTask.Closure.valueOf(row.getString("closed_as")));
    }

    private static Stage stage(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : Stage.valueOf(value);
    }

    private static LocalDate localDate(ResultSet row, String column) throws SQLException {
        java.sql.Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
