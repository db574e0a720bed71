package org.cartpath.interop.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v251.message.ACK;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * HAPI's parser, set up once: every version from 2.3 to 2.5.1 is read into the v2.5.1 structures (HAPI's canonical
 * model class factory), with HAPI's own validation off, because cartpath checks what it files itself and answers each
 * problem in its own words. Also builds the acknowledgements (HL7 v2.5.1 chapter 2.9: original acknowledgement mode).
 */
@Component
class Hl7Codec implements AutoCloseable {

    private final HapiContext context;
    private final PipeParser parser;

    Hl7Codec() {
        // an executor of its own: HAPI's default one is shared by every HapiContext in the JVM and shut down when any
        // of them is closed, which would stop the listener accepting connections
        AtomicInteger threads = new AtomicInteger();
        context = new DefaultHapiContext(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "hl7-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        // the acknowledgements' own control ids: random, so that no id file is written to the working directory
        context.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        parser = context.getPipeParser();
    }

    HapiContext context() {
        return context;
    }

    Message parse(String raw) throws HL7Exception {
        return parser.parse(raw);
    }

    /** The header of a parsed message. */
    static MessageHeader header(Message message) throws HL7Exception {
        return header((Segment) message.get("MSH"));
    }

    /** The header of a message HAPI could not parse, as far as its MSH can be read; null when not at all. */
    MessageHeader headerOf(String raw) {
        try {
            Message header = headerOnly(raw);
            return header == null ? null : header(header);
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    /** The message's MSH segment alone, parsed, or null when the message does not start with one HAPI can read. */
    private Message headerOnly(String raw) {
        String first = raw == null ? "" : raw.strip().split("[\r\n]+", 2)[0];
        if (!first.startsWith("MSH")) {
            return null;
        }
        try {
            return parser.parse(first);
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    private static MessageHeader header(Segment msh) throws HL7Exception {
        String type = join(Terser.get(msh, 9, 0, 1, 1), Terser.get(msh, 9, 0, 2, 1));
        return new MessageHeader(blankToNull(Terser.get(msh, 3, 0, 1, 1)), blankToNull(Terser.get(msh, 4, 0, 1, 1)),
                blankToNull(Terser.get(msh, 6, 0, 1, 1)), type, blankToNull(Terser.get(msh, 10, 0, 1, 1)),
                blankToNull(Terser.get(msh, 12, 0, 1, 1)));
    }

    /** The acknowledgement of {@code message}: AA, or AE/AR with an ERR segment giving the error code and reason. */
    static Message acknowledgement(Message message, Answer answer) throws HL7Exception {
        try {
            if (answer.code() == AcknowledgmentCode.AA) {
                return message.generateACK();
            }
            Message ack = message.generateACK(answer.code(), new HL7Exception(answer.reason(), answer.errorCode()));
            // ERR-8, the user message: the reason in words for the people who run the sending system
            new Terser(ack).set("ERR-8", answer.reason());
            return ack;
        } catch (IOException e) {
            throw new HL7Exception("Could not build the acknowledgement: " + e.getMessage(), e);
        }
    }

    /**
     * The refusal (AR) of a message HAPI could not parse, built from its MSH when that can be read on its own (so that
     * MSA-2 names the control id), otherwise a bare acknowledgement; HAPI's own answer only if neither can be built.
     */
    String refusal(String raw, String hapiAnswer, Answer answer) {
        try {
            Message header = headerOnly(raw);
            Message ack;
            if (header != null) {
                ack = acknowledgement(header, answer);
            } else {
                ACK bare = new ACK();
                bare.setParser(parser);
                bare.initQuickstart("ACK", null, "P");
                Terser terser = new Terser(bare);
                terser.set("MSA-1", answer.code().name());
                terser.set("ERR-3-1", String.valueOf(answer.errorCode().getCode()));
                terser.set("ERR-4", "E");
                terser.set("ERR-8", answer.reason());
                ack = bare;
            }
            return parser.encode(ack);
        } catch (HL7Exception | IOException | RuntimeException e) {
            return hapiAnswer;
        }
    }

    /** What cartpath answers a message: the acknowledgement code, and for AE/AR the HL7 error code and the reason. */
    record Answer(AcknowledgmentCode code, ErrorCode errorCode, String reason) {

        static final Answer ACCEPTED = new Answer(AcknowledgmentCode.AA, null, null);

        static Answer error(ErrorCode errorCode, String reason) {
            return new Answer(AcknowledgmentCode.AE, errorCode, reason);
        }

        static Answer refused(ErrorCode errorCode, String reason) {
            return new Answer(AcknowledgmentCode.AR, errorCode, reason);
        }
    }

    private static String join(String type, String event) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return event == null || event.isBlank() ? type.strip() : type.strip() + "^" + event.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public void close() throws IOException {
        context.close();
    }
}
