package org.cartpath;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import org.cartpath.audit.AuditVerification;
import org.cartpath.audit.AuditVerifier;
import org.cartpath.audit.OfflineAuditVerifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * cartpath's command-line tasks, run without the web server against the same database configuration.
 * With the embedded database they work whether or not cartpath is running: a running cartpath's database
 * is reached on its port. {@code audit-verify --export FILE [--public-key FILE]} verifies an exported trail with
 * neither a database nor Spring (ADR 0025).
 */
final class CommandLine {

    private CommandLine() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("audit-verify");
    }

    static int run(String[] args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        List<String> options = Arrays.asList(rest);
        if (options.contains("--export")) {
            return verifyExport(options);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CartpathApplication.class)
                .web(WebApplicationType.NONE)
                .properties("cartpath.cli=true", "spring.main.banner-mode=off", "logging.level.root=WARN",
                        "spring.session.store-type=none")
                .run(rest)) {
            AuditVerification result = context.getBean(AuditVerifier.class).verify();
            if (result.intact()) {
                System.out.println("Audit trail intact: " + result.rowsChecked() + " rows verified"
                        + (result.lastHash() == null ? "" : "; head " + result.lastHash())
                        + (result.awaitingSeal() == 0 ? "" : "; " + result.awaitingSeal() + " rows awaiting their seal"));
                return 0;
            }
            System.out.println(result.firstBrokenSeq() != null
                    ? "Audit trail BROKEN at row " + result.firstBrokenSeq() + ": " + result.problem()
                    : "Audit trail BROKEN: " + result.problem());
            return 1;
        }
    }

    /** Exit 0: the export verifies; 1: it does not; 2: the command was given wrongly or a file cannot be read. */
    private static int verifyExport(List<String> options) {
        String export = value(options, "--export");
        String keyFile = value(options, "--public-key");
        if (export == null || (options.contains("--public-key") && keyFile == null)) {
            System.out.println("Usage: java -jar cartpath.jar audit-verify --export FILE [--public-key FILE]");
            return 2;
        }
        try {
            PublicKey key = keyFile == null ? null
                    : OfflineAuditVerifier.readPublicKey(Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII));
            OfflineAuditVerifier.Result result;
            try (BufferedReader in = Files.newBufferedReader(Path.of(export), StandardCharsets.UTF_8)) {
                result = OfflineAuditVerifier.verify(in, key);
            }
            if (result.intact()) {
                System.out.println("Audit export intact: " + result.rows() + " rows and " + result.checkpoints()
                        + " signed checkpoints verified"
                        + (result.signedUpTo() == null ? "; NO row is covered by a signed checkpoint"
                                : "; signed up to row " + result.signedUpTo()
                                        + (result.signedUpTo() < result.rows()
                                                ? " (rows after it are linked but not signed)" : ""))
                        + (result.trustedKey() ? "; signatures checked against the given public key"
                                : "; signatures checked against the file's own keys " + result.keyIds()
                                        + " (give --public-key to check them against the key you trust)"));
                return 0;
            }
            System.out.println("Audit export BROKEN"
                    + (result.firstBrokenSeq() == null ? "" : " at row " + result.firstBrokenSeq())
                    + (result.line() == 0 ? "" : " (line " + result.line() + ")") + ": " + result.problem());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            System.out.println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }

    private static String value(List<String> options, String name) {
        int at = options.indexOf(name);
        return at < 0 || at + 1 >= options.size() || options.get(at + 1).startsWith("--") ? null : options.get(at + 1);
    }
}
