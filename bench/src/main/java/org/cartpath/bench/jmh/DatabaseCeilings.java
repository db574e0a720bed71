package org.cartpath.bench.jmh;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.postgresql.PGConnection;

/**
 * The database ceilings, measured on the same PostgreSQL server as cartpath (its embedded server, fsync and
 * synchronous commit on), in a database of their own ({@code bench_ceiling}) so that cartpath's data is untouched:
 *
 * <ul>
 *   <li>{@link #insertLoop}: one row per transaction into a table shaped like {@code audit_event} (same columns and
 *       indexes, no trigger), autocommit: the least a durable audited write can cost. Run with as many threads as
 *       the HTTP clients it is compared with ({@code -t 32}).</li>
 *   <li>{@link #copyBatch}: {@code COPY} of {@code batch} rows in one transaction into a table shaped like
 *       {@code custody_temperature_reading}: the least a durable telemetry batch can cost (rows/s = ops/s × batch).</li>
 * </ul>
 *
 * The server's port comes from {@code -Dpg.port} (bench/run.sh reads it from the data directory).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class DatabaseCeilings {

    static final AtomicInteger THREADS = new AtomicInteger();

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + Integer.getInteger("pg.port", 5432) + "/"
                + database, "postgres", "");
    }

    @State(Scope.Benchmark)
    public static class Schema {
        @Setup(Level.Trial)
        public void create() throws SQLException {
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("drop database if exists bench_ceiling");
                s.execute("create database bench_ceiling");
            }
            try (Connection c = connect("bench_ceiling"); Statement s = c.createStatement()) {
                s.execute("""
                        create table ceiling_audit_event (
                            id bigint generated always as identity primary key, occurred_at timestamptz not null,
                            actor_id text not null, actor_type text not null, actor_name text not null,
                            organisation_id uuid, action text not null, entity_type text not null,
                            entity_id text not null, before_state text, after_state text, reason text, request_id text,
                            xact_id xid8 not null default pg_current_xact_id())""");
                s.execute("create index on ceiling_audit_event (entity_type, entity_id)");
                s.execute("create index on ceiling_audit_event (actor_id)");
                s.execute("create index on ceiling_audit_event (occurred_at)");
                s.execute("create index on ceiling_audit_event (organisation_id)");
                s.execute("create index on ceiling_audit_event (xact_id, id)");
                s.execute("""
                        create table ceiling_temperature_reading (
                            shipper_id text not null, logger_id text not null, read_at timestamptz not null,
                            celsius numeric(6, 2) not null, shipment_id uuid not null, batch_id uuid not null,
                            primary key (shipper_id, logger_id, read_at))""");
            }
        }

        @TearDown(Level.Trial)
        public void drop() throws SQLException {
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("drop database if exists bench_ceiling with (force)");
            }
        }
    }

    @State(Scope.Thread)
    public static class Client {
        Connection connection;
        PreparedStatement insert;
        int thread;
        long batches;

        @Setup(Level.Trial)
        public void open(Schema schema) throws SQLException {
            connection = connect("bench_ceiling");
            connection.setAutoCommit(true);
            insert = connection.prepareStatement("""
                    insert into ceiling_audit_event (occurred_at, actor_id, actor_type, actor_name, organisation_id,
                        action, entity_type, entity_id, before_state, after_state, reason, request_id)
                    values (?, 'token-1', 'SYSTEM', 'bench writer (API token)', gen_random_uuid(), 'PATIENT_ENTRY_RECORDED',
                        'Patient', ?, null, ?, null, ?)""");
            thread = THREADS.incrementAndGet();
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Param("10000")
    public int batch;

    @Benchmark
    public int insertLoop(Client client) throws SQLException {
        client.insert.setTimestamp(1, Timestamp.from(Instant.now()));
        client.insert.setString(2, java.util.UUID.randomUUID().toString());
        client.insert.setString(3, "{\"kind\":\"MEASUREMENT\",\"measuredOn\":\"2026-12-01\",\"weightKg\":70.5}");
        client.insert.setString(4, java.util.UUID.randomUUID().toString());
        return client.insert.executeUpdate();
    }

    @Benchmark
    public long copyBatch(Client client) throws Exception {
        long n0 = client.batches++ * batch;
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        String shipment = java.util.UUID.randomUUID().toString();
        StringBuilder rows = new StringBuilder(batch * 100);
        for (int i = 0; i < batch; i++) {
            long n = n0 + i;
            rows.append("DS-CEILING-").append(client.thread).append("\tL").append(n % 4).append('\t')
                    .append(first.plusSeconds(30 * (n / 4))).append('\t').append(-185 + (n % 7) * 0.5).append('\t')
                    .append(shipment).append('\t').append(shipment).append('\n');
        }
        client.connection.setAutoCommit(false);
        long copied = ((PGConnection) client.connection.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                "copy ceiling_temperature_reading from stdin", new StringReader(rows.toString()));
        client.connection.commit();
        client.connection.setAutoCommit(true);
        return copied;
    }
}
