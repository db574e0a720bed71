package org.cartpath.custody.scan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ScanStore {

    private final JdbcClient jdbc;

    ScanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Scan scan, Actor actor) {
        jdbc.sql("""
                insert into custody_scan (id, case_id, verification_id, purpose, prompt, expected, scanned, outcome,
                    scanned_case_id, detail, actor_id, actor_name, organisation_id, organisation_name, scanned_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(scan.id(), scan.caseId().value(), scan.verificationId(), scan.purpose(), scan.prompt().name(),
                        scan.expected(), scan.scanned(), scan.outcome().name(),
                        scan.scannedCaseId() == null ? null : scan.scannedCaseId().value(), scan.detail(), actor.id(),
                        actor.displayName(), actor.organisationId() == null ? null : actor.organisationId().value(),
                        actor.organisationName(), Timestamp.from(scan.scannedAt()))
                .update();
    }

    Optional<Scan> find(UUID id) {
        return jdbc.sql("select * from custody_scan where id = ?").param(id).query(ScanStore::read).optional();
    }

    List<Scan> ofVerification(UUID verificationId) {
        return jdbc.sql("select * from custody_scan where verification_id = ? order by scanned_at, id")
                .param(verificationId).query(ScanStore::read).list();
    }

    List<Scan> ofCase(CaseId caseId) {
        return jdbc.sql("select * from custody_scan where case_id = ? order by scanned_at, id")
                .param(caseId.value()).query(ScanStore::read).list();
    }

    private static Scan read(ResultSet row, int n) throws SQLException {
        UUID scannedCase = row.getObject("scanned_case_id", UUID.class);
        return new Scan(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getObject("verification_id", UUID.class), row.getString("purpose"),
                ScanPrompt.valueOf(row.getString("prompt")), row.getString("expected"), row.getString("scanned"),
                ScanOutcome.valueOf(row.getString("outcome")), scannedCase == null ? null : new CaseId(scannedCase),
                row.getString("detail"), row.getString("actor_id"), row.getString("actor_name"),
                row.getString("organisation_name"), row.getTimestamp("scanned_at").toInstant());
    }
}
