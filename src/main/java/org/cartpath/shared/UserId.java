package org.cartpath.shared;

import java.util.Objects;
import java.util.UUID;

public record UserId(@com.fasterxml.jackson.annotation.JsonValue UUID value) implements java.io.Serializable {
    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId of(String value) {
        return new UserId(Ids.parse(value, "user"));
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
