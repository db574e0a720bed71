package org.cartpath.custody.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cartpath.custody.chain.VerificationStep;
import org.cartpath.journey.CaseId;
import org.cartpath.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VerificationStore {

    private final JdbcClient jdbc;

    VerificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an open check; false if the item already has an open one of this step. */
    boolean insert(Verification v) {
        return jdbc.sql("""
                insert into custody_verification (id, case_id, item_id, step, status, opened_at, opened_by_name, version, place)
                values (?, ?, ?, ?, 'OPEN', ?, ?, 0, ?)
                on conflict (item_id, step) where status = 'OPEN' do nothing""")
                .params(v.id(), v.caseId().value(), v.itemId(), v.step().name(), Timestamp.from(v.openedAt()),
                        v.openedByName(), v.place())
                .update() == 1;
    }

    boolean update(Verification v, int expectedVersion) {
        return jdbc.sql("""
                update custody_verification set status = ?, first_user_id = ?, first_signature_id = ?, second_user_id = ?,
                    second_signature_id = ?, completed_at = ?, second_on_device_of = ?, version = ?
                where id = ? and version = ?""")
                .params(v.status().name(), v.firstUser() == null ? null : v.firstUser().value(), v.firstSignature(),
                        v.secondUser() == null ? null : v.secondUser().value(), v.secondSignature(),
                        v.completedAt() == null ? null : Timestamp.from(v.completedAt()),
                        v.secondOnDeviceOf() == null ? null : v.secondOnDeviceOf().value(), v.version(), v.id(),
                        expectedVersion)
                .update() == 1;
    }

    Optional<Verification> find(UUID id) {
        return jdbc.sql("select * from custody_verification where id = ?").param(id).query(VerificationStore::read).optional();
    }

    Optional<Verification> open(UUID itemId, VerificationStep step) {
        return jdbc.sql("select * from custody_verification where item_id = ? and step = ? and status = 'OPEN'")
                .params(itemId, step.name()).query(VerificationStore::read).optional();
    }

    List<Verification> ofCase(CaseId caseId) {
        return jdbc.sql("select * from custody_verification where case_id = ? order by opened_at")
                .param(caseId.value()).query(VerificationStore::read).list();
    }

    /**
     * Open checks of the centre's cases, of one of {@code steps}, whose first person has signed and is not
     * {@code notUser}: oldest first signature first. The first signer's name is the one printed on their signature.
     */
    List<AwaitingWitness> awaitingWitness(UUID centre, Set<VerificationStep> steps, UUID notUser, int limit) {
        if (steps.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select v.*, c.reference, c.patient_id, s.printed_name, s.signed_at
                from custody_verification v
                join therapy_case c on c.id = v.case_id
                join electronic_signature s on s.id = v.first_signature_id
                where v.status = 'OPEN' and c.treating_centre_id = ? and v.first_user_id <> ?
                order by s.signed_at, v.id""")
                .params(centre, notUser)
                .query((row, n) -> new AwaitingWitness(read(row, n), row.getString("reference"),
                        row.getObject("patient_id", UUID.class), null, row.getString("printed_name"),
                        row.getTimestamp("signed_at").toInstant()))
                .list().stream().filter(a -> steps.contains(a.verification().step())).limit(limit).toList();
    }

    private static Verification read(ResultSet row, int n) throws SQLException {
        UUID first = row.getObject("first_user_id", UUID.class);
        UUID second = row.getObject("second_user_id", UUID.class);
        Timestamp completed = row.getTimestamp("completed_at");
        UUID device = row.getObject("second_on_device_of", UUID.class);
        return new Verification(row.getObject("id", UUID.class), new CaseId(row.getObject("case_id", UUID.class)),
                row.getObject("item_id", UUID.class), VerificationStep.valueOf(row.getString("step")),
                Verification.Status.valueOf(row.getString("status")), row.getString("place"),
                row.getTimestamp("opened_at").toInstant(), row.getString("opened_by_name"),
                first == null ? null : new UserId(first), row.getObject("first_signature_id", UUID.class),
                second == null ? null : new UserId(second), row.getObject("second_signature_id", UUID.class),
                completed == null ? null : completed.toInstant(), device == null ? null : new UserId(device),
                row.getInt("version"));
    }
}
