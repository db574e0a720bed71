package org.cartpath.custody.telemetry;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Stores readings the fast way: COPY into a temporary table, then one INSERT … SELECT … ON CONFLICT DO NOTHING
 * into the readings table, whose key is the reading itself (shipper, logger, time). A retried batch therefore
 * adds nothing, and a batch is stored whole or not at all (one transaction).
 */
@Repository
class ReadingStore {

    /** What storing a batch did: new readings, readings already stored, and those stored with another value. */
    record Stored(int stored, int alreadyStored, int conflicting) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    ReadingStore(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Must run inside the caller's transaction: the temporary table lives until it ends. */
    Stored store(String shipperId, UUID shipmentId, UUID batchId, List<Reading> readings) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table if not exists custody_reading_batch (logger_id text, "
                        + "read_at timestamptz, celsius numeric(6, 2)) on commit drop");
                statement.execute("truncate custody_reading_batch");
            }
            StringBuilder csv = new StringBuilder(readings.size() * 48);
            for (Reading r : readings) {
                csv.append(r.loggerId()).append(',').append(r.readAt()).append(',').append(r.celsius().toPlainString()).append('\n');
            }
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy custody_reading_batch (logger_id, read_at, celsius) from stdin (format csv)",
                            new StringReader(csv.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Copying readings into PostgreSQL failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        int stored = jdbc.sql("""
                insert into custody_temperature_reading (shipper_id, logger_id, read_at, celsius, shipment_id, batch_id)
                select ?, logger_id, read_at, celsius, ?, ? from custody_reading_batch
                on conflict (shipper_id, logger_id, read_at) do nothing""")
                .params(shipperId, shipmentId, batchId).update();
        int conflicting = stored == readings.size() ? 0 : jdbc.sql("""
                select count(*) from custody_reading_batch b
                join custody_temperature_reading r on r.shipper_id = ? and r.logger_id = b.logger_id and r.read_at = b.read_at
                where r.batch_id <> ? and r.celsius <> b.celsius""")
                .params(shipperId, batchId).query(Integer.class).single();
        return new Stored(stored, readings.size() - stored, conflicting);
    }
}
