package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.impl.ApplicationRouterImpl;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.protocol.ReceivingApplicationExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The MLLP listener (HAPI's {@link HL7Service}), on {@code cartpath.hl7.port} when it is set and not otherwise. Every
 * message goes to {@link InboundMessages}; one HAPI cannot parse is stored and refused there too, through the
 * exception handler HAPI calls with the raw text. Started after the application is ready to serve (the database is
 * migrated), stopped before it shuts down.
 */
@Component
class Hl7Listener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Hl7Listener.class);

    private final Hl7Settings settings;
    private final Hl7Codec codec;
    private final InboundMessages inbox;
    private final boolean commandLine;
    private volatile HL7Service server;
    private volatile int port;

    Hl7Listener(Hl7Settings settings, Hl7Codec codec, InboundMessages inbox, Environment environment) {
        // the command line (audit-verify) runs beside a running cartpath: it must not take the listener's port
        this.commandLine = environment.getProperty("cartpath.cli", Boolean.class, false);
        this.settings = settings;
        this.codec = codec;
        this.inbox = inbox;
    }

    /** The port the listener is on, or 0 when it is off. */
    int port() {
        return server == null ? 0 : port;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || commandLine || server != null) {
            return;
        }
        port = settings.port() == 0 ? freePort() : settings.port();
        HL7Service service = codec.context().newServer(port, false);
        service.registerApplication("*", "*", new Application());
        service.setExceptionHandler(new Refusals());
        try {
            service.startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The HL7 v2 listener did not start", e);
        }
        if (service.getServiceExitedWithException() != null) {
            throw new IllegalStateException("The HL7 v2 listener could not listen on port " + port,
                    service.getServiceExitedWithException());
        }
        server = service;
        log.info("HL7 v2 listener (MLLP) on port {}: ORU^R01 results and ADT^A01/A03/A08/A31/A40 for the centres whose"
                + " ODS code is MSH-6", port);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        // after the web server (which starts at SmartLifecycle.DEFAULT_PHASE - 1024), so messages meet a ready application
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Application implements ReceivingApplication<Message> {
        @Override
        public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
            return inbox.receive((String) metadata.get(ApplicationRouterImpl.RAW_MESSAGE_KEY), message);
        }

        @Override
        public boolean canProcess(Message message) {
            return true;
        }
    }

    /**
     * HAPI calls this when it cannot parse a message (the metadata then has no raw message yet) and when cartpath failed
     * to answer one it parsed. The first is stored and refused (AR); the second keeps HAPI's AE (application internal
     * error), so the sender tries again later: nothing was stored, nothing is lost.
     */
    private final class Refusals implements ReceivingApplicationExceptionHandler {
        @Override
        public String processException(String incoming, Map<String, Object> metadata, String outgoing, Exception e) {
            if (metadata.containsKey(ApplicationRouterImpl.RAW_MESSAGE_KEY)) {
                log.error("HL7 v2 message not processed; answered AE so that the sender retries", e);
                return outgoing;
            }
            try {
                HL7Exception problem = e instanceof HL7Exception h ? h : new HL7Exception(e.getMessage(), e);
                return inbox.refuse(incoming, problem, outgoing);
            } catch (RuntimeException failed) {
                log.error("HL7 v2 message that could not be parsed was not stored; answered AE", failed);
                return outgoing;
            }
        }
    }
}
