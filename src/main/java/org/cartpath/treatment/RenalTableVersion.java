package org.cartpath.treatment;

import java.time.Instant;
import java.util.UUID;
import org.cartpath.treatment.lymphodepletion.RenalBandTable;

/**
 * One version of a centre's fludarabine renal band table, or cartpath's default when the centre has none.
 *
 * @param id        null for the default
 * @param version   0 for the default
 * @param isDefault whether this is cartpath's default ({@link RenalBandTable#US_FLUDARA}), not the pharmacy's own
 */
public record RenalTableVersion(UUID id, int version, RenalBandTable table, boolean isDefault, String reason,
        String createdByName, Instant createdAt) {
}
