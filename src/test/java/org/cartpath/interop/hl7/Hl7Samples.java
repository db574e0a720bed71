package org.cartpath.interop.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The sample messages in src/test/resources/hl7, with their placeholders filled and HL7's segment separator (CR). */
final class Hl7Samples {

    static final String MORNING_BLOODS = "oru-r01-v251-morning-bloods.hl7";
    static final String HAEMOGLOBIN_V23 = "oru-r01-v23-haemoglobin.hl7";
    static final String ADMISSION = "adt-a01-v251-admission.hl7";
    static final String UPDATE_PATIENT = "adt-a08-v251-update-patient.hl7";
    static final String MERGE = "adt-a40-v251-merge.hl7";

    private Hl7Samples() {
    }

    static String load(String name, Map<String, String> values) {
        try (InputStream in = Hl7Samples.class.getResourceAsStream("/hl7/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text.replace("\r\n", "\r").replace('\n', '\r');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of an ADT sample: the patient as the hospital's PAS names them; the address as PID-11 (XAD). */
    static Map<String, String> adt(String centre, String control, String nhsNumber, String family, String given,
            String dateOfBirth, String address) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("CENTRE", centre, "CONTROL", control, "NHS",
                nhsNumber, "FAMILY", family, "GIVEN", given, "DOB", dateOfBirth, "ADDRESS", address, "WARD", "SKYLARK"));
        values.put("MERGED", "");
        return values;
    }

    static Map<String, String> values(String centre, String control, String nhsNumber, String dateOfBirth) {
        return Map.of("CENTRE", centre, "CONTROL", control, "NHS", nhsNumber, "DOB", dateOfBirth, "FAMILY", "Fixture");
    }
}
