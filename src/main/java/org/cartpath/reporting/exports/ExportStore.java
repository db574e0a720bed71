package org.cartpath.reporting.exports;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cartpath.shared.Actor;
import org.cartpath.shared.DataScope;
import org.cartpath.shared.InternalJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The export runs, their files and manifests, and the pseudonym keys (V185). */
@Component
class ExportStore {

    private static final String COLUMNS = """
            id, kind, format, period_month, purpose, centre_id, pseudonymised, with_gaps, status, requested_by_name,
            requested_at, progress_done, progress_total, extracted_at, completed_at, row_count, sha256, file_name,
            failure, restart_of""";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    ExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The runs the scope sees: a centre's own exports; for the commissioner, the national exports only (a centre's
     * export names its patients' case references, which the commissioner never sees). Newest first.
     */
    List<ExportRun> history(DataScope scope, int limit) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from reporting_export e where (" + scope.owns("e.centre_id")
                + ") and ((e.centre_id is null) = :national) order by e.requested_at desc, e.id limit :limit"))
                .param("national", scope.everyOrganisation()).param("limit", limit)
                .query((row, n) -> run(row)).list();
    }

    Optional<ExportRun> find(DataScope scope, UUID id) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from reporting_export e where e.id = :id and ("
                + scope.owns("e.centre_id") + ") and ((e.centre_id is null) = :national)"))
                .param("id", id).param("national", scope.everyOrganisation())
                .query((row, n) -> run(row)).optional();
    }

    Optional<ExportRun> get(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reporting_export where id = ?").param(id)
                .query((row, n) -> run(row)).optional();
    }

    Optional<ExportRun> running(ExportKind kind, ExportFormat format, YearMonth month, UUID centre) {
        return jdbc.sql("select " + COLUMNS + " from reporting_export where status = 'RUNNING' and kind = :kind "
                        + "and format = :format and period_month = :month and centre_id is not distinct from :centre")
                .param("kind", kind.name()).param("format", format.name()).param("month", Date.valueOf(month.atDay(1))).param("centre", centre)
                .query((row, n) -> run(row)).optional();
    }

    /** Inserts a running export unless one for the same kind, month and scope is running; false when one is. */
    boolean insertRunning(UUID id, ExportKind kind, ExportFormat format, YearMonth month, String purpose, UUID centre,
            boolean pseudonymised, boolean withGaps, Actor actor, Instant now, UUID restartOf) {
        return jdbc.sql("""
                insert into reporting_export (id, kind, format, period_month, purpose, centre_id, pseudonymised, with_gaps,
                    status, requested_by_id, requested_by_name, requested_by_org, requested_at, restart_of,
                    heartbeat_at)
                values (:id, :kind, :format, :month, :purpose, :centre, :pseudonymised, :withGaps, 'RUNNING', :by, :byName,
                    :org, :now, :restartOf, :now)
                on conflict (kind, format, period_month, coalesce(centre_id, '00000000-0000-0000-0000-000000000000'::uuid))
                    where status = 'RUNNING' do nothing""")
                .param("id", id).param("kind", kind.name()).param("format", format.name()).param("month", Date.valueOf(month.atDay(1)))
                .param("purpose", purpose).param("centre", centre).param("pseudonymised", pseudonymised)
                .param("withGaps", withGaps).param("by", actor.id()).param("byName", actor.displayName())
                .param("org", actor.organisationId().value()).param("now", Timestamp.from(now))
                .param("restartOf", restartOf).update() == 1;
    }

    void progress(UUID id, int done, int total, Instant now) {
        jdbc.sql("update reporting_export set progress_done = ?, progress_total = ?, heartbeat_at = ? "
                + "where id = ? and status = 'RUNNING'").params(done, total, Timestamp.from(now), id).update();
    }

    /** A running export's job is alive. */
    void heartbeat(UUID id, Instant now) {
        jdbc.sql("update reporting_export set heartbeat_at = ? where id = ? and status = 'RUNNING'")
                .params(Timestamp.from(now), id).update();
    }

    /** Completes a running export with its file; false when it is no longer running (it was marked interrupted). */
    boolean complete(UUID id, Instant extractedAt, Instant now, int rows, String sha256, String fileName, byte[] file,
            String manifest) {
        return jdbc.sql("""
                update reporting_export set status = 'COMPLETE', extracted_at = :extracted, completed_at = :now,
                    heartbeat_at = :now, row_count = :rows, sha256 = :sha, file_name = :name, file = :file,
                    manifest = :manifest, progress_done = progress_total
                where id = :id and status = 'RUNNING'""")
                .param("extracted", Timestamp.from(extractedAt)).param("now", Timestamp.from(now))
                .param("rows", rows).param("sha", sha256).param("name", fileName).param("file", file)
                .param("manifest", manifest).param("id", id).update() == 1;
    }

    boolean fail(UUID id, String failure, Instant now) {
        return jdbc.sql("update reporting_export set status = 'FAILED', failure = ?, heartbeat_at = ? "
                + "where id = ? and status = 'RUNNING'").params(failure, Timestamp.from(now), id).update() == 1;
    }

    /** The running exports whose job has not reported since {@code staleBefore}: their job stopped with its instance. */
    @InternalJob("recovery at start-up and every half minute: finds the exports left running by a stopped instance; no actor sees these rows")
    List<UUID> stale(Instant staleBefore) {
        return jdbc.sql("select id from reporting_export where status = 'RUNNING' and heartbeat_at < ? order by id "
                + "for update skip locked").param(Timestamp.from(staleBefore)).query(UUID.class).list();
    }

    boolean markInterrupted(UUID id, Instant now) {
        return jdbc.sql("update reporting_export set status = 'INTERRUPTED', heartbeat_at = ?, "
                + "failure = 'The application stopped while the export ran; no file was kept' "
                + "where id = ? and status = 'RUNNING'").params(Timestamp.from(now), id).update() == 1;
    }

    record Stored(String fileName, byte[] file, String manifest) {
    }

    Optional<Stored> stored(UUID id) {
        return jdbc.sql("select file_name, file, manifest from reporting_export where id = ? and status = 'COMPLETE'")
                .param(id).query((row, n) -> new Stored(row.getString(1), row.getBytes(2), row.getString(3)))
                .optional();
    }

    /** The secret of a purpose's pseudonyms, if it was made. */
    Optional<byte[]> pseudonymKey(String purpose) {
        return jdbc.sql("select secret from reporting_pseudonym_key where purpose = ?").param(purpose)
                .query(byte[].class).optional();
    }

    /** Makes the secret of a purpose's pseudonyms; false when another transaction made it first. */
    boolean createPseudonymKey(String purpose, Instant now) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return jdbc.sql("insert into reporting_pseudonym_key (purpose, secret, created_at) values (?, ?, ?) "
                + "on conflict (purpose) do nothing").params(purpose, secret, Timestamp.from(now)).update() == 1;
    }

    private static ExportRun run(ResultSet row) throws SQLException {
        return new ExportRun(row.getObject("id", UUID.class), ExportKind.valueOf(row.getString("kind")),
                ExportFormat.valueOf(row.getString("format")),
                YearMonth.from(row.getObject("period_month", LocalDate.class)), row.getString("purpose"),
                row.getObject("centre_id", UUID.class), row.getBoolean("pseudonymised"), row.getBoolean("with_gaps"),
                ExportRun.Status.valueOf(row.getString("status")), row.getString("requested_by_name"),
                instant(row, "requested_at"), row.getInt("progress_done"), row.getInt("progress_total"),
                instant(row, "extracted_at"), instant(row, "completed_at"), (Integer) row.getObject("row_count"),
                row.getString("sha256"), row.getString("file_name"), row.getString("failure"),
                row.getObject("restart_of", UUID.class));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
