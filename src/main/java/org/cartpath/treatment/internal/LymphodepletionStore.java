package org.cartpath.treatment.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.catalogue.LymphodepletionRegimen.DayReference;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.InternalJob;
import org.cartpath.treatment.LymphodepletionAdministration;
import org.cartpath.treatment.LymphodepletionPlanRecord;
import org.cartpath.treatment.PlanInputs;
import org.cartpath.treatment.lymphodepletion.LymphodepletionCourse.Outcome;
import org.cartpath.treatment.lymphodepletion.LymphodepletionPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for lymphodepletion plans, verifications, administrations and window flags; all append-only. */
@Repository
public class LymphodepletionStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LymphodepletionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insertPlan(LymphodepletionPlanRecord p, Actor actor) {
        LymphodepletionPlan plan = p.plan();
        jdbc.sql("""
                insert into lymphodepletion_plan (id, case_id, version, label_version_id, regimen_id, day_reference,
                    anchor_on, planned_infusion_on, first_day, last_day, earliest_infusion, latest_infusion, plan, inputs,
                    warnings, reason, planned_by, planned_by_name, planned_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""")
                .params(p.id(), p.caseId().value(), p.version(), p.labelVersionId(), p.regimenId(), p.dayReference().name(),
                        Date.valueOf(p.anchorOn()), Date.valueOf(p.plannedInfusionOn()), Date.valueOf(plan.firstDay()),
                        Date.valueOf(plan.lastDay()), Date.valueOf(plan.earliestInfusion()),
                        Date.valueOf(plan.latestInfusion()), json.writeValueAsString(plan), json.writeValueAsString(p.inputs()),
                        json.writeValueAsString(p.warnings()), p.reason(), actor.id(), actor.displayName(),
                        Timestamp.from(p.plannedAt()))
                .update();
    }

    public void insertVerification(UUID planId, CaseId caseId, UUID signatureId, Actor actor, Instant at) {
        jdbc.sql("""
                insert into lymphodepletion_verification (plan_id, case_id, signature_id, verified_by, verified_by_name,
                    verified_at)
                values (?, ?, ?, ?::uuid, ?, ?)""")
                .params(planId, caseId.value(), signatureId, actor.id(), actor.displayName(), Timestamp.from(at))
                .update();
    }

    private static final String PLANS = """
            select p.*, v.signature_id, v.verified_by_name, v.verified_at from lymphodepletion_plan p
            left join lymphodepletion_verification v on v.plan_id = p.id""";

    public Optional<LymphodepletionPlanRecord> current(CaseId caseId) {
        return jdbc.sql(PLANS + " where p.case_id = ? order by p.version desc limit 1").param(caseId.value())
                .query(this::plan).optional();
    }

    public Optional<LymphodepletionPlanRecord> plan(CaseId caseId, UUID planId) {
        return jdbc.sql(PLANS + " where p.case_id = ? and p.id = ?").params(caseId.value(), planId).query(this::plan)
                .optional();
    }

    /** Every plan of the case, newest first. */
    public List<LymphodepletionPlanRecord> plans(CaseId caseId) {
        return jdbc.sql(PLANS + " where p.case_id = ? order by p.version desc").param(caseId.value()).query(this::plan)
                .list();
    }

    public void insertAdministration(LymphodepletionAdministration a, CaseId caseId, Actor actor) {
        jdbc.sql("""
                insert into lymphodepletion_administration (id, plan_id, case_id, planned_on, drug, status, planned_mg,
                    given_mg, given_at, reason, recorded_by, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.planId(), caseId.value(), Date.valueOf(a.plannedOn()), a.drug().name(), a.status().name(),
                        a.plannedMg(), a.givenMg(), a.givenAt() == null ? null : Timestamp.from(a.givenAt()), a.reason(),
                        actor.id(), actor.displayName(), Timestamp.from(a.recordedAt()))
                .update();
    }

    public List<LymphodepletionAdministration> administrations(UUID planId) {
        return jdbc.sql("select * from lymphodepletion_administration where plan_id = ? order by planned_on, drug")
                .param(planId).query(this::administration).list();
    }

    public List<LymphodepletionAdministration> administrationsOfCase(CaseId caseId) {
        return jdbc.sql("select * from lymphodepletion_administration where case_id = ? order by recorded_at")
                .param(caseId.value()).query(this::administration).list();
    }

    /** Records the flag once; true when this call recorded it. */
    public boolean flag(UUID planId, CaseId caseId, String kind, LocalDate windowClosedOn, Instant at) {
        return jdbc.sql("""
                insert into lymphodepletion_window_flag (plan_id, case_id, kind, window_closed_on, flagged_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(planId, caseId.value(), kind, Date.valueOf(windowClosedOn), Timestamp.from(at)).update() == 1;
    }

    public Optional<Instant> flaggedAt(UUID planId, String kind) {
        return jdbc.sql("select flagged_at from lymphodepletion_window_flag where plan_id = ? and kind = ?")
                .params(planId, kind).query((row, n) -> row.getTimestamp(1).toInstant()).optional();
    }

    /** Cases whose current plan is verified and which wait for their infusion: the window sweep's work. */
    @InternalJob("the expiry check of verified plans runs over every centre's cases; it shows no row")
    public List<CaseId> casesAwaitingInfusion() {
        return jdbc.sql("""
                select distinct p.case_id from lymphodepletion_plan p
                join therapy_case c on c.id = p.case_id
                join lymphodepletion_verification v on v.plan_id = p.id
                where c.stage in ('RECEIVED', 'LYMPHODEPLETION')""")
                .query((row, n) -> new CaseId(row.getObject(1, UUID.class))).list();
    }

    private LymphodepletionPlanRecord plan(ResultSet row, int n) throws SQLException {
        UUID signature = row.getObject("signature_id", UUID.class);
        return new LymphodepletionPlanRecord(row.getObject("id", UUID.class),
                new CaseId(row.getObject("case_id", UUID.class)), row.getInt("version"), row.getString("label_version_id"),
                row.getString("regimen_id"), DayReference.valueOf(row.getString("day_reference")),
                row.getObject("anchor_on", LocalDate.class), row.getObject("planned_infusion_on", LocalDate.class),
                json.readValue(row.getString("plan"), LymphodepletionPlan.class),
                json.readValue(row.getString("inputs"), PlanInputs.class),
                json.readValue(row.getString("warnings"), STRINGS), row.getString("reason"),
                row.getString("planned_by_name"), row.getTimestamp("planned_at").toInstant(),
                signature == null ? null : new LymphodepletionPlanRecord.Verification(signature,
                        row.getString("verified_by_name"), row.getTimestamp("verified_at").toInstant()));
    }

    private LymphodepletionAdministration administration(ResultSet row, int n) throws SQLException {
        Timestamp givenAt = row.getTimestamp("given_at");
        return new LymphodepletionAdministration(row.getObject("id", UUID.class), row.getObject("plan_id", UUID.class),
                row.getObject("planned_on", LocalDate.class), Drug.valueOf(row.getString("drug")),
                Outcome.valueOf(row.getString("status")), row.getBigDecimal("planned_mg"), row.getBigDecimal("given_mg"),
                givenAt == null ? null : givenAt.toInstant(), row.getString("reason"), row.getString("recorded_by_name"),
                row.getTimestamp("recorded_at").toInstant());
    }
}
