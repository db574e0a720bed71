package org.cartpath.bench.jmh;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * HL7 v2 ingest (issue 16, "Performance"): a trust's integration engine sending ORU^R01 results (v2.5.1, five OBX:
 * neutrophils, platelets, CRP, ferritin, creatinine in the laboratory's local codes and units, as
 * src/test/resources/hl7/oru-r01-v251-morning-bloods.hl7) to cartpath's MLLP listener over <b>one</b> connection,
 * with HAPI HL7v2's own client ({@link Initiator#sendAndReceive}), and waiting for each ACK. Each message names a
 * patient with one open case at the centre its MSH-6 names (read from the database once), so it is matched, mapped,
 * converted and filed, stored raw with its control id and audited; anything but AA fails the benchmark.
 *
 * <ul>
 *   <li>{@link #oruFiled}: run with {@code -t 1} it is the sequential send-and-wait; with {@code -t 8} eight threads
 *       share the one connection (HAPI's initiator matches each ACK to its message by MSA-2), i.e. up to eight
 *       messages in flight on the connection: pipelined.</li>
 *   <li>{@link #refusedBeforeFiling}, the ceiling measured the same way: an ADT^A04 (an event cartpath does not take),
 *       parsed, stored raw, audited and answered AR, without patient matching or filing: the least any message costs
 *       the listener.</li>
 * </ul>
 *
 * Mode: sample time, so the score is the ACK latency (mean and percentiles, ms); messages per second = threads / mean.
 * The listener's port comes from {@code -Dhl7.port}, the database's from {@code -Dpg.port} (bench/run.sh).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class Hl7Ingest {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** NHS number, date of birth (yyyyMMdd), the treating centre's ODS code */
    private final List<String[]> patients = new ArrayList<>();
    private final AtomicLong control = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private HapiContext context;
    private Connection connection;
    private Initiator initiator;
    private Parser parser;

    @Setup(Level.Trial)
    public void connect() throws Exception {
        try (java.sql.Connection db = DatabaseCeilings.connect("cartpath"); Statement s = db.createStatement();
                ResultSet r = s.executeQuery("""
                        select p.nhs_number, to_char(p.date_of_birth, 'YYYYMMDD'), o.ods_code
                        from therapy_case c
                        join patient p on p.id = c.patient_id
                        join organisation o on o.id = c.treating_centre_id
                        where o.ods_code is not null and o.kind = 'TREATMENT_CENTRE' and o.active
                          and c.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')
                          and exists (select 1 from patient_access a where a.patient_id = p.id
                                       and a.organisation_id = o.id)
                          and (select count(*) from therapy_case c2 where c2.patient_id = p.id
                                and c2.stage not in ('COMPLETED', 'DECLINED', 'WITHDRAWN', 'DECEASED')) = 1
                        order by p.nhs_number limit 5000""")) {
            while (r.next()) {
                patients.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        if (patients.isEmpty()) {
            throw new IllegalStateException("no patient with one open case at a centre with an ODS code");
        }
        context = new DefaultHapiContext();
        context.setValidationContext(ValidationContextFactory.noValidation());
        parser = context.getPipeParser();
        connection = context.newClient("localhost", Integer.getInteger("hl7.port", 2575), false);
        initiator = connection.getInitiator();
        initiator.setTimeout(60, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (context != null) {
            context.close();
        }
    }

    @Benchmark
    public String oruFiled() throws Exception {
        String[] p = patients.get(ThreadLocalRandom.current().nextInt(patients.size()));
        return send(oru(p[0], p[1], p[2], run + "-" + control.incrementAndGet()), "AA");
    }

    @Benchmark
    public String refusedBeforeFiling() throws Exception {
        String[] p = patients.get(ThreadLocalRandom.current().nextInt(patients.size()));
        return send(adtA04(p[0], p[1], p[2], run + "-R" + control.incrementAndGet()), "AR");
    }

    private String send(String text, String expected) throws Exception {
        Message ack = initiator.sendAndReceive(parser.parse(text));
        String code = new Terser(ack).get("/MSA-1");
        if (!expected.equals(code)) {
            throw new IllegalStateException("answered " + code + " (expected " + expected + "): "
                    + new Terser(ack).get("/MSA-3") + " " + parser.encode(ack).replace('\r', '\n'));
        }
        return code;
    }

    static String oru(String nhs, String born, String ods, String controlId) {
        LocalDateTime now = LocalDateTime.now(LONDON);
        String sent = now.format(TS);
        String taken = now.minusMinutes(10).format(TS);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "MSH|^~\\&|WINPATH|BENCHLAB|CARTPATH|" + ods + "|" + sent + "||ORU^R01^ORU_R01|" + controlId
                + "|P|2.5.1|||AL|NE|GBR\r"
                + "PID|1||" + nhs + "^^^NHS^NH||Bench^Patient||" + born + "|U\r"
                + "OBR|1|ORD" + controlId + "|LAB" + controlId + "|FBC^Full blood count and chemistry^L|||" + taken + "\r"
                + "OBX|1|NM|NEUT^Neutrophils^L||" + (1 + r.nextInt(60)) / 10.0 + "|10*9/L|2.0-7.5|N|||F|||" + taken + "\r"
                + "OBX|2|NM|PLT^Platelets^L||" + (20 + r.nextInt(300)) + "|10*9/L|150-450|N|||F|||" + taken + "\r"
                + "OBX|3|NM|CRP^C-reactive protein^L||" + (1 + r.nextInt(200)) + "|mg/L|<5|N|||F|||" + taken + "\r"
                + "OBX|4|NM|FERR^Ferritin^L||" + (50 + r.nextInt(5000)) + "|ug/L|20-200|N|||F|||" + taken + "\r"
                + "OBX|5|NM|CREA^Creatinine^L||" + (30 + r.nextInt(120)) + "|umol/L|30-90|N|||F|||" + taken + "\r";
    }

    static String adtA04(String nhs, String born, String ods, String controlId) {
        String sent = LocalDateTime.now(LONDON).format(TS);
        return "MSH|^~\\&|PAS|BENCHPAS|CARTPATH|" + ods + "|" + sent + "||ADT^A04^ADT_A01|" + controlId
                + "|P|2.5.1|||AL|NE|GBR\r"
                + "EVN|A04|" + sent + "\r"
                + "PID|1||" + nhs + "^^^NHS^NH||Bench^Patient||" + born + "|U\r"
                + "PV1|1|O\r";
    }

}
