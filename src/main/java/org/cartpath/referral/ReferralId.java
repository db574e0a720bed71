package org.cartpath.referral;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import org.cartpath.shared.Ids;

/** The opaque id of a referral; the case reference (CP-2026-00042) is what people quote. */
public record ReferralId(@JsonValue UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "referral id");
    }

    /** Reads an id from a path or form; a malformed id is a referral that does not exist (404). */
    public static ReferralId of(String value) {
        return new ReferralId(Ids.parse(value, "referral"));
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
