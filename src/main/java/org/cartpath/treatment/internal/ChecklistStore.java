package org.cartpath.treatment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.OrganisationId;
import org.cartpath.treatment.ChecklistConfiguration;
import org.cartpath.treatment.checklist.ChecklistEvaluation.Entry;
import org.cartpath.treatment.checklist.ChecklistEvaluation.EntryKind;
import org.cartpath.treatment.checklist.ChecklistItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for checklist configurations and a case's ticks, withdrawals and overrides; all append-only. */
@Repository
public class ChecklistStore {

    private static final TypeReference<List<ChecklistItem>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChecklistStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The checklist of a centre and product: the product's own, else the centre's, else cartpath's default. */
    public ChecklistConfiguration applicable(OrganisationId centre, String productCode) {
        return jdbc.sql("""
                select * from pre_infusion_checklist
                where (centre_id = ? and (product_code = ? or product_code is null))
                   or (centre_id is null and product_code is null)
                order by (centre_id is null), (product_code is null), version desc limit 1""")
                .params(centre.value(), productCode).query(this::configuration).single();
    }

    /** The exact configuration of a centre and product (or all products), if the centre made one. */
    public Optional<ChecklistConfiguration> own(OrganisationId centre, String productCode) {
        return jdbc.sql("""
                select * from pre_infusion_checklist where centre_id = ? and product_code is not distinct from ?
                order by version desc limit 1""").params(centre.value(), productCode).query(this::configuration).optional();
    }

    /** The latest version of every configuration of the centre, with the default. */
    public List<ChecklistConfiguration> current(DataScope scope) {
        return scope.bind(jdbc.sql("""
                select distinct on (centre_id, product_code) * from pre_infusion_checklist
                where centre_id is null or %s
                order by centre_id, product_code, version desc""".formatted(scope.owns("centre_id")))).query(this::configuration).list();
    }

    public void insert(ChecklistConfiguration c, Actor actor) {
        jdbc.sql("""
                insert into pre_infusion_checklist (id, centre_id, product_code, version, items, reason, created_by,
                    created_by_name, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(c.id(), c.centre().value(), c.productCode(), c.version(), json.writeValueAsString(c.items()),
                        c.reason(), actor.id(), actor.displayName(), Timestamp.from(c.createdAt()))
                .update();
    }

    public List<Entry> entries(CaseId caseId) {
        return jdbc.sql("select * from pre_infusion_checklist_entry where case_id = ? order by recorded_at, id")
                .param(caseId.value())
                .query((row, n) -> new Entry(row.getObject("id", UUID.class), row.getString("item_code"),
                        EntryKind.valueOf(row.getString("kind")), row.getString("note"), row.getString("recorded_by_name"),
                        row.getString("recorded_role"), row.getTimestamp("recorded_at").toInstant(),
                        row.getObject("signature_id", UUID.class)))
                .list();
    }

    public void insertEntry(UUID id, CaseId caseId, UUID checklistId, String code, EntryKind kind, String note,
            String evidence, UUID signatureId, Actor actor, String role, Instant at) {
        jdbc.sql("""
                insert into pre_infusion_checklist_entry (id, case_id, checklist_id, item_code, kind, note, evidence,
                    signature_id, recorded_by, recorded_by_name, recorded_role, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::uuid, ?, ?, ?)""")
                .params(id, caseId.value(), checklistId, code, kind.name(), note, evidence, signatureId, actor.id(),
                        actor.displayName(), role, Timestamp.from(at))
                .update();
    }

    private ChecklistConfiguration configuration(ResultSet row, int n) throws SQLException {
        UUID centre = row.getObject("centre_id", UUID.class);
        return new ChecklistConfiguration(row.getObject("id", UUID.class), centre == null ? null : new OrganisationId(centre),
                row.getString("product_code"), row.getInt("version"), json.readValue(row.getString("items"), ITEMS),
                row.getString("reason"), row.getString("created_by_name"), row.getTimestamp("created_at").toInstant());
    }
}
