package org.cartpath.interop.fhir;

import java.util.Optional;
import java.util.UUID;

/** Ids of the form {@code <prefix>-<uuid in base 36>-<uuid in base 36>} (a case and one of its records). */
final class TwoPartIds {

    private TwoPartIds() {
    }

    static String of(String prefix, UUID first, UUID second) {
        return prefix + "-" + ObservationIds.base36(first) + "-" + ObservationIds.base36(second);
    }

    static Optional<UUID[]> parse(String prefix, String id) {
        if (id == null || !id.startsWith(prefix + "-")) {
            return Optional.empty();
        }
        String[] parts = id.substring(prefix.length() + 1).split("-", -1);
        try {
            return parts.length != 2 ? Optional.empty() : Optional.of(new UUID[] {
                    ObservationIds.fromBase36(parts[0]), ObservationIds.fromBase36(parts[1])});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
