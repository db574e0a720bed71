package org.cartpath.treatment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.catalogue.LymphodepletionRegimen.Drug;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.InternalJob;
import org.cartpath.shared.OrganisationId;
import org.cartpath.treatment.DosingRules;
import org.cartpath.treatment.RenalTableVersion;
import org.cartpath.treatment.dosing.BodySurfaceArea;
import org.cartpath.treatment.lymphodepletion.DoseRounding;
import org.cartpath.treatment.lymphodepletion.RenalBandTable;
import org.cartpath.treatment.lymphodepletion.RenalBandTable.RenalBand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the pharmacy's versioned renal band tables and dosing rules; append-only. */
@Repository
public class PharmacyStore {

    private static final TypeReference<List<RenalBand>> BANDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, BigDecimal>> INCREMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PharmacyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @InternalJob("numbers the centre's next version of its table, inside the write that adds it")
    public int latestRenalVersion(OrganisationId centre) {
        return jdbc.sql("select coalesce(max(version), 0) from pharmacy_renal_band_table where centre_id = ?")
                .param(centre.value()).query(Integer.class).single();
    }

    public void insertRenalTable(UUID id, OrganisationId centre, int version, RenalBandTable table, String reason,
            Actor actor, Instant at) {
        jdbc.sql("""
                insert into pharmacy_renal_band_table (id, centre_id, version, name, source, bands, reason, created_by,
                    created_by_name, created_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(id, centre.value(), version, table.name(), table.source(), json.writeValueAsString(table.bands()),
                        reason, actor.id(), actor.displayName(), Timestamp.from(at))
                .update();
    }

    public Optional<RenalTableVersion> currentRenalTable(OrganisationId centre) {
        return jdbc.sql("select * from pharmacy_renal_band_table where centre_id = ? order by version desc limit 1")
                .param(centre.value()).query(this::renal).optional();
    }

    public Optional<RenalTableVersion> renalTable(UUID id) {
        return jdbc.sql("select * from pharmacy_renal_band_table where id = ?").param(id).query(this::renal).optional();
    }

    public List<RenalTableVersion> renalTables(DataScope scope, int limit, int offset) {
        return scope.bind(jdbc.sql("select * from pharmacy_renal_band_table where " + scope.owns("centre_id")
                        + " order by version desc limit :limit offset :offset"))
                .param("limit", limit).param("offset", offset).query(this::renal).list();
    }

    public long countRenalTables(DataScope scope) {
        return scope.bind(jdbc.sql("select count(*) from pharmacy_renal_band_table where " + scope.owns("centre_id")))
                .query(Long.class).single();
    }

    @InternalJob("numbers the centre's next version of its rules, inside the write that adds it")
    public int latestDosingVersion(OrganisationId centre) {
        return jdbc.sql("select coalesce(max(version), 0) from pharmacy_dosing_rules where centre_id = ?")
                .param(centre.value()).query(Integer.class).single();
    }

    public void insertDosingRules(UUID id, OrganisationId centre, int version, BodySurfaceArea.Formula formula,
            DoseRounding rounding, String reason, Actor actor, Instant at) {
        Map<String, String> increments = new java.util.TreeMap<>();
        rounding.incrementsMg().forEach((drug, mg) -> increments.put(drug.name(), mg.toPlainString()));
        jdbc.sql("""
                insert into pharmacy_dosing_rules (id, centre_id, version, bsa_formula, rounding, reason, created_by,
                    created_by_name, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(id, centre.value(), version, formula.name(), json.writeValueAsString(increments), reason,
                        actor.id(), actor.displayName(), Timestamp.from(at))
                .update();
    }

    public Optional<DosingRules> currentDosingRules(OrganisationId centre) {
        return jdbc.sql("select * from pharmacy_dosing_rules where centre_id = ? order by version desc limit 1")
                .param(centre.value()).query(this::rules).optional();
    }

    public Optional<DosingRules> dosingRules(UUID id) {
        return jdbc.sql("select * from pharmacy_dosing_rules where id = ?").param(id).query(this::rules).optional();
    }

    public List<DosingRules> dosingRules(DataScope scope, int limit, int offset) {
        return scope.bind(jdbc.sql("select * from pharmacy_dosing_rules where " + scope.owns("centre_id")
                        + " order by version desc limit :limit offset :offset"))
                .param("limit", limit).param("offset", offset).query(this::rules).list();
    }

    public long countDosingRules(DataScope scope) {
        return scope.bind(jdbc.sql("select count(*) from pharmacy_dosing_rules where " + scope.owns("centre_id")))
                .query(Long.class).single();
    }

    private RenalTableVersion renal(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        RenalBandTable table = new RenalBandTable(id.toString(), row.getString("name"), row.getString("source"),
                json.readValue(row.getString("bands"), BANDS));
        return new RenalTableVersion(id, row.getInt("version"), table, false, row.getString("reason"),
                row.getString("created_by_name"), row.getTimestamp("created_at").toInstant());
    }

    private DosingRules rules(ResultSet row, int n) throws SQLException {
        Map<Drug, BigDecimal> increments = new EnumMap<>(Drug.class);
        json.readValue(row.getString("rounding"), INCREMENTS).forEach((drug, mg) -> increments.put(Drug.valueOf(drug), mg));
        return new DosingRules(row.getObject("id", UUID.class), row.getInt("version"),
                BodySurfaceArea.Formula.valueOf(row.getString("bsa_formula")), new DoseRounding(increments), false,
                row.getString("reason"), row.getString("created_by_name"), row.getTimestamp("created_at").toInstant());
    }
}
