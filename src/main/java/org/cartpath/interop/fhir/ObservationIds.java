package org.cartpath.interop.fhir;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/**
 * The logical ids of the Observations the façade derives. One record of cartpath may give several Observations (an
 * assessment gives its temperature, pulse, grades…), so an id names the measure and the record: {@code crs-<assessment
 * id>} for a measure of a toxicity assessment; {@code creat-<patient>-<entry>} for a measure of an entry in a
 * patient's history, whose two UUIDs are written in base 36 to stay within FHIR's 64 characters
 * ({@code [A-Za-z0-9\-\.]{1,64}}). Ids are stable: the same record always gives the same id.
 */
final class ObservationIds {

    /** What an id names: an assessment's measure, or a patient entry's measure. */
    record Parsed(Measure measure, UUID assessmentId, UUID patientId, UUID entryId) {
    }

    private ObservationIds() {
    }

    static String ofAssessment(Measure measure, UUID assessmentId) {
        return measure.idPrefix() + "-" + assessmentId;
    }

    static String ofEntry(Measure measure, UUID patientId, UUID entryId) {
        return measure.idPrefix() + "-" + base36(patientId) + "-" + base36(entryId);
    }

    static Optional<Parsed> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int dash = id.indexOf('-');
        if (dash < 1) {
            return Optional.empty();
        }
        Optional<Measure> measure = Measure.byIdPrefix(id.substring(0, dash));
        if (measure.isEmpty()) {
            return Optional.empty();
        }
        String rest = id.substring(dash + 1);
        try {
            if (measure.get().fromAssessment()) {
                return Optional.of(new Parsed(measure.get(), UUID.fromString(rest), null, null));
            }
            String[] parts = rest.split("-", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(measure.get(), null, fromBase36(parts[0]), fromBase36(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String base36(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return new BigInteger(1, bytes.array()).toString(36);
    }

    static UUID fromBase36(String text) {
        if (!text.matches("[0-9a-z]{1,25}")) {
            throw new IllegalArgumentException("not a base-36 id: " + text);
        }
        BigInteger value = new BigInteger(text, 36);
        if (value.bitLength() > 128) {
            throw new IllegalArgumentException("too large for a UUID: " + text);
        }
        return new UUID(value.shiftRight(64).longValue(), value.longValue());
    }
}
