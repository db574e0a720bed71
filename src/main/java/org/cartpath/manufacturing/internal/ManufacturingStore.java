package org.cartpath.manufacturing.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.manufacturing.CertificateOfAnalysis;
import org.cartpath.manufacturing.ExceptionalRoute;
import org.cartpath.manufacturing.FailureReason;
import org.cartpath.manufacturing.FailureResolution;
import org.cartpath.manufacturing.LotAssessment;
import org.cartpath.manufacturing.LotCheck;
import org.cartpath.manufacturing.LotDecision;
import org.cartpath.manufacturing.ManufacturingReport;
import org.cartpath.manufacturing.ManufacturingStatus;
import org.cartpath.manufacturing.ProductLot;
import org.cartpath.manufacturing.ReleaseChecks;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for reports, lots, checks and decisions; all append-only. */
@Repository
public class ManufacturingStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ManufacturingStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insertReport(CaseId caseId, ManufacturingReport report, Actor actor) {
        jdbc.sql("""
                insert into manufacturing_report (id, case_id, attempt, status, failure_reason, resolution, reason,
                    expected_release_on, mirrored, reported_at, reported_by, reported_by_name, organisation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(report.id(), caseId.value(), report.attempt(), report.status().name(),
                        report.failureReason() == null ? null : report.failureReason().name(),
                        report.resolution() == null ? null : report.resolution().name(), report.reason(),
                        report.expectedReleaseOn() == null ? null : Date.valueOf(report.expectedReleaseOn()),
                        report.mirrored(), Timestamp.from(report.reportedAt()), actor.id(), actor.displayName(),
                        actor.organisationId().value())
                .update();
    }

    public List<ManufacturingReport> reports(CaseId caseId) {
        return jdbc.sql("select * from manufacturing_report where case_id = ? order by reported_at, id")
                .param(caseId.value())
                .query((row, n) -> new ManufacturingReport(row.getObject("id", UUID.class), row.getInt("attempt"),
                        ManufacturingStatus.valueOf(row.getString("status")),
                        enumOrNull(FailureReason.class, row.getString("failure_reason")),
                        enumOrNull(FailureResolution.class, row.getString("resolution")), row.getString("reason"),
                        localDate(row, "expected_release_on"), row.getBoolean("mirrored"),
                        row.getTimestamp("reported_at").toInstant(), row.getString("reported_by_name")))
                .list();
    }

    public void insertLot(UUID lotId, CaseId caseId, int attempt, CertificateOfAnalysis c, String manufacturerOos,
            Instant at, Actor actor) {
        jdbc.sql("""
                insert into product_lot (id, case_id, attempt, lot_number, chain_of_identity, dose_cells, cd8_cells,
                    cd4_cells, viability_percent, volume_ml, bags, expires_on, manufacturer_oos, reported_at, reported_by,
                    organisation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lotId, caseId.value(), attempt, c.lotNumber(), c.chainOfIdentity(), c.doseCells(), c.cd8Cells(),
                        c.cd4Cells(), c.viabilityPercent(), c.volumeMl(), c.bags(), Date.valueOf(c.expiresOn()),
                        manufacturerOos, Timestamp.from(at), actor.displayName(), actor.organisationId().value())
                .update();
    }

    public boolean lotNumberUsed(CaseId caseId, String lotNumber) {
        return jdbc.sql("select count(*) from product_lot where case_id = ? and lot_number = ?")
                .params(caseId.value(), lotNumber).query(Long.class).single() > 0;
    }

    public List<ProductLot> lots(CaseId caseId) {
        return jdbc.sql("select * from product_lot where case_id = ? order by reported_at, id").param(caseId.value())
                .query((row, n) -> lot(row)).list();
    }

    public void insertCheck(UUID lotId, ReleaseChecks.Result result, List<LotCheck> checks, BigDecimal weightKg,
            LocalDate weighedOn, String labelVersionId, Instant at, String by) {
        jdbc.sql("""
                insert into product_lot_check (id, lot_id, result, checks, weight_kg, weighed_on, label_version_id,
                    checked_at, checked_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), lotId, result.name(), json.writeValueAsString(checks), weightKg,
                        weighedOn == null ? null : Date.valueOf(weighedOn), labelVersionId, Timestamp.from(at), by)
                .update();
    }

    public void insertDecision(UUID lotId, LotDecision.Kind kind, ExceptionalRoute route, String reason, UUID signatureId,
            UUID decidedBy, Instant at) {
        jdbc.sql("""
                insert into product_lot_decision (id, lot_id, kind, route, reason, signature_id, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), lotId, kind.name(), route == null ? null : route.name(), reason, signatureId,
                        decidedBy, Timestamp.from(at))
                .update();
    }

    /**
     * Failed manufactures per reason of the cases in scope: those the scope's organisation treats or reported on as
     * the manufacturer (every case for a national scope).
     */
    public List<Object[]> failuresByReason(DataScope scope) {
        return scope.bind(jdbc.sql("""
                select r.failure_reason, count(*) from manufacturing_report r join therapy_case c on c.id = r.case_id
                where r.status = 'FAILED' and (%s or %s) group by 1""".formatted(scope.owns("c.treating_centre_id"),
                        scope.owns("r.organisation_id"))))
                .query(this::failureCount).list();
    }

    private Object[] failureCount(ResultSet row, int n) throws SQLException {
        return new Object[] {FailureReason.valueOf(row.getString(1)), row.getLong(2)};
    }

    private ProductLot lot(ResultSet row) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        CertificateOfAnalysis certificate = new CertificateOfAnalysis(row.getString("lot_number"),
                row.getString("chain_of_identity"), row.getBigDecimal("dose_cells"), row.getBigDecimal("cd8_cells"),
                row.getBigDecimal("cd4_cells"), row.getBigDecimal("viability_percent"), row.getBigDecimal("volume_ml"),
                row.getInt("bags"), localDate(row, "expires_on"));
        return new ProductLot(id, row.getInt("attempt"), certificate, row.getString("manufacturer_oos"),
                row.getTimestamp("reported_at").toInstant(), row.getString("reported_by"), checks(id), decisions(id));
    }

    private List<LotAssessment> checks(UUID lotId) {
        return jdbc.sql("select * from product_lot_check where lot_id = ? order by checked_at, id").param(lotId)
                .query((row, n) -> new LotAssessment(ReleaseChecks.Result.valueOf(row.getString("result")),
                        json.readValue(row.getString("checks"), new TypeReference<List<LotCheck>>() { }),
                        row.getBigDecimal("weight_kg"), localDate(row, "weighed_on"), row.getString("label_version_id"),
                        row.getTimestamp("checked_at").toInstant(), row.getString("checked_by")))
                .list();
    }

    private List<LotDecision> decisions(UUID lotId) {
        return jdbc.sql("""
                select d.*, u.display_name from product_lot_decision d join app_user u on u.id = d.decided_by
                where d.lot_id = ? order by d.decided_at""")
                .param(lotId)
                .query((row, n) -> new LotDecision(LotDecision.Kind.valueOf(row.getString("kind")),
                        enumOrNull(ExceptionalRoute.class, row.getString("route")), row.getString("reason"),
                        row.getObject("signature_id", UUID.class), row.getString("display_name"),
                        row.getTimestamp("decided_at").toInstant()))
                .list();
    }

    public UUID decidedBy(UUID lotId, LotDecision.Kind kind) {
        return jdbc.sql("select decided_by from product_lot_decision where lot_id = ? and kind = ?")
                .params(lotId, kind.name()).query(UUID.class).optional().orElse(null);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static LocalDate localDate(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
