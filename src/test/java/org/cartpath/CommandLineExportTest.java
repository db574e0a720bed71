package org.cartpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.cartpath.audit.ExportSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar cartpath.jar audit-verify --export FILE [--public-key FILE]}: no database, no Spring; exit 0 when the
 * export verifies, 1 when it does not (naming the first broken row), 2 when the command is wrong.
 */
class CommandLineExportTest {

    @TempDir
    Path files;

    @Test
    void anExportVerifiesWithItsPublicKeyAndAChangedOneIsReportedAtItsRow() throws IOException {
        KeyPair key = ExportSamples.newKey();
        Path export = Files.writeString(files.resolve("audit.jsonl"), ExportSamples.export(key, 4));
        Path publicKey = Files.writeString(files.resolve("key.pem"), ExportSamples.publicKeyPem(key));
        Path otherKey = Files.writeString(files.resolve("other.pem"), ExportSamples.publicKeyPem(ExportSamples.newKey()));

        Result intact = run("audit-verify", "--export", export.toString(), "--public-key", publicKey.toString());
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.output()).contains("Audit export intact: 4 rows and 1 signed checkpoints verified")
                .contains("signed up to row 4").contains("against the given public key");

        Result ownKey = run("audit-verify", "--export", export.toString());
        assertThat(ownKey.exitCode()).isZero();
        assertThat(ownKey.output()).contains("give --public-key");

        Result wrongKey = run("audit-verify", "--export", export.toString(), "--public-key", otherKey.toString());
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.output()).contains("Audit export BROKEN").contains("not by the given public key");

        Files.writeString(export, Files.readString(export).replace("\\\"actorId\\\":\\\"user:1\\\"",
                "\\\"actorId\\\":\\\"user:9\\\""));
        Result broken = run("audit-verify", "--export", export.toString(), "--public-key", publicKey.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output()).contains("Audit export BROKEN at row 2").contains("altered");
    }

    @Test
    void aMissingFileOrArgumentIsAUsageError() {
        assertThat(run("audit-verify", "--export").exitCode()).isEqualTo(2);
        assertThat(run("audit-verify", "--export", files.resolve("none.jsonl").toString()).exitCode()).isEqualTo(2);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Result(CommandLine.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
