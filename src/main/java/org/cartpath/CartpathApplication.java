package org.cartpath;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * cartpath: the treatment centre's hub for CAR-T cell therapy.
 *
 * <p>{@code java -jar cartpath.jar} starts the web application; {@code java -jar cartpath.jar audit-verify}
 * verifies the audit trail and exits (0 intact, 1 broken).
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class CartpathApplication {

    public static void main(String[] args) {
        if (CommandLine.handles(args)) {
            System.exit(CommandLine.run(args));
        }
        SpringApplication.run(CartpathApplication.class, args);
    }
}
