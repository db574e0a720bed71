package org.cartpath.shared;

import java.util.Objects;
import java.util.UUID;

public record OrganisationId(@com.fasterxml.jackson.annotation.JsonValue UUID value) implements java.io.Serializable {
    public OrganisationId {
        Objects.requireNonNull(value, "organisation id");
    }

    public static OrganisationId of(String value) {
        return new OrganisationId(Ids.parse(value, "organisation"));
    }

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
