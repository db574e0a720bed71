package org.cartpath.followup.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.followup.PlannedTimepoint;
import org.cartpath.followup.PlannedVisit;
import org.cartpath.followup.schedule.ClinicSchedule;
import org.cartpath.followup.schedule.RegistryTimepoint;
import org.cartpath.followup.schedule.RegistryTimepointName;
import org.cartpath.followup.schedule.RegistryTrack;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for follow-up plans, their registry time points, clinic visits and the centres' clinic schedules. */
@Repository
public class PlanStore {

    /** The plan's own columns. */
    public record PlanRow(CaseId caseId, LocalDate dayZero, String productCode, RegistryTrack track, String trackBasis,
            String clinicBasis, int version) {
    }

    /** A time point or visit that may need a reminder, with the case it belongs to. */
    public record ReminderCandidate(CaseId caseId, String key) {
    }

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(CaseId id) {
        return jdbc.sql("select count(*) from followup_plan where case_id = ?").param(id.value()).query(Long.class)
                .single() > 0;
    }

    public void insertPlan(CaseId id, LocalDate dayZero, String productCode, RegistryTrack track, String trackBasis,
            String clinicBasis, Instant now) {
        jdbc.sql("""
                insert into followup_plan (case_id, day_zero, product_code, track, track_basis, clinic_basis, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), dayZero, productCode, track.name(), trackBasis, clinicBasis, Timestamp.from(now))
                .update();
    }

    public void insertTimepoint(CaseId id, RegistryTrack track, RegistryTimepoint t) {
        jdbc.sql("""
                insert into followup_registry_timepoint (case_id, name, track, due_date, window_start, window_end, status)
                values (?, ?, ?, ?, ?, ?, 'PLANNED')""")
                .params(id.value(), t.name().code(), track.name(), t.dueDate(), t.windowStart(), t.windowEnd())
                .update();
    }

    public void insertVisit(CaseId id, ClinicSchedule.Visit visit) {
        jdbc.sql("""
                insert into followup_clinic_visit (case_id, visit_key, label, due_date, status)
                values (?, ?, ?, ?, 'PLANNED')""")
                .params(id.value(), visit.key(), visit.label(), visit.dueDate()).update();
    }

    public Optional<PlanRow> find(CaseId id) {
        return jdbc.sql("select * from followup_plan where case_id = ?").param(id.value()).query(PlanStore::plan)
                .optional();
    }

    public Optional<PlanRow> findForUpdate(CaseId id) {
        return jdbc.sql("select * from followup_plan where case_id = ? for update").param(id.value())
                .query(PlanStore::plan).optional();
    }

    public List<PlannedTimepoint> timepoints(CaseId id) {
        return jdbc.sql("select * from followup_registry_timepoint where case_id = ? order by due_date")
                .param(id.value()).query(PlanStore::timepoint).list();
    }

    public List<PlannedVisit> visits(CaseId id) {
        return jdbc.sql("select * from followup_clinic_visit where case_id = ? order by due_date")
                .param(id.value()).query(PlanStore::visit).list();
    }

    /** Removes the time points still planned and answers the reminder tasks they had opened. */
    public List<UUID> deletePlannedTimepoints(CaseId id) {
        List<UUID> tasks = new ArrayList<>();
        jdbc.sql("""
                delete from followup_registry_timepoint where case_id = ? and status = 'PLANNED'
                returning window_task_id, overdue_task_id""")
                .param(id.value()).query((rs, n) -> {
                    addIfPresent(tasks, rs.getObject("window_task_id", UUID.class));
                    addIfPresent(tasks, rs.getObject("overdue_task_id", UUID.class));
                    return n;
                }).list();
        return tasks;
    }

    public void updateTrack(CaseId id, RegistryTrack track, String basis, Instant now) {
        jdbc.sql("""
                update followup_plan set track = ?, track_basis = ?, track_changed_at = ?, version = version + 1
                where case_id = ?""")
                .params(track.name(), basis, Timestamp.from(now), id.value()).update();
    }

    /** Marks a planned time point completed; false if it was not planned (already completed, or not the case's). */
    public boolean completeTimepoint(CaseId id, String name, Instant at, String by) {
        return jdbc.sql("""
                update followup_registry_timepoint set status = 'COMPLETED', completed_at = ?, completed_by = ?
                where case_id = ? and name = ? and status = 'PLANNED'""")
                .params(Timestamp.from(at), by, id.value(), name).update() == 1;
    }

    /** The reminder tasks a time point opened (window, overdue), for closing them. */
    public List<UUID> reminderTasks(CaseId id, String name) {
        List<UUID> tasks = new ArrayList<>();
        jdbc.sql("select window_task_id, overdue_task_id from followup_registry_timepoint where case_id = ? and name = ?")
                .params(id.value(), name).query((rs, n) -> {
                    addIfPresent(tasks, rs.getObject("window_task_id", UUID.class));
                    addIfPresent(tasks, rs.getObject("overdue_task_id", UUID.class));
                    return n;
                }).list();
        return tasks;
    }

    /** A centre's own clinic schedule for a product, if it has one. */
    public Optional<ClinicSchedule> clinicSchedule(OrganisationId centre, String productCode) {
        if (productCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("select days, yearly_to_year from followup_clinic_schedule where centre_id = ? and product_code = ?")
                .params(centre.value(), productCode)
                .query((rs, n) -> new ClinicSchedule(days(rs.getArray("days")), rs.getInt("yearly_to_year")))
                .optional();
    }

    public void saveClinicSchedule(OrganisationId centre, String productCode, ClinicSchedule schedule, String basis) {
        jdbc.sql("""
                insert into followup_clinic_schedule (centre_id, product_code, days, yearly_to_year, basis)
                values (?, ?, ?, ?, ?)
                on conflict (centre_id, product_code) do update set days = excluded.days,
                    yearly_to_year = excluded.yearly_to_year, basis = excluded.basis""")
                .params(centre.value(), productCode, schedule.days().toArray(Integer[]::new), schedule.yearlyToYear(),
                        basis)
                .update();
    }

    // --- reminders -----------------------------------------------------------------------------------------

    /** Planned time points of open cases whose window has opened (due date without a window) and no window task. */
    @InternalJob("the reminder job opens a task on each case whose registry time point enters its window; it shows no row")
    public List<ReminderCandidate> timepointsEnteringWindow(LocalDate today) {
        return jdbc.sql("""
                select t.case_id, t.name from followup_registry_timepoint t join therapy_case c on c.id = t.case_id
                where t.status = 'PLANNED' and t.window_task_id is null and t.overdue_task_id is null
                  and coalesce(t.window_start, t.due_date) <= ? and coalesce(t.window_end, t.due_date) >= ?
                  and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')
                order by t.due_date, t.case_id""")
                .params(today, today).query(PlanStore::candidate).list();
    }

    /** Planned time points of open cases past their window's end (due date without a window) and no overdue task. */
    @InternalJob("the reminder job opens a task on each case whose registry time point is overdue; it shows no row")
    public List<ReminderCandidate> timepointsOverdue(LocalDate today) {
        return jdbc.sql("""
                select t.case_id, t.name from followup_registry_timepoint t join therapy_case c on c.id = t.case_id
                where t.status = 'PLANNED' and t.overdue_task_id is null and coalesce(t.window_end, t.due_date) < ?
                  and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')
                order by t.due_date, t.case_id""")
                .param(today).query(PlanStore::candidate).list();
    }

    /** Planned clinic visits of open cases due on or before {@code dueOnOrBefore} with no overdue task. */
    @InternalJob("the reminder job opens a task on each case whose clinic visit is overdue; it shows no row")
    public List<ReminderCandidate> visitsOverdue(LocalDate dueOnOrBefore) {
        return jdbc.sql("""
                select v.case_id, v.visit_key as name from followup_clinic_visit v join therapy_case c on c.id = v.case_id
                where v.status = 'PLANNED' and v.overdue_task_id is null and v.due_date <= ?
                  and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')
                order by v.due_date, v.case_id""")
                .param(dueOnOrBefore).query(PlanStore::candidate).list();
    }

    /** The time point, locked, if it still needs its window task (another run may have opened it meanwhile). */
    public Optional<PlannedTimepoint> claimWindowReminder(CaseId id, String name) {
        return jdbc.sql("""
                select * from followup_registry_timepoint where case_id = ? and name = ? and status = 'PLANNED'
                  and window_task_id is null and overdue_task_id is null for update skip locked""")
                .params(id.value(), name).query(PlanStore::timepoint).optional();
    }

    public Optional<PlannedTimepoint> claimOverdueReminder(CaseId id, String name) {
        return jdbc.sql("""
                select * from followup_registry_timepoint where case_id = ? and name = ? and status = 'PLANNED'
                  and overdue_task_id is null for update skip locked""")
                .params(id.value(), name).query(PlanStore::timepoint).optional();
    }

    public Optional<UUID> windowTask(CaseId id, String name) {
        return jdbc.sql("select window_task_id from followup_registry_timepoint where case_id = ? and name = ?")
                .params(id.value(), name).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).single();
    }

    public void setWindowTask(CaseId id, String name, UUID task) {
        jdbc.sql("update followup_registry_timepoint set window_task_id = ? where case_id = ? and name = ?")
                .params(task, id.value(), name).update();
    }

    public void setOverdueTask(CaseId id, String name, UUID task) {
        jdbc.sql("update followup_registry_timepoint set overdue_task_id = ? where case_id = ? and name = ?")
                .params(task, id.value(), name).update();
    }

    public Optional<PlannedVisit> claimVisitReminder(CaseId id, String key) {
        return jdbc.sql("""
                select * from followup_clinic_visit where case_id = ? and visit_key = ? and status = 'PLANNED'
                  and overdue_task_id is null for update skip locked""")
                .params(id.value(), key).query(PlanStore::visit).optional();
    }

    public void setVisitTask(CaseId id, String key, UUID task) {
        jdbc.sql("update followup_clinic_visit set overdue_task_id = ? where case_id = ? and visit_key = ?")
                .params(task, id.value(), key).update();
    }

    // --- mapping -------------------------------------------------------------------------------------------

    private static void addIfPresent(List<UUID> list, UUID id) {
        if (id != null) {
            list.add(id);
        }
    }

    private static List<Integer> days(Array array) throws SQLException {
        return Arrays.stream((Integer[]) array.getArray()).toList();
    }

    private static ReminderCandidate candidate(ResultSet rs, int n) throws SQLException {
        return new ReminderCandidate(new CaseId(rs.getObject("case_id", UUID.class)), rs.getString("name"));
    }

    private static PlanRow plan(ResultSet rs, int n) throws SQLException {
        return new PlanRow(new CaseId(rs.getObject("case_id", UUID.class)), rs.getObject("day_zero", LocalDate.class),
                rs.getString("product_code"), RegistryTrack.valueOf(rs.getString("track")), rs.getString("track_basis"),
                rs.getString("clinic_basis"), rs.getInt("version"));
    }

    static PlannedTimepoint timepoint(ResultSet rs, int n) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new PlannedTimepoint(RegistryTimepointName.parse(rs.getString("name")).orElseThrow(),
                rs.getObject("due_date", LocalDate.class), rs.getObject("window_start", LocalDate.class),
                rs.getObject("window_end", LocalDate.class), "COMPLETED".equals(rs.getString("status")),
                completed == null ? null : completed.toInstant(), rs.getString("completed_by"));
    }

    static PlannedVisit visit(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        PlannedVisit.State state = switch (status) {
            case "DONE" -> rs.getBoolean("attended") ? PlannedVisit.State.ATTENDED : PlannedVisit.State.NOT_ATTENDED;
            case "CANCELLED" -> PlannedVisit.State.CANCELLED;
            default -> PlannedVisit.State.PLANNED;
        };
        Timestamp recorded = rs.getTimestamp("recorded_at");
        return new PlannedVisit(rs.getString("visit_key"), rs.getString("label"), rs.getObject("due_date", LocalDate.class),
                state, rs.getObject("outcome_on", LocalDate.class), rs.getString("outcome_note"),
                rs.getString("recorded_by"), recorded == null ? null : recorded.toInstant());
    }

    // --- visit outcomes -----------------------------------------------------------------------------------

    /** The visit, locked, if it is the case's. */
    public Optional<PlannedVisit> visitForUpdate(CaseId id, String key) {
        return jdbc.sql("select * from followup_clinic_visit where case_id = ? and visit_key = ? for update")
                .params(id.value(), key).query(PlanStore::visit).optional();
    }

    /** Closes a planned visit as done (attended or not); false if it was not planned. */
    public boolean recordVisit(CaseId id, String key, boolean attended, LocalDate on, String note, String by,
            Instant at) {
        return jdbc.sql("""
                update followup_clinic_visit set status = 'DONE', attended = ?, outcome_on = ?, outcome_note = ?,
                    recorded_by = ?, recorded_at = ?
                where case_id = ? and visit_key = ? and status = 'PLANNED'""")
                .params(attended, on, note, by, Timestamp.from(at), id.value(), key).update() == 1;
    }

    /** The overdue reminder task a visit opened, if any. */
    public Optional<UUID> visitTask(CaseId id, String key) {
        return jdbc.sql("select overdue_task_id from followup_clinic_visit where case_id = ? and visit_key = ?")
                .params(id.value(), key).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).single();
    }

    /** Cancels the planned visits due after {@code after}; answers their keys and the reminder tasks they opened. */
    public List<PlannedVisit> cancelVisitsAfter(CaseId id, LocalDate after, String note, String by, Instant at) {
        return jdbc.sql("""
                update followup_clinic_visit set status = 'CANCELLED', outcome_note = ?, recorded_by = ?, recorded_at = ?
                where case_id = ? and status = 'PLANNED' and due_date > ?
                returning *""")
                .params(note, by, Timestamp.from(at), id.value(), after).query(PlanStore::visit).list();
    }

    /** The reminder tasks of the given visits (for closing them when the visits are cancelled). */
    public List<UUID> visitTasks(CaseId id, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select overdue_task_id from followup_clinic_visit where case_id = :case and visit_key in (:keys)"
                        + " and overdue_task_id is not null")
                .param("case", id.value()).param("keys", keys).query(UUID.class).list();
    }
}
