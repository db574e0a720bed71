package org.cartpath.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;

/** Reading stored checkpoints. */
final class AuditCheckpoints {

    private AuditCheckpoints() {
    }

    static AuditCheckpoint read(ResultSet row) throws SQLException {
        return new AuditCheckpoint(row.getLong("seq"), row.getString("hash"),
                row.getTimestamp("signed_at").toInstant().truncatedTo(ChronoUnit.MICROS), row.getString("key_id"),
                row.getString("public_key"), row.getString("signature"));
    }
}
