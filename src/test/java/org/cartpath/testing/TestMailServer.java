package org.cartpath.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server in the test JVM (GreenMail), started once on a free port, and the shared test application's
 * {@code spring.mail.*} pointed at it, so the one Spring context of the suite sends real e-mail that tests read back.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;
    private static int port;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + start(),
                "CARTPATH_SMTP_TLS=false", "cartpath.mail.from=cartpath@test.invalid").applyTo(context);
    }

    /** Starts the server once; answers its port. */
    public static synchronized int start() {
        if (server == null) {
            if (port == 0) {
                port = freePort();
            }
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
        }
        return port;
    }

    /** Stops the server (as an SMTP server that is down); {@link #start()} starts it again on the same port. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The messages received so far addressed to {@code address}. */
    public static List<MimeMessage> messagesTo(String address) {
        start();
        return Arrays.stream(server.getReceivedMessages()).filter(m -> to(m).contains(address.toLowerCase())).toList();
    }

    private static String to(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients == null ? "" : Arrays.toString(recipients).toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
