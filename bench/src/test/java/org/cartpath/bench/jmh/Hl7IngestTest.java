package org.cartpath.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.junit.jupiter.api.Test;

class Hl7IngestTest {

    @Test
    void theOruIsAValidV251ResultsMessageForThePatientAtTheCentreWithFiveResults() throws Exception {
        try (HapiContext context = new DefaultHapiContext()) {
            Message message = context.getPipeParser().parse(Hl7Ingest.oru("9990010072", "19760508", "RBX07", "RUN-1"));
            Terser t = new Terser(message);
            assertEquals("ORU", t.get("/MSH-9-1"));
            assertEquals("R01", t.get("/MSH-9-2"));
            assertEquals("2.5.1", t.get("/MSH-12"));
            assertEquals("RBX07", t.get("/MSH-6"));
            assertEquals("RUN-1", t.get("/MSH-10"));
            assertEquals("9990010072", t.get("/.PID-3-1"));
            assertEquals("NHS", t.get("/.PID-3-4"));
            assertEquals("19760508", t.get("/.PID-7"));
            assertEquals("CREA", t.get("/.OBSERVATION(4)/OBX-3-1"));
            assertEquals("umol/L", t.get("/.OBSERVATION(4)/OBX-6"));
        }
    }

    @Test
    void theCeilingsMessageIsAnAdtEventCartpathDoesNotTake() throws Exception {
        try (HapiContext context = new DefaultHapiContext()) {
            Terser t = new Terser(context.getPipeParser().parse(Hl7Ingest.adtA04("9990010072", "19760508", "RBX07",
                    "RUN-R2")));
            assertEquals("ADT", t.get("/MSH-9-1"));
            assertEquals("A04", t.get("/MSH-9-2"));
            assertEquals("RUN-R2", t.get("/MSH-10"));
        }
    }
}
