package org.cartpath.patient;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.cartpath.shared.Ids;

/** The opaque id of a patient in cartpath; the NHS number and local numbers are separate fields. */
public record PatientId(@JsonValue UUID value) {

    public PatientId {
        Objects.requireNonNull(value, "patient id");
    }

    /** Reads an id from a path or form; a malformed id is a patient that does not exist (404). */
    public static PatientId of(String value) {
        return new PatientId(Ids.parse(value, "patient"));
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
