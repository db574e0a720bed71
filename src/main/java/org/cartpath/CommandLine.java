package org.cartpath;

import java.util.Arrays;
import org.cartpath.audit.AuditVerification;
import org.cartpath.audit.AuditVerifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * cartpath's command-line tasks, run without the web server against the same database configuration.
 * With the embedded database they work whether or not cartpath is running: a running cartpath's database
 * is reached on its port.
 */
final class CommandLine {

    private CommandLine() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("audit-verify");
    }

    static int run(String[] args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CartpathApplication.class)
                .web(WebApplicationType.NONE)
                .properties("cartpath.cli=true", "spring.main.banner-mode=off", "logging.level.root=WARN",
                        "spring.session.store-type=none")
                .run(rest)) {
            AuditVerification result = context.getBean(AuditVerifier.class).verify();
            if (result.intact()) {
                System.out.println("Audit trail intact: " + result.rowsChecked() + " rows verified"
                        + (result.lastHash() == null ? "" : "; head " + result.lastHash()));
                return 0;
            }
            System.out.println("Audit trail BROKEN at row " + result.firstBrokenSeq() + ": " + result.problem());
            return 1;
        }
    }
}
