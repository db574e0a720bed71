package org.cartpath.journey;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.cartpath.shared.Ids;

public record CaseId(@JsonValue UUID value) {
    public CaseId {
        Objects.requireNonNull(value, "case id");
    }

    public static CaseId of(String value) {
        return new CaseId(Ids.parse(value, "case"));
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
