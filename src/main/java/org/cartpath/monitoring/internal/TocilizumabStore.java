package org.cartpath.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.monitoring.TocilizumabDoseGiven;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tocilizumab doses and stock counts. */
@Repository
public class TocilizumabStore {

    /** A stock count as stored. */
    public record Count(int dosesOnSite, Instant countedAt, String countedByName) {
    }

    private final JdbcClient jdbc;

    TocilizumabStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CaseId caseId, TocilizumabDoseGiven dose, Actor actor) {
        jdbc.sql("""
                insert into monitoring_tocilizumab_dose (id, case_id, given_at, dose_mg, weight_kg, weight_based_dose_mg,
                    overridden_rules, override_signature_id, override_reason, recorded_by, recorded_by_name, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dose.id(), caseId.value(), Timestamp.from(dose.givenAt()), dose.doseMg(), dose.weightKg(),
                        dose.weightBasedDoseMg(), dose.overridden() ? String.join(",", dose.overriddenRules()) : null,
                        dose.overrideSignatureId(), dose.overrideReason(), actor.id(), actor.displayName(),
                        Timestamp.from(dose.recordedAt()))
                .update();
    }

    /** The doses of a case in the order they were given. */
    public List<TocilizumabDoseGiven> doses(CaseId caseId) {
        return jdbc.sql("select * from monitoring_tocilizumab_dose where case_id = ? order by given_at, recorded_at")
                .param(caseId.value()).query(TocilizumabStore::dose).list();
    }

    public void insertCount(CaseId caseId, int dosesOnSite, Actor actor, Instant at) {
        jdbc.sql("""
                insert into monitoring_tocilizumab_stock (id, case_id, doses_on_site, counted_at, recorded_by,
                    recorded_by_name)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), caseId.value(), dosesOnSite, Timestamp.from(at), actor.id(),
                        actor.displayName())
                .update();
    }

    public Optional<Count> latestCount(CaseId caseId) {
        return jdbc.sql("select * from monitoring_tocilizumab_stock where case_id = ? order by counted_at desc limit 1")
                .param(caseId.value())
                .query((row, n) -> new Count(row.getInt("doses_on_site"), row.getTimestamp("counted_at").toInstant(),
                        row.getString("recorded_by_name")))
                .optional();
    }

    private static TocilizumabDoseGiven dose(ResultSet row, int n) throws SQLException {
        String rules = row.getString("overridden_rules");
        return new TocilizumabDoseGiven(row.getObject("id", UUID.class), row.getTimestamp("given_at").toInstant(),
                Numbers.plain(row.getBigDecimal("dose_mg")), Numbers.plain(row.getBigDecimal("weight_kg")),
                Numbers.plain(row.getBigDecimal("weight_based_dose_mg")),
                rules == null ? List.of() : Arrays.asList(rules.split(",")), row.getString("override_reason"),
                row.getObject("override_signature_id", UUID.class), row.getString("recorded_by_name"),
                row.getTimestamp("recorded_at").toInstant());
    }
}
