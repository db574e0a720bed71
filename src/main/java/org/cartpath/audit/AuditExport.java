package org.cartpath.audit;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cartpath.shared.Actor;
import org.cartpath.shared.CanonicalJson;
import org.cartpath.shared.DataVisibility;
import org.cartpath.shared.ProblemException;
import org.cartpath.shared.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole chain as a file anyone can verify offline with the public key ({@code docs/audit-export-format.md}):
 * JSON lines — a header with the format's version and the signing keys, the signed checkpoints, every sealed row with
 * the exact canonical text its hash covers, and an end line with the counts. The export is itself audited, and it
 * first seals what can be sealed and signs the head, so that the file is signed to its last row.
 */
@Service
public class AuditExport {

    public static final String FORMAT = "cartpath-audit-export";
    public static final int VERSION = 1;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate ownTransaction;
    private final AuditTrail audit;
    private final AuditSealer sealer;
    private final AuditSigningKey key;
    private final CanonicalJson json;
    private final Clock clock;

    AuditExport(DataSource dataSource, PlatformTransactionManager transactions, AuditTrail audit, AuditSealer sealer,
            AuditSigningKey key, JsonMapper mapper, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.sealer = sealer;
        this.key = key;
        this.json = new CanonicalJson(mapper);
        this.clock = clock;
    }

    /**
     * Refuses everyone but the operator's administrators and auditors: the chain is verified whole, and the whole
     * chain holds every organisation's rows.
     */
    public void requireExporter(Actor actor) {
        if (!mayExport(actor)) {
            throw ProblemException.forbidden("Only the operator's administrators and auditors export the audit trail: "
                    + "it holds every organisation's rows");
        }
    }

    /** Whether an actor may export the trail (for pages that offer the link). */
    public boolean mayExport(Actor actor) {
        return actor.hasAnyRole(Role.ADMINISTRATOR, Role.AUDITOR) && DataVisibility.auditScope(actor).everyOrganisation();
    }

    /** The public key of the checkpoints' signatures, as PEM; for any administrator or auditor. */
    public String publicKeyPem(Actor actor) {
        if (!actor.hasAnyRole(Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw ProblemException.forbidden("Only administrators and auditors download the audit trail's public key");
        }
        return key.publicKeyPem();
    }

    /** The signing key's id (SHA-256 of its X.509 encoding in base64), shown beside the download. */
    public String keyId() {
        return key.keyId();
    }

    /** Writes the export to {@code out}; the caller has checked {@link #requireExporter}. */
    public void export(Actor actor, OutputStream out) {
        requireExporter(actor);
        ownTransaction.executeWithoutResult(status -> audit.record(actor, "AUDIT_TRAIL_EXPORTED", "AuditTrail",
                "audit-trail", null, Map.of("format", FORMAT, "version", VERSION), null));
        sealer.checkpointNow();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        snapshot.executeWithoutResult(status -> write(writer));
    }

    private void write(Writer writer) {
        List<AuditCheckpoint> checkpoints = jdbc.query("select * from audit_checkpoint order by id",
                (row, n) -> AuditCheckpoints.read(row));
        Map<String, String> keys = new LinkedHashMap<>();
        checkpoints.forEach(c -> keys.put(c.keyId(), c.publicKey()));
        AuditExportWriter lines = new AuditExportWriter(writer, json);
        lines.header(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), keys);
        checkpoints.forEach(lines::checkpoint);
        jdbc.query("""
                select s.seq as chain_seq, s.previous_hash as chain_previous_hash, s.hash as chain_hash, e.*
                from audit_seal s join audit_event e on e.id = s.event_id order by s.seq""", (ResultSet row) -> {
            long seq = row.getLong("chain_seq");
            AuditEvent event = AuditVerifier.readRow(row).at(seq, row.getString("chain_previous_hash"),
                    row.getString("chain_hash"));
            lines.row(seq, event.previousHash(), event.hash(), AuditTrail.canonicalRow(event, json));
        });
        lines.end();
    }
}
