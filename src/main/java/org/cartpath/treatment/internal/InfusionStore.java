package org.cartpath.treatment.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.treatment.InfusionRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for infusions and the follow-up anchor; append-only, one infusion per case. */
@Repository
public class InfusionStore {

    private static final TypeReference<List<InfusionRecord.ChecklistLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InfusionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(InfusionRecord i, Actor actor) {
        jdbc.sql("""
                insert into infusion (id, case_id, lot_id, lot_number, started_at, ended_at, day_zero, bags_used, bags_in_lot,
                    dose_cells, dose_cells_per_kg, weight_kg, weighed_on, dose_range, age_years, developmental_delay,
                    reactions, bedside_verification_id, first_checker_name, second_checker_name, lymphodepletion_plan_id,
                    checklist, flags, signature_id, recorded_by, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::uuid, ?, ?)""")
                .params(i.id(), i.caseId().value(), i.lotId(), i.lotNumber(), Timestamp.from(i.startedAt()),
                        Timestamp.from(i.endedAt()), Date.valueOf(i.dayZero()), i.bagsUsed(), i.bagsInLot(), i.doseCells(),
                        i.doseCellsPerKg(), i.weightKg(), Date.valueOf(i.weighedOn()), i.doseRange(), i.ageYears(),
                        i.developmentalDelay(), i.reactions(), i.bedsideVerificationId(), i.firstCheckerName(),
                        i.secondCheckerName(), i.lymphodepletionPlanId(), json.writeValueAsString(i.checklist()),
                        json.writeValueAsString(i.flags()), i.signatureId(), actor.id(), i.recordedByName(),
                        Timestamp.from(i.recordedAt()))
                .update();
        jdbc.sql("insert into follow_up_anchor (case_id, infusion_id, infused_at, day_zero, created_at) values (?, ?, ?, ?, ?)")
                .params(i.caseId().value(), i.id(), Timestamp.from(i.startedAt()), Date.valueOf(i.dayZero()),
                        Timestamp.from(i.recordedAt()))
                .update();
    }

    public Optional<InfusionRecord> ofCase(CaseId caseId) {
        return jdbc.sql("select * from infusion where case_id = ?").param(caseId.value()).query(this::infusion).optional();
    }

    public Optional<LocalDate> dayZero(CaseId caseId) {
        return jdbc.sql("select day_zero from follow_up_anchor where case_id = ?").param(caseId.value())
                .query(LocalDate.class).optional();
    }

    private InfusionRecord infusion(ResultSet row, int n) throws SQLException {
        return new InfusionRecord(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getObject("lot_id", UUID.class), row.getString("lot_number"), row.getTimestamp("started_at").toInstant(),
                row.getTimestamp("ended_at").toInstant(), row.getObject("day_zero", LocalDate.class), row.getInt("bags_used"),
                row.getInt("bags_in_lot"), row.getBigDecimal("dose_cells"), row.getBigDecimal("dose_cells_per_kg"),
                row.getBigDecimal("weight_kg"), row.getObject("weighed_on", LocalDate.class), row.getString("dose_range"),
                row.getInt("age_years"), row.getBoolean("developmental_delay"), row.getString("reactions"),
                row.getObject("bedside_verification_id", UUID.class), row.getString("first_checker_name"),
                row.getString("second_checker_name"), row.getObject("lymphodepletion_plan_id", UUID.class),
                json.readValue(row.getString("checklist"), LINES), json.readValue(row.getString("flags"), STRINGS),
                row.getObject("signature_id", UUID.class), row.getString("recorded_by_name"),
                row.getTimestamp("recorded_at").toInstant());
    }
}
