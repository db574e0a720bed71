package org.cartpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.cartpath.platform.database.EmbeddedPostgresServer;
import org.cartpath.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code java -jar cartpath.jar audit-verify}: prints the result and exits 0 when intact, 1 when broken. */
class CommandLineIT {

    @Test
    void auditVerifyReportsAnIntactTrailAndThenTheBrokenRow() {
        String database = TestDatabase.newDatabase("cli");
        String[] connection = {"--cartpath.db.url=" + TestDatabase.url(database),
                "--cartpath.db.user=" + EmbeddedPostgresServer.APP_ROLE,
                "--cartpath.db.password=" + EmbeddedPostgresServer.APP_ROLE, "--cartpath.db.owner.user=postgres",
                "--cartpath.db.owner.password=", "--cartpath.demo=true"};
        // a first run migrates the empty database; nothing has been audited yet
        Result empty = run(connection);
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.output()).contains("Audit trail intact: 0 rows verified");

        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.superuser(database));
        String genesis = "0".repeat(64);
        // a forger adds a row and chains it with a made-up hash
        superuser.execute("begin; set local session_replication_role = replica; insert into audit_event (id, occurred_at, "
                + "actor_id, actor_type, actor_name, action, entity_type, entity_id, xact_id) overriding system value "
                + "values (1, now(), 'forger', 'PERSON', 'Forger', 'FORGED', 'Case', '1', '1'); insert into audit_seal "
                + "(seq, event_id, previous_hash, hash) values (1, 1, '" + genesis + "', '" + "f".repeat(64) + "'); commit;");
        Result broken = run(connection);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output()).contains("Audit trail BROKEN at row 1");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String[] connection) {
        String[] args = new String[connection.length + 1];
        args[0] = "audit-verify";
        System.arraycopy(connection, 0, args, 1, connection.length);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = CommandLine.run(args);
            return new Result(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
